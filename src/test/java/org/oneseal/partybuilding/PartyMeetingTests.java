package org.oneseal.partybuilding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oneseal.partybuilding.PartyFixture.meeting;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 三会一课 and organisational life from the outside: each bad meeting refused with its field and nothing saved; meetings
 * with attendance, lessons by secretaries, dual organisational life and attachments; who records and who reads.
 */
@IntegrationTest
class PartyMeetingTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;
    PartyFixture party;

    @BeforeEach
    void fixture() {
        party = new PartyFixture(mvc, jdbc, users);
    }

    @AfterEach
    void back() {
        clock.reset();
    }

    private long meetings() {
        return party.count("select count(*) from oneseal.party_meeting") + party.count(
                "select count(*) from oneseal.party_meeting_attendance") + party.count("select count(*) from oneseal.party_file");
    }

    @Test
    void eachBadMeetingIsRefusedWithItsFieldAndNothingIsSaved() throws Exception {
        clock.travelTo(LocalDate.of(2025, 6, 20));
        long branch = party.branch("第十一党支部（会议校验）", "2025-02-01");
        long a = party.admit(branch, "甲一", "2025-02-01");
        long b = party.admit(branch, "甲二", "2025-02-01");
        long late = party.admit(branch, "甲三", "2025-05-01");
        long dissolved = party.branch("第十二党支部（已撤销）", "2025-02-01");
        long c = party.admit(dissolved, "乙一", "2025-02-01");
        jdbc.sql("update oneseal.party_org set dissolved_on = '2025-04-30' where id = ?").param(dissolved).update();
        long otherCell = party.org("第一党小组");
        long before = meetings();

        String committee = "BRANCH_COMMITTEE_MEETING";
        party.record(branch, "party02", meeting(committee, "2025-06-21", "明天的会", List.of(a), ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.heldOn", Matchers.containsString("晚于今天")));
        party.record(branch, "party02", meeting(committee, "2025-01-20", "成立前的会", List.of(a), ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.heldOn", Matchers.containsString("成立日期")));
        party.record(dissolved, "party02", meeting(committee, "2025-05-10", "撤销后的会", List.of(c), ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.heldOn", Matchers.containsString("已撤销")));
        party.record(branch, "party02", meeting(committee, "2025-03-10", "三月支委会", List.of(a, late), ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.attendees", Matchers.allOf(Matchers.containsString("甲三"),
                        Matchers.containsString("2025-03-10"), Matchers.not(Matchers.containsString("甲一")))));
        party.record(branch, "party02", meeting("CELL_MEETING", "2025-03-10", "党小组会", List.of(a), ",\"cellId\":" + otherCell))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.cellId", Matchers.containsString("没有这个党小组")));
        party.record(branch, "party02", meeting("CELL_MEETING", "2025-03-10", "党小组会", List.of(a), ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.cellId").exists());
        party.record(branch, "party02", meeting(committee, "2025-03-10", "支委会", List.of(a), ",\"cellId\":" + otherCell))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.cellId").exists());
        // a general meeting accounts for every member: 甲二 neither present nor excused; an absence needs its reason
        party.record(branch, "party02", meeting("BRANCH_GENERAL_MEETING", "2025-06-02", "党员大会", List.of(a), ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.absentees", Matchers.allOf(
                        Matchers.containsString("甲二"), Matchers.containsString("甲三"))));
        party.record(branch, "party02", meeting("BRANCH_GENERAL_MEETING", "2025-06-02", "党员大会", List.of(a, late),
                ",\"absentees\":[{\"memberId\":" + b + ",\"reason\":\" \"}]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.absentees", Matchers.containsString("缺席原因")));
        party.record(branch, "party02", meeting("PARTY_LESSON", "2025-06-02", "党课", List.of(a, b), ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.speakerId").exists());
        party.record(branch, "party02", meeting("HEART_TO_HEART_TALK", "2025-06-02", "谈心", List.of(a, b, late), ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.attendees", Matchers.containsString("两人")));
        party.record(branch, "party02", meeting("HEART_TO_HEART_TALK", "2025-06-02", "谈心", List.of(a, b),
                ",\"firstAgendaItem\":true,\"firstAgendaTopic\":\"学习\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.firstAgendaItem").exists());
        party.record(branch, "party02", meeting("DUAL_ORGANISATIONAL_LIFE", "2025-06-02", "双重组织生活", List.of(a),
                ",\"leaderId\":" + b)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.leaderId", Matchers.containsString("不是参加双重组织生活的领导干部")));
        party.record(branch, "party02", meeting("WEEKLY_TEA", "2025-06-02", "茶话会", List.of(a), ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.kind").exists());
        // the page's form: a file that is not what its name says refuses the whole meeting
        mvc.perform(multipart("/workbench/party/orgs/" + branch + "/meetings")
                .file(new MockMultipartFile("files", "纪要.pdf", "application/pdf", "<html>x</html>".getBytes(StandardCharsets.UTF_8)))
                .param("kind", committee).param("heldOn", "2025-06-03").param("topic", "六月支委会")
                .param("member", String.valueOf(a)).param("attendee", String.valueOf(a))
                .with(csrf()).with(user(users.loadUserByUsername("party02"))))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("纪要.pdf")))
                .andExpect(content().string(Matchers.containsString("value=\"六月支委会\"")));
        assertThat(meetings()).isEqualTo(before);

        // the same form with a real PDF and an excused member is recorded, the file with it
        String location = mvc.perform(multipart("/workbench/party/orgs/" + branch + "/meetings")
                .file(new MockMultipartFile("files", "纪要.pdf", "application/pdf", "%PDF-1.4 minutes".getBytes(StandardCharsets.US_ASCII)))
                .param("kind", committee).param("heldOn", "2025-06-03").param("topic", "六月支委会")
                .param("firstAgendaItem", "true").param("firstAgendaTopic", "学习最新重要讲话精神")
                .param("member", String.valueOf(a), String.valueOf(b)).param("attendee", String.valueOf(a))
                .param("reason." + b, "出差").param("minutes", "一、学习；二、研究发展党员工作")
                .with(csrf()).with(user(users.loadUserByUsername("party02"))))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long recorded = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        party.getAs("/api/v1/party/meetings/" + recorded, "party02").andExpect(status().isOk())
                .andExpect(jsonPath("$.present[*].name", Matchers.contains("甲一")))
                .andExpect(jsonPath("$.absent[0].absenceReason").value("出差"))
                .andExpect(jsonPath("$.firstAgendaTopic").value("学习最新重要讲话精神"))
                .andExpect(jsonPath("$.files[0].fileName").value("纪要.pdf"));
        long file = party.count("select id from oneseal.party_file where meeting_id = ?", recorded);
        party.getAs("/workbench/party/meetings/" + recorded + "/files/" + file, "party02").andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void oddInputFromAManagerIsAnsweredAsBadInputNeverAsAFailure() throws Exception {
        clock.travelTo(LocalDate.of(2025, 6, 20));
        long branch = party.branch("第十六党支部（异常输入）", "2025-02-01");
        long a = party.admit(branch, "己一", "2025-02-01");
        long before = meetings();
        for (String body : List.of("{}", "{\"kind\":null,\"attendees\":[null],\"absentees\":[null,{}]}",
                "{\"kind\":\"CELL_MEETING\",\"heldOn\":\"2025-06-01\",\"topic\":\"x\",\"cellId\":-1,\"attendees\":[" + a + "]}",
                "{\"kind\":\"PARTY_LESSON\",\"heldOn\":\"2025-06-01\",\"topic\":\"x\",\"speakerId\":9223372036854775807,\"attendees\":[" + a + "]}",
                "{\"kind\":\"DUAL_ORGANISATIONAL_LIFE\",\"heldOn\":\"2025-06-01\",\"topic\":\"x\",\"leaderId\":-5,\"attendees\":[]}",
                "{\"kind\":\"THEMED_PARTY_DAY\",\"heldOn\":\"-999999-01-01\",\"topic\":\"" + "长".repeat(201) + "\",\"attendees\":[" + a + "]}",
                "{\"kind\":\"THEMED_PARTY_DAY\",\"heldOn\":\"2025-02-30\",\"topic\":\"x\"}",
                "{\"kind\":[1],\"attendees\":\"all\"}", "[]", "null")) {
            int status = party.record(branch, "party02", body).andReturn().getResponse().getStatus();
            assertThat(status).as(body).isBetween(400, 499);
        }
        party.getAs("/api/v1/party/orgs/" + branch + "/compliance?period=" + "9".repeat(40), "party02")
                .andExpect(status().isBadRequest());
        party.getAs("/api/v1/party/orgs/" + branch + "/meetings?from=2025-99-01", "party02").andExpect(status().isBadRequest());
        party.getAs("/workbench/party/orgs/" + branch + "/meetings?year=99999999999", "party02").andExpect(status().isBadRequest());
        assertThat(meetings()).isEqualTo(before);
    }

    @Test
    void lessonsBySecretariesAndDualOrganisationalLifeAreRecordedAsSuch() throws Exception {
        clock.travelTo(LocalDate.of(2025, 6, 20));
        long committee = party.org("中共示范市行政审批局机关委员会");
        long branch = party.branch("第十三党支部（党课）", "2025-02-01");
        long secretary = party.admit(branch, "丙书记", "2025-02-01");
        long member = party.admit(branch, "丙党员", "2025-02-01");
        long leader = party.admit(branch, "丙局领导", "2025-02-01");
        party.role(secretary, branch, "SECRETARY", "2025-02-01");
        party.role(leader, committee, "COMMITTEE_MEMBER", "2025-03-01");

        party.record(branch, "party02", meeting("PARTY_LESSON", "2025-04-08", "书记讲党课", List.of(member, leader),
                ",\"speakerId\":" + secretary + ",\"speakerName\":\"党校老师\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.speakerName").exists());
        long lesson = party.recorded(branch, meeting("PARTY_LESSON", "2025-04-08", "书记讲党课", List.of(member, leader),
                ",\"speakerId\":" + secretary));
        party.getAs("/api/v1/party/meetings/" + lesson, "party02")
                .andExpect(jsonPath("$.speaker").value("丙书记")).andExpect(jsonPath("$.speakerSecretaryOf").value(branch));
        long guest = party.recorded(branch, meeting("PARTY_LESSON", "2025-05-08", "党史专题", List.of(member),
                ",\"speakerName\":\"市委党校教师\""));
        party.getAs("/api/v1/party/meetings/" + guest, "party02")
                .andExpect(jsonPath("$.speaker").value("市委党校教师")).andExpect(jsonPath("$.speakerSecretaryOf").doesNotExist());
        // before the leader's role in the organ committee began, they were no leader for dual organisational life
        party.record(branch, "party02", meeting("DUAL_ORGANISATIONAL_LIFE", "2025-02-20", "以普通党员身份参加", List.of(member),
                ",\"leaderId\":" + leader)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.leaderId").exists());
        long dual = party.recorded(branch, meeting("DUAL_ORGANISATIONAL_LIFE", "2025-04-20", "以普通党员身份参加",
                List.of(member), ",\"leaderId\":" + leader));
        party.getAs("/api/v1/party/meetings/" + dual, "party02").andExpect(jsonPath("$.leaderName").value("丙局领导"))
                .andExpect(jsonPath("$.present[*].name", Matchers.containsInAnyOrder("丙党员", "丙局领导")));
        party.getAs("/api/v1/party/orgs/" + branch + "/meetings?from=2025-04-01&to=2025-04-30", "party02")
                .andExpect(jsonPath("$[*].id", Matchers.contains((int) dual, (int) lesson)));
    }

    @Test
    void managersRecordTheBranchReadsAndMembersSeeOnlyWhatTheyAttended() throws Exception {
        clock.travelTo(LocalDate.of(2025, 3, 3));
        long second = party.org("第二党支部");
        long window = party.memberByAccount("window01");
        long worker = party.memberByAccount("party01");
        long chen = party.memberByName("陈静");
        long zhao = party.memberByName("赵磊");
        String json = meeting("BRANCH_COMMITTEE_MEETING", "2025-02-10", "二月支委会", List.of(worker, window), "");
        long before = meetings();
        party.record(second, "secretary01", json).andExpect(status().isNotFound()); // another branch: not found
        party.record(second, "leader", json).andExpect(status().isForbidden()); // reads everything, records nothing
        party.record(second, "zhangsan", json).andExpect(status().isForbidden());
        party.record(second, "window01", json).andExpect(status().isNotFound());
        assertThat(meetings()).isEqualTo(before);

        long attended = party.id(party.record(second, "party01", json).andExpect(status().isCreated()));
        long other = party.recorded(second, meeting("THEMED_PARTY_DAY", "2025-02-20", "二月主题党日", List.of(chen, zhao), ""));
        party.getAs("/api/v1/party/orgs/" + second + "/meetings", "leader").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", Matchers.hasItems((int) attended, (int) other)));
        party.getAs("/api/v1/party/orgs/" + second + "/meetings", "secretary01").andExpect(status().isNotFound());
        party.getAs("/api/v1/party/orgs/" + second + "/meetings", "window01").andExpect(status().isNotFound());
        party.getAs("/api/v1/party/me/meetings", "window01").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", Matchers.hasItem((int) attended)))
                .andExpect(jsonPath("$[*].id", Matchers.not(Matchers.hasItem((int) other))));
        party.getAs("/api/v1/party/meetings/" + attended, "window01").andExpect(status().isOk())
                .andExpect(jsonPath("$.topic").value("二月支委会"));
        long denied = party.count("select count(*) from oneseal.audit_entry where action = 'party.meeting.read' and outcome = 'DENIED'");
        party.getAs("/api/v1/party/meetings/" + other, "window01").andExpect(status().isNotFound());
        assertThat(party.count("select count(*) from oneseal.audit_entry where action = 'party.meeting.read' and outcome = 'DENIED'"))
                .isEqualTo(denied + 1);
        party.getAs("/api/v1/party/meetings/" + other, "zhangsan").andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/party/meetings/" + other)).andExpect(status().isUnauthorized());
        // the member's own record shows the meetings they attended (the section the member page loads)
        mvc.perform(get("/workbench/party/members/" + window + "/work").header("HX-Request", "true")
                .with(user(users.loadUserByUsername("window01")))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("二月支委会")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("二月主题党日"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
        party.getAs("/workbench/party/meetings/" + other, "window01").andExpect(status().isNotFound());
        // the branch's page links to its meetings, compliance and rectification; the member's page loads the section
        party.getAs("/workbench/party/orgs/" + second, "party01").andExpect(content().string(Matchers.allOf(
                Matchers.containsString("/workbench/party/orgs/" + second + "/meetings"),
                Matchers.containsString("/workbench/party/orgs/" + second + "/compliance"),
                Matchers.containsString("/workbench/party/orgs/" + second + "/rectification"))));
        party.getAs("/workbench/party/members/" + window, "window01")
                .andExpect(content().string(Matchers.containsString("/workbench/party/members/" + window + "/work")));
        party.getAs("/workbench/party/orgs/" + second + "/meetings", "party01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("二月支委会")))
                .andExpect(content().string(Matchers.containsString("id=\"record-meeting\"")));
        party.getAs("/workbench/party/orgs/" + second + "/meetings", "leader").andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"record-meeting\""))));
    }
}

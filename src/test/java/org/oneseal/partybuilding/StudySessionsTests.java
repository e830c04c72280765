package org.oneseal.partybuilding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Study sessions from the outside: the party group's central study group recorded by the organ committee (invited
 * attendees flagged), branch study and reading-group discussions by whoever manages the branch, committee supervision,
 * individual study, activities; who sees what; and every bad input refused with nothing saved.
 */
@IntegrationTest
class StudySessionsTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;
    StudyTestSupport t;

    @BeforeEach
    void setUp() {
        t = new StudyTestSupport(mvc, jdbc, users);
        clock.travelTo(LocalDate.of(2025, 12, 15));
    }

    @AfterEach
    void back() {
        clock.reset();
    }

    private static String session(String kind, String day, String topic, String attendees, String speakers) {
        return """
                {"kind":"%s","heldOn":"%s","topic":%s,"documents":["《习近平谈治国理政》第五卷","中央经济工作会议精神"],
                 "firstAgendaItem":true,"attendees":[%s],"speakers":[%s]}"""
                .formatted(kind, day, topic == null ? "null" : "\"" + topic + "\"", attendees, speakers);
    }

    @Test
    void theCentralStudyGroupIsRecordedByTheOrganCommitteeAndReadByThePartyGroup() throws Exception {
        long group = t.org("中共示范市行政审批局党组");
        long leader = t.memberOf("leader");
        long chief = t.memberOf("chief01");
        long window = t.memberOf("window01");
        String body = session("SESSION", "2025-02-10", "学习贯彻党的二十届三中全会精神", leader + "," + chief + "," + window,
                String.valueOf(leader));
        // the party group's secretary reads but records nothing without party:manage; a branch secretary sees nothing
        t.postJson("/api/v1/party/orgs/" + group + "/study-sessions", "leader", body).andExpect(status().isForbidden());
        t.postJson("/api/v1/party/orgs/" + group + "/study-sessions", "secretary01", body).andExpect(status().isNotFound());
        t.postJson("/api/v1/party/orgs/" + group + "/study-sessions", "zhangsan", body).andExpect(status().isForbidden());
        long id = StudyTestSupport.id(t.postJson("/api/v1/party/orgs/" + group + "/study-sessions", "party02", body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.session.level").value("GROUP"))
                .andExpect(jsonPath("$.session.firstAgendaItem").value(true))
                .andExpect(jsonPath("$.session.documents.length()").value(2))
                // the party group's member attends, the others are invited (列席)
                .andExpect(jsonPath("$.present[?(@.name == '局长')].invited").value(Matchers.contains(false)))
                .andExpect(jsonPath("$.present[?(@.name == '局长')].spoke").value(Matchers.contains(true)))
                .andExpect(jsonPath("$.present[?(@.name == '市场准入科科长')].invited").value(Matchers.contains(true)))
                .andExpect(jsonPath("$.present[?(@.name == '窗口人员')].invited").value(Matchers.contains(true)))
                .andExpect(jsonPath("$.absent.length()").value(0)), "$.session.id");
        t.getAs("/api/v1/party/central-study?year=2025", "leader").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].topic", Matchers.hasItem("学习贯彻党的二十届三中全会精神")));
        t.getAs("/api/v1/party/central-study?year=2025", "party02").andExpect(status().isOk());
        t.getAs("/api/v1/party/central-study?year=2025", "secretary01").andExpect(status().isNotFound());
        // an attendee sees the session, through their own record too; others of the branch do not
        t.getAs("/api/v1/party/study-sessions/" + id, "window01").andExpect(status().isOk());
        t.getAs("/api/v1/party/me/study", "window01").andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions[*].id", Matchers.hasItem((int) id)));
        t.getAs("/api/v1/party/study-sessions/" + id, "party01").andExpect(status().isNotFound());
        t.getAs("/api/v1/party/study-sessions/" + id, "zhangsan").andExpect(status().isForbidden());
        // the pages: the central study group, the session with its invited attendees
        t.getAs("/workbench/party/central-study", "leader").andExpect(redirectedUrl("/workbench/party/orgs/" + group + "/study"));
        t.getAs("/workbench/party/orgs/" + group + "/study?year=2025", "party02").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("党组理论学习中心组")))
                .andExpect(content().string(Matchers.containsString("学习贯彻党的二十届三中全会精神")))
                .andExpect(content().string(Matchers.containsString("id=\"record-session\"")));
        t.getAs("/workbench/party/orgs/" + group + "/study?year=2025", "leader").andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"record-session\""))));
        t.getAs("/workbench/party/study-sessions/" + id, "leader").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("列席")))
                .andExpect(content().string(Matchers.containsString("中央经济工作会议精神")));
    }

    @Test
    void badSessionsAreRefusedWithTheFieldAndNothingIsSaved() throws Exception {
        long group = t.org("中共示范市行政审批局党组");
        long first = t.org("第一党支部");
        long leader = t.memberOf("leader");
        long window = t.memberOf("window01");
        long secretary = t.memberOf("secretary01");
        long sessions = t.count("select count(*) from oneseal.party_study_session");
        String groupPath = "/api/v1/party/orgs/" + group + "/study-sessions";
        t.postJson(groupPath, "party02", session("SESSION", "2025-02-11", "  ", String.valueOf(leader), ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.topic", Matchers.containsString("主题")));
        t.postJson(groupPath, "party02", session("SESSION", "2025-12-16", "明天的学习", String.valueOf(leader), ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.heldOn").exists());
        t.postJson(groupPath, "party02", session("SESSION", "2019-02-01", "成立前的学习", String.valueOf(leader), ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.heldOn", Matchers.containsString("成立日期")));
        t.postJson(groupPath, "party02", session("LECTURE", "2025-02-11", "学习", String.valueOf(leader), ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.kind").exists());
        t.postJson(groupPath, "party02", session("SESSION", "2025-02-11", "学习", "", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.attendees").exists());
        t.postJson(groupPath, "party02", session("SESSION", "2025-02-11", "学习", String.valueOf(leader), String.valueOf(window)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.speakers").exists());
        t.postJson(groupPath, "party02", session("SESSION", "2025-02-11", "学习", leader + ",987654321", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.attendees", Matchers.containsString("987654321")));
        // a branch's attendees are its members on the day: not another branch's, not one who came later
        t.postJson("/api/v1/party/orgs/" + first + "/study-sessions", "secretary01",
                session("SESSION", "2025-03-05", "支部学习", secretary + "," + window, ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.attendees", Matchers.containsString("窗口人员")));
        long branch = t.branch();
        long late = t.member("学员丙");
        t.postJson("/api/v1/party/orgs/" + branch + "/study-sessions", "party02",
                session("SESSION", "2025-05-20", "支部学习", t.member("学员甲") + "," + late, ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.attendees", Matchers.containsString("学员丙")));
        // committee supervision only of a branch below the committee
        t.postJson("/api/v1/party/orgs/" + t.org("中共示范市行政审批局机关委员会") + "/study-sessions", "party02", """
                {"kind":"SESSION","heldOn":"2025-03-06","topic":"督学","attendees":[%d],"supervisedOrgId":%d}"""
                .formatted(secretary, group)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.supervisedOrgId").exists());
        // a page with the same bad input shows the field's message
        t.postForm("/workbench/party/orgs/" + group + "/study", "party02", "kind", "SESSION", "heldOn", "2025-02-11",
                "topic", "", "attendees", String.valueOf(leader)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("class=\"field-error\"")));
        assertThat(t.count("select count(*) from oneseal.party_study_session")).isEqualTo(sessions);
    }

    @Test
    void branchStudyReadingGroupsAndSupervisionAreRecordedByWhoeverManagesThem() throws Exception {
        long first = t.org("第一党支部");
        long second = t.org("第二党支部");
        long cell = t.org("第一党小组");
        long committee = t.org("中共示范市行政审批局机关委员会");
        long secretary = t.memberOf("secretary01");
        long wang = t.member("王芳");
        long li = t.member("李强");
        long window = t.memberOf("window01");
        t.postJson("/api/v1/party/orgs/" + first + "/study-sessions", "secretary01",
                session("SESSION", "2025-03-05", "第一党支部三月学习", secretary + "," + wang + "," + li, String.valueOf(li)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.session.level").value("BRANCH"))
                .andExpect(jsonPath("$.absent[*].name", Matchers.hasItem("市场准入科科长")));
        t.postJson("/api/v1/party/orgs/" + cell + "/study-sessions", "secretary01",
                session("DISCUSSION", "2025-03-12", "读《论党的自我革命》", String.valueOf(wang), String.valueOf(wang)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.session.level").value("CELL"))
                .andExpect(jsonPath("$.session.kind").value("DISCUSSION"));
        // another branch's secretary: not found; the party group's secretary reads every branch but records nothing
        t.postJson("/api/v1/party/orgs/" + second + "/study-sessions", "secretary01",
                session("SESSION", "2025-03-05", "越权", String.valueOf(window), "")).andExpect(status().isNotFound());
        t.postJson("/api/v1/party/orgs/" + first + "/study-sessions", "leader",
                session("SESSION", "2025-03-05", "越权", String.valueOf(li), "")).andExpect(status().isForbidden());
        t.getAs("/api/v1/party/orgs/" + first + "/study-sessions?year=2025", "leader").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].topic", Matchers.hasItem("第一党支部三月学习")));
        t.getAs("/api/v1/party/orgs/" + second + "/study-sessions?year=2025", "secretary01").andExpect(status().isNotFound());
        t.getAs("/api/v1/party/orgs/" + first + "/study-sessions?year=2031", "secretary01").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.year").exists());
        // 第二党支部's worker records its study; its member sees it among their own, not the first branch's
        t.postJson("/api/v1/party/orgs/" + second + "/study-sessions", "party01",
                session("SESSION", "2025-03-07", "大厅支部三月学习", String.valueOf(window), "")).andExpect(status().isCreated());
        t.getAs("/api/v1/party/me/study", "window01").andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions[*].topic", Matchers.hasItem("大厅支部三月学习")))
                .andExpect(jsonPath("$.sessions[*].topic", Matchers.not(Matchers.hasItem("第一党支部三月学习"))));
        t.getAs("/api/v1/party/orgs/" + second + "/study-sessions", "window01").andExpect(status().isNotFound());
        // the organ committee supervises the first branch's study (督学)
        t.postJson("/api/v1/party/orgs/" + committee + "/study-sessions", "party02", """
                {"kind":"SESSION","heldOn":"2025-03-05","topic":"督导第一党支部学习","attendees":[%d,%d],"supervisedOrgId":%d}"""
                .formatted(t.memberOf("party02"), secretary, first)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.session.level").value("COMMITTEE"))
                .andExpect(jsonPath("$.session.supervisedOrgName").value("第一党支部（市场准入）"))
                .andExpect(jsonPath("$.present[?(@.name == '第一党支部书记')].invited").value(Matchers.contains(false)))
                .andExpect(jsonPath("$.absent.length()").value(0));
        // individual study: the member themselves, or the worker of their branch; not another branch's secretary
        t.postJson("/api/v1/party/me/individual-study", "window01", """
                {"heldOn":"2025-04-02","topic":"自学《中国共产党纪律处分条例》"}""").andExpect(status().isCreated())
                .andExpect(jsonPath("$.session.level").value("INDIVIDUAL"));
        t.postJson("/api/v1/party/members/" + window + "/individual-study", "secretary01", """
                {"heldOn":"2025-04-03","topic":"代登记"}""").andExpect(status().isNotFound());
        t.postJson("/api/v1/party/me/individual-study", "window01", """
                {"heldOn":"2025-04-02","topic":""}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.topic").exists());
        t.postJson("/api/v1/party/me/individual-study", "zhangsan", """
                {"heldOn":"2025-04-02","topic":"x"}""").andExpect(status().isForbidden());
        // pages: the org page links to its study; the branch's study page renders
        t.getAs("/workbench/party/orgs/" + first, "secretary01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/workbench/party/orgs/" + first + "/study")));
        t.getAs("/workbench/party/orgs/" + first + "/study?year=2025", "secretary01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("第一党支部三月学习")));
        t.getAs("/workbench/party/orgs/" + committee + "/study?year=2025", "party02").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("督学：第一党支部（市场准入）")));
    }

    @Test
    void activitiesHaveMembersOfTheOrganisationAsParticipants() throws Exception {
        long second = t.org("第二党支部");
        long window = t.memberOf("window01");
        long li = t.member("李强");
        String path = "/api/v1/party/orgs/" + second + "/activities";
        long activities = t.count("select count(*) from oneseal.party_activity");
        t.postJson(path, "party01", """
                {"kind":"VISIT","heldOn":"2025-05-01","title":"参观党史馆","participants":[%d,%d]}""".formatted(window, li))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.participants", Matchers.containsString("李强")));
        t.postJson(path, "party01", """
                {"kind":"PARTY","heldOn":"2025-05-01","title":"参观党史馆","participants":[%d]}""".formatted(window))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.activityKind").exists());
        t.postJson(path, "party01", """
                {"kind":"VISIT","heldOn":"2025-05-01","title":"","participants":[]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.title").exists())
                .andExpect(jsonPath("$.errors.participants").exists());
        t.postJson(path, "secretary01", """
                {"kind":"VISIT","heldOn":"2025-05-01","title":"参观党史馆","participants":[%d]}""".formatted(window))
                .andExpect(status().isNotFound());
        assertThat(t.count("select count(*) from oneseal.party_activity")).isEqualTo(activities);
        t.postJson(path, "party01", """
                {"kind":"FIELD_STUDY","heldOn":"2025-05-01","title":"赴红色教育基地践学","place":"市党史馆","participants":[%d]}"""
                .formatted(window)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.participants[0].name").value("窗口人员"));
        t.getAs("/api/v1/party/me/study", "window01")
                .andExpect(jsonPath("$.activities[*].title", Matchers.hasItem("赴红色教育基地践学")));
        t.getAs("/workbench/party/orgs/" + second + "/activities?year=2025", "party01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("赴红色教育基地践学")))
                .andExpect(content().string(Matchers.containsString("id=\"record-activity\"")));
        t.getAs("/workbench/party/orgs/" + second + "/activities", "window01").andExpect(status().isNotFound());
    }
}

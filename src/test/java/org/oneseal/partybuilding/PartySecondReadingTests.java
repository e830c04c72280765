package org.oneseal.partybuilding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oneseal.partybuilding.PartyFixture.meeting;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A second reading of party building: who sees what (a cell leader and unpublished grades, a branch secretary and
 * other organisations' study, an attendee and others' absence reasons), refusals that keep their audit, two requests
 * at once against one rule, a member on the day of a move, and bad input that must get a message, not a 500. Each
 * test makes its own branches and members, and uses days of 2023 (no other test does).
 */
@IntegrationTest
class PartySecondReadingTests {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    PartyFixture party;

    @BeforeEach
    void fixture() {
        party = new PartyFixture(mvc, jdbc, users);
    }

    private long denials(String action) {
        return party.count("select count(*) from oneseal.audit_entry where action = ? and outcome = 'DENIED'", action);
    }

    /** Runs the requests at once (released together) and returns their statuses. */
    private static List<Integer> atOnce(List<Callable<Integer>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (Callable<Integer> r : requests) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return r.call();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------------ who sees what

    @Test
    void aCellLeaderSeesNoUnpublishedGradeOfTheCellsMembers() throws Exception {
        long first = party.org("第一党支部");
        long cell = party.org("第一党小组");
        long wang = party.memberByName("王芳");
        party.postJson("/api/v1/party/orgs/" + first + "/assessments", "party02", """
                {"month":"2023-03","memberId":%d,"grade":"POOR","comment":"多次无故缺席组织生活"}""".formatted(wang))
                .andExpect(status().isCreated());
        // the branch sees the grade; the reading group's leader (who sees the cell, not the branch) does not
        party.getAs("/api/v1/party/members/" + wang + "/assessments", "secretary01")
                .andExpect(jsonPath("$[?(@.month == '2023-03')].comment").value(Matchers.hasItem("多次无故缺席组织生活")));
        party.getAs("/api/v1/party/members/" + wang + "/assessments", "reviewer01").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.month == '2023-03')]").isEmpty());
        party.getAs("/api/v1/party/orgs/" + cell + "/assessments?month=2023-03", "reviewer01")
                .andExpect(status().is4xxClientError())
                .andExpect(content().string(Matchers.not(Matchers.containsString("多次无故缺席组织生活"))));
        party.getAs("/workbench/party/members/" + wang + "/record", "reviewer01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("多次无故缺席组织生活"))));
    }

    @Test
    void aMembersStudyRecordShowsABranchSecretaryOnlyTheStudyOfOrganisationsTheySee() throws Exception {
        long committee = party.org("中共示范市行政审批局机关委员会");
        long chief = party.memberByAccount("chief01"); // of the first branch, a member of the organ committee
        party.postJson("/api/v1/party/orgs/" + committee + "/study-sessions", "party02", """
                {"kind":"DISCUSSION","heldOn":"2023-04-12","topic":"机关党委内部研讨（二〇二三）","attendees":[%d],
                 "notes":"仅限机关党委：干部考察意见交流"}""".formatted(chief)).andExpect(status().isCreated());
        // the session itself is not the branch secretary's to read …
        long id = jdbc.sql("select id from oneseal.party_study_session where topic = '机关党委内部研讨（二〇二三）'")
                .query(Long.class).single();
        party.getAs("/api/v1/party/study-sessions/" + id, "secretary01").andExpect(status().isNotFound());
        // … nor through the record of a member of their branch who attended it
        party.getAs("/api/v1/party/members/" + chief + "/study", "secretary01").andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions[*].id", Matchers.not(Matchers.hasItem((int) id))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("干部考察意见"))));
        party.getAs("/workbench/party/members/" + chief + "/study", "secretary01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("机关党委内部研讨（二〇二三）"))));
        // the member and the committee see it
        party.getAs("/api/v1/party/me/study", "chief01")
                .andExpect(jsonPath("$.sessions[*].id", Matchers.hasItem((int) id)));
        party.getAs("/api/v1/party/members/" + chief + "/study", "party02")
                .andExpect(jsonPath("$.sessions[*].id", Matchers.hasItem((int) id)));
    }

    @Test
    void whenEveryRoleAboveTheBranchesHasEndedABranchWorkerStillSeesTheirBranchOnly() throws Exception {
        long first = party.org("第一党支部");
        long second = party.org("第二党支部");
        List<Long> top = jdbc.sql("""
                select r.id from oneseal.party_role r join oneseal.party_org o on o.id = r.org_id
                where r.until is null and o.kind in ('GROUP', 'ORGAN_COMMITTEE')""").query(Long.class).list();
        assertThat(top).isNotEmpty();
        try {
            // e.g. the committee re-elected while the party group's secretary was transferred out: no current role
            // above the branches for a while
            jdbc.sql("update oneseal.party_role set until = since where id in (:ids)").param("ids", top).update();
            party.getAs("/api/v1/party/orgs/" + first + "/members", "party01").andExpect(status().isNotFound());
            party.getAs("/api/v1/party/orgs", "party01").andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].id", Matchers.contains((int) second)));
            party.postJson("/api/v1/party/orgs/" + first + "/members", "party01", """
                    {"name":"越权","category":"FULL","joinedPartyOn":"2010-07-01","since":"2023-02-01","how":"JOINED"}""")
                    .andExpect(status().isNotFound());
            party.getAs("/api/v1/party/orgs/" + first + "/members", "secretary01").andExpect(status().isOk());
        } finally {
            jdbc.sql("update oneseal.party_role set until = null where id in (:ids)").param("ids", top).update();
        }
    }

    @Test
    void anAttendeeSeesWhoWasExcusedButNotWhy() throws Exception {
        long second = party.org("第二党支部");
        long window = party.memberByAccount("window01");
        long chen = party.memberByName("陈静");
        long id = party.recorded(second, meeting("THEMED_PARTY_DAY", "2023-05-20", "二〇二三年五月主题党日", List.of(window),
                ",\"absentees\":[{\"memberId\":%d,\"reason\":\"住院治疗（肿瘤科）\"}]".formatted(chen)));
        party.getAs("/api/v1/party/meetings/" + id, "party01")
                .andExpect(jsonPath("$.absent[0].absenceReason").value("住院治疗（肿瘤科）"));
        party.getAs("/api/v1/party/meetings/" + id, "window01").andExpect(status().isOk())
                .andExpect(jsonPath("$.absent[0].name").value("陈静"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("肿瘤科"))));
        party.getAs("/workbench/party/meetings/" + id, "window01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("陈静")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("肿瘤科"))));
    }

    @Test
    void anApplicantLearnsNothingOfPartyRecordsNotEvenWhichExist() throws Exception {
        long second = party.org("第二党支部");
        long window = party.memberByAccount("window01");
        long meeting = party.recorded(second, meeting("THEMED_PARTY_DAY", "2023-03-18", "二〇二三年三月主题党日",
                List.of(window), ""));
        // an existing meeting and one that does not exist answer alike: 403
        party.getAs("/api/v1/party/meetings/" + meeting, "zhangsan").andExpect(status().isForbidden());
        party.getAs("/api/v1/party/meetings/999999999", "zhangsan").andExpect(status().isForbidden());
        party.getAs("/api/v1/party/rectification-items/999999999", "zhangsan").andExpect(status().isForbidden());
        party.getAs("/api/v1/party/reading-lists/999999999", "zhangsan").andExpect(status().isForbidden());
        party.postJson("/api/v1/party/volunteer-duties/999999999/sign-in", "zhangsan", "").andExpect(status().isForbidden());
    }

    // ------------------------------------------------------------------------------------------------ audit

    @Test
    void aRefusalKeepsItsAuditEntry() throws Exception {
        long first = party.org("第一党支部");
        long secretary = party.memberByAccount("secretary01");
        // seen, not managed (403): the party group's secretary records nothing
        long meeting = denials("party.meeting.record");
        party.record(first, "leader", meeting("BRANCH_COMMITTEE_MEETING", "2023-02-10", "支委会", List.of(secretary), ""))
                .andExpect(status().isForbidden());
        assertThat(denials("party.meeting.record")).isEqualTo(meeting + 1);
        long publish = denials("party.assessment.publish");
        party.postJson("/api/v1/party/assessment-notices", "leader", "{\"month\":\"2023-01\"}")
                .andExpect(status().isForbidden());
        assertThat(denials("party.assessment.publish")).isEqualTo(publish + 1);
        // a staff member outside the party tree (a read-only transaction)
        long list = denials("party.commendation.list");
        party.getAs("/api/v1/party/commendations", "admin").andExpect(status().isForbidden());
        assertThat(denials("party.commendation.list")).isEqualTo(list + 1);
        // the study figures, like the other figures, audit their refusal
        long figures = denials("party.study.figures");
        party.getAs("/api/v1/party/study-figures?from=2023-01-01&to=2023-12-31", "secretary01")
                .andExpect(status().isForbidden());
        assertThat(denials("party.study.figures")).isEqualTo(figures + 1);
    }

    // ------------------------------------------------------------------------------------------------ races

    @Test
    void anItemIsClosedOnceWhenClosedTwiceAtOnce() throws Exception {
        long branch = party.branch("第三十一党支部（并发销号）", "2023-01-01");
        long a = party.admit(branch, "庚一", "2023-01-01");
        long b = party.admit(branch, "庚二", "2023-01-01");
        long life = party.recorded(branch, meeting("ORGANISATIONAL_LIFE_MEETING", "2023-06-26", "二〇二三年组织生活会",
                List.of(a, b), ""));
        long list = PartyFixture.id(party.postJson("/api/v1/party/orgs/" + branch + "/rectification-lists", "party02",
                "{\"meetingId\":" + life + ",\"title\":\"整改清单\"}").andExpect(status().isCreated()));
        long item = PartyFixture.id(party.postJson("/api/v1/party/rectification-lists/" + list + "/items", "party02", """
                {"problem":"学习不深入","measure":"制定学习计划","ownerId":%d,"deadline":"2023-12-31"}""".formatted(a))
                .andExpect(status().isCreated()));
        List<Callable<Integer>> closures = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String evidence = "{\"evidence\":\"已制定学习计划（第" + i + "次提交）\"}";
            closures.add(() -> party.postJson("/api/v1/party/rectification-items/" + item + "/closure", "party02", evidence)
                    .andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = atOnce(closures);
        assertThat(statuses).containsOnly(200, 422).filteredOn(s -> s == 200).hasSize(1);
        assertThat(party.count("select count(*) from oneseal.party_rectification_event where item_id = ? and kind = 'CLOSED'",
                item)).isOne();
        assertThat(party.count("select count(*) from oneseal.party_rectification_event where item_id = ? and kind = 'EVIDENCE'",
                item)).isOne();
    }

    @Test
    void aMeetingKeepsAtMostTenFilesWhenUploadsComeAtOnce() throws Exception {
        long branch = party.branch("第三十二党支部（并发附件）", "2023-01-01");
        long a = party.admit(branch, "辛一", "2023-01-01");
        long id = party.recorded(branch, meeting("THEMED_PARTY_DAY", "2023-07-01", "七一主题党日", List.of(a), ""));
        List<Callable<Integer>> uploads = new ArrayList<>();
        for (int u = 0; u < 6; u++) {
            int upload = u;
            uploads.add(() -> {
                var request = multipart("/api/v1/party/meetings/" + id + "/files");
                for (int f = 0; f < 3; f++) {
                    request.file(new MockMultipartFile("files", "photo-" + upload + "-" + f + ".png", "image/png", PNG));
                }
                return mvc.perform(request.with(csrf()).with(user(users.loadUserByUsername("party02"))))
                        .andReturn().getResponse().getStatus();
            });
        }
        List<Integer> statuses = atOnce(uploads);
        assertThat(statuses).containsOnly(201, 400).filteredOn(s -> s == 201).hasSize(3);
        assertThat(party.count("select count(*) from oneseal.party_file where meeting_id = ?", id)).isEqualTo(9);
    }

    @Test
    void aMemberIsNotPutOnOverlappingShiftsWhenAssignmentsComeAtOnce() throws Exception {
        long branch = party.branch("第三十三党支部（并发排班）", "2023-01-01");
        long a = party.admit(branch, "壬一", "2023-01-01");
        List<Long> shifts = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            long roster = PartyFixture.id(party.postJson("/api/v1/party/orgs/" + branch + "/volunteer-rosters", "party02", """
                    {"place":"社区%d","placeKind":"COMMUNITY","startsOn":"2023-07-01","endsOn":"2023-07-31",
                     "shifts":[{"name":"上午","start":"08:%d0","end":"12:00"}]}""".formatted(r, r))
                    .andExpect(status().isCreated()));
            shifts.add(jdbc.sql("select id from oneseal.party_volunteer_shift where roster_id = ?").param(roster)
                    .query(Long.class).single());
        }
        List<Callable<Integer>> assignments = new ArrayList<>();
        for (long shift : shifts) {
            long roster = jdbc.sql("select roster_id from oneseal.party_volunteer_shift where id = ?").param(shift)
                    .query(Long.class).single();
            assignments.add(() -> party.postJson("/api/v1/party/volunteer-rosters/" + roster + "/duties", "party02",
                    "{\"shiftId\":%d,\"day\":\"2023-07-03\",\"memberId\":%d}".formatted(shift, a))
                    .andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = atOnce(assignments);
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(party.count("select count(*) from oneseal.party_volunteer_duty where member_id = ? and day = '2023-07-03'",
                a)).isOne();
    }

    @Test
    void aRoleIsEndedOnceWhenEndedTwiceAtOnce() throws Exception {
        long branch = party.branch("第四十三党支部（并发免职）", "2023-01-01");
        long a = party.admit(branch, "辰一", "2023-01-01");
        party.role(a, branch, "SECRETARY", "2023-01-01");
        long role = jdbc.sql("select id from oneseal.party_role where member_id = ?").param(a).query(Long.class).single();
        List<Callable<Integer>> ends = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String until = "{\"until\":\"2023-10-0" + i + "\"}";
            ends.add(() -> party.postJson("/api/v1/party/roles/" + role + "/end", "party02", until)
                    .andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = atOnce(ends);
        assertThat(statuses).containsOnly(200, 422).filteredOn(s -> s == 200).hasSize(1);
        assertThat(party.count("select count(*) from oneseal.audit_entry where action = 'party.role.end' and object_id = ?",
                String.valueOf(role))).isOne();
    }

    @Test
    void aMemberIsTransferredOutOnceWhenTransferredTwiceAtOnce() throws Exception {
        long branch = party.branch("第四十四党支部（并发转出）", "2023-01-01");
        long a = party.admit(branch, "巳一", "2023-01-01");
        party.role(a, branch, "COMMITTEE_MEMBER", "2023-01-01");
        List<Callable<Integer>> transfers = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String body = "{\"on\":\"2023-11-0" + i + "\",\"wentTo\":\"乙县委组织部\"}";
            transfers.add(() -> party.postJson("/api/v1/party/members/" + a + "/transfer-out", "party02", body)
                    .andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = atOnce(transfers);
        assertThat(statuses).containsOnly(200, 422).filteredOn(s -> s == 200).hasSize(1);
        assertThat(party.count("""
                select count(*) from oneseal.audit_entry where action = 'party.member.transferOut' and object_id = ?""",
                String.valueOf(a))).isOne();
        // the stay and the role ended on the same day
        assertThat(party.count("""
                select count(*) from oneseal.party_membership s join oneseal.party_role r on r.member_id = s.member_id
                where s.member_id = ? and r.until = s.until""", a)).isOne();
    }

    @Test
    void importsOfTheSameMonthAtOnceReplaceEachOther() throws Exception {
        long branch = party.branch("第四十五党支部（并发导入）", "2023-01-01");
        StringBuilder csv = new StringBuilder("党员编号,姓名,期间,积分\n");
        for (int i = 0; i < 20; i++) {
            long m = party.admit(branch, "午" + i, "2023-01-01");
            csv.append(m).append(",午").append(i).append(",2023-04,").append(10 + i).append('\n');
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        List<Callable<Integer>> imports = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            imports.add(() -> mvc.perform(multipart("/api/v1/party/orgs/" + branch + "/study-points")
                            .file(new MockMultipartFile("file", "april.csv", "text/csv", content))
                            .with(csrf()).with(user(users.loadUserByUsername("party02"))))
                    .andReturn().getResponse().getStatus());
        }
        assertThat(atOnce(imports)).containsOnly(201);
        assertThat(party.count("select count(*) from oneseal.party_study_points where org_id = ?", branch)).isEqualTo(20);
    }

    @Test
    void aDutyReportSubmittedTwiceAtOnceIsSavedOnceAndTheSecondGetsItsMessage() throws Exception {
        long branch = party.branch("第四十六党支部（重复提交）", "2023-01-01");
        long a = party.admit(branch, "未一", "2023-01-01");
        party.role(a, branch, "SECRETARY", "2023-01-01");
        List<Callable<Integer>> submissions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            submissions.add(() -> mvc.perform(multipart("/workbench/party/members/" + a + "/duty-reports")
                            .param("year", "2023").param("text", "二〇二三年度述职述廉报告")
                            .with(csrf()).with(user(users.loadUserByUsername("party02"))))
                    .andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = atOnce(submissions);
        assertThat(statuses).containsOnly(302, 200).filteredOn(s -> s == 302).hasSize(1);
        assertThat(party.count("select count(*) from oneseal.party_duty_report where member_id = ?", a)).isOne();
    }

    @Test
    void anOrganisationCreatedTwiceAtOnceIsCreatedOnceAndTheSecondGetsItsMessage() throws Exception {
        long branch = party.branch("第四十七党支部（重复建组）", "2023-01-01");
        List<Callable<Integer>> creations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            creations.add(() -> mvc.perform(post("/workbench/party/orgs").param("parentId", String.valueOf(branch))
                            .param("kind", "CELL").param("name", "重复建组的党小组").param("foundedOn", "2023-02-01")
                            .with(csrf()).with(user(users.loadUserByUsername("party02"))))
                    .andReturn().getResponse().getStatus());
        }
        assertThat(atOnce(creations)).containsOnly(302, 200).filteredOn(s -> s == 302).hasSize(1);
        assertThat(party.count("select count(*) from oneseal.party_org where parent_id = ?", branch)).isOne();
    }

    // ------------------------------------------------------------------------------------------------ one at a time

    @Test
    void aMovedMemberBelongsToOneBranchOnTheDayOfTheMove() throws Exception {
        long from = party.branch("第三十四党支部（调出）", "2023-01-01");
        long to = party.branch("第三十五党支部（调入）", "2023-01-01");
        long stays = party.admit(from, "癸一", "2023-01-01");
        long moves = party.admit(from, "癸二", "2023-01-01");
        long there = party.admit(to, "癸四", "2023-01-01");
        party.postJson("/api/v1/party/members/" + moves + "/move", "party02", "{\"orgId\":" + to + ",\"on\":\"2023-06-15\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.history[0].until").value("2023-06-14"));
        // on the day of the move the member is of the new branch only: the old one meets without them …
        party.record(from, "party02", meeting("BRANCH_GENERAL_MEETING", "2023-06-15", "调整当天的党员大会",
                List.of(stays), "")).andExpect(status().isCreated());
        // … and the new one accounts for them
        party.record(to, "party02", meeting("BRANCH_GENERAL_MEETING", "2023-06-15", "调整当天的党员大会", List.of(there), ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.absentees", Matchers.containsString("癸二")));
        // a move on the day the member came leaves no day in the old branch: refused on the day
        long newcomer = party.admit(from, "癸三", "2023-03-01");
        party.postJson("/api/v1/party/members/" + newcomer + "/move", "party02", "{\"orgId\":" + to + ",\"on\":\"2023-03-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.on").exists());
        assertThat(party.count("select count(*) from oneseal.party_membership where member_id = ?", newcomer)).isOne();
    }

    @Test
    void aMovedWorkerNoLongerManagesTheBranchTheyLeft() throws Exception {
        jdbc.sql("""
                insert into oneseal.account (username, password_hash, kind, display_name, region_id, created_at)
                select 'party_mover', '{noop}unused', 'STAFF', '调任党务干事', region_id, now() from oneseal.account
                where username = 'party01' on conflict do nothing""").update();
        jdbc.sql("""
                insert into oneseal.account_role (account_id, role) select id, 'PARTY_AFFAIRS' from oneseal.account
                where username = 'party_mover' on conflict do nothing""").update();
        long left = party.branch("第四十一党支部（调出）", "2023-01-01");
        long joined = party.branch("第四十二党支部（调入）", "2023-01-01");
        String admitted = party.postJson("/api/v1/party/orgs/" + left + "/members", "party02", """
                {"name":"调任党务干事","username":"party_mover","category":"FULL","joinedPartyOn":"2010-07-01",
                 "since":"2023-01-01","how":"TRANSFER_IN","cameFrom":"原单位党支部"}""").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long mover = ((Number) com.jayway.jsonpath.JsonPath.read(admitted, "$.member.id")).longValue();
        party.role(mover, left, "PARTY_AFFAIRS_WORKER", "2023-01-01");
        party.getAs("/api/v1/party/orgs/" + left + "/members", "party_mover").andExpect(status().isOk());
        party.postJson("/api/v1/party/members/" + mover + "/move", "party02", "{\"orgId\":" + joined + ",\"on\":\"2023-09-01\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[?(@.orgId == " + left + ")].until").value(Matchers.contains("2023-08-31")));
        // a role is held in one's own organisation or above it: the worker of the branch left is a worker no more
        party.getAs("/api/v1/party/orgs/" + left + "/members", "party_mover").andExpect(status().isNotFound());
        party.postJson("/api/v1/party/orgs/" + left + "/members", "party_mover", """
                {"name":"离任后接收","category":"FULL","joinedPartyOn":"2010-07-01","since":"2023-09-02","how":"JOINED"}""")
                .andExpect(status().isNotFound());
    }

    // ------------------------------------------------------------------------------------------------ bad input

    @Test
    void anAdmissionWithAnOverlongOriginOrAnImpossibleDateGetsAFieldMessage() throws Exception {
        long branch = party.branch("第三十六党支部（接收校验）", "2023-01-01");
        String path = "/api/v1/party/orgs/" + branch + "/members";
        long members = party.count("select count(*) from oneseal.party_member");
        party.postJson(path, "party02", """
                {"name":"子一","category":"FULL","joinedPartyOn":"2010-07-01","since":"2023-02-01","how":"TRANSFER_IN",
                 "cameFrom":"%s"}""".formatted("某".repeat(101))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.cameFrom").exists());
        party.postJson(path, "party02", """
                {"name":"子一","category":"FULL","joinedPartyOn":"-5000-07-01","since":"2023-02-01","how":"JOINED"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.joinedPartyOn").exists());
        // the page: the form again with the message, not a server error
        mvc.perform(post("/workbench/party/orgs/" + branch + "/members").with(csrf())
                        .with(user(users.loadUserByUsername("party02"))).param("name", "子一").param("category", "FULL")
                        .param("joinedPartyOn", "2010-07-01").param("since", "2023-02-01").param("how", "TRANSFER_IN")
                        .param("cameFrom", "某".repeat(101)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("原所在党组织（100字以内）")));
        mvc.perform(post("/workbench/party/orgs/" + branch + "/members").with(csrf())
                        .with(user(users.loadUserByUsername("party02"))).param("name", "子一").param("category", "FULL")
                        .param("joinedPartyOn", "-5000-07-01").param("since", "2023-02-01").param("how", "JOINED"))
                .andExpect(status().isOk());
        assertThat(party.count("select count(*) from oneseal.party_member")).isEqualTo(members);
    }

    @Test
    void aRefusedItemOnTheRectificationPageShowsItsMessage() throws Exception {
        long branch = party.branch("第四十党支部（整改页面）", "2023-01-01");
        long a = party.admit(branch, "卯一", "2023-01-01");
        long list = PartyFixture.id(party.postJson("/api/v1/party/orgs/" + branch + "/rectification-lists", "party02",
                "{\"inspectedOn\":\"2023-08-10\",\"inspectingBody\":\"机关纪委\",\"title\":\"检查整改\"}")
                .andExpect(status().isCreated()));
        mvc.perform(post("/workbench/party/rectification-lists/" + list + "/items").with(csrf())
                        .with(user(users.loadUserByUsername("party02"))).param("problem", "").param("measure", "补齐台账")
                        .param("ownerId", String.valueOf(a)).param("workingDays", "5"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("请填写问题（500字以内）")));
        assertThat(party.count("select count(*) from oneseal.party_rectification_item where list_id = ?", list)).isZero();
    }

    @Test
    void aDeadlineBeyondTheCalendarGetsAFieldMessage() throws Exception {
        long branch = party.branch("第三十七党支部（时限校验）", "2023-01-01");
        long a = party.admit(branch, "丑一", "2023-01-01");
        long list = PartyFixture.id(party.postJson("/api/v1/party/orgs/" + branch + "/rectification-lists", "party02",
                "{\"inspectedOn\":\"2023-05-10\",\"inspectingBody\":\"机关纪委\",\"title\":\"检查整改\"}")
                .andExpect(status().isCreated()));
        party.postJson("/api/v1/party/rectification-lists/" + list + "/items", "party02", """
                {"problem":"台账不全","measure":"补齐台账","ownerId":%d,"deadline":"+999999999-12-31"}""".formatted(a))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.deadline").exists());
        mvc.perform(post("/workbench/party/rectification-lists/" + list + "/items").with(csrf())
                .with(user(users.loadUserByUsername("party02"))).param("problem", "台账不全").param("measure", "补齐台账")
                .param("ownerId", String.valueOf(a)).param("deadline", "+999999999-12-31")).andExpect(status().isOk());
        assertThat(party.count("select count(*) from oneseal.party_rectification_item where list_id = ?", list)).isZero();
    }

    @Test
    void aRosterBeyondTheCalendarGetsAFieldMessage() throws Exception {
        long branch = party.branch("第三十九党支部（排班校验）", "2023-01-01");
        long rosters = party.count("select count(*) from oneseal.party_volunteer_roster");
        party.postJson("/api/v1/party/orgs/" + branch + "/volunteer-rosters", "party02", """
                {"place":"社区","placeKind":"COMMUNITY","startsOn":"+999999999-01-01","endsOn":"+999999999-06-30",
                 "shifts":[{"name":"上午","start":"08:30","end":"12:00"}]}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.startsOn").exists());
        party.postJson("/api/v1/party/orgs/" + branch + "/volunteer-rosters", "party02", """
                {"place":"社区","placeKind":"COMMUNITY","startsOn":"+99999-01-01","endsOn":"+99999-06-30",
                 "shifts":[{"name":"上午","start":"08:30","end":"12:00"}]}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.startsOn").exists());
        assertThat(party.count("select count(*) from oneseal.party_volunteer_roster")).isEqualTo(rosters);
    }

    @Test
    void studyFiguresOfAnImpossibleYearGetAFieldMessage() throws Exception {
        mvc.perform(get(URI.create("/api/v1/party/study-figures?from=%2B999999999-01-01&to=%2B999999999-06-30"))
                        .with(user(users.loadUserByUsername("party02"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.from").value("日期不正确（须在1900年至9999年之间）"));
    }

    @Test
    void pointsOfMoreThanFourYearsOfMonthsAreImported() throws Exception {
        long branch = party.branch("第三十八党支部（积分历史）", "2019-03-01");
        long a = party.admit(branch, "寅一", "2019-03-01");
        StringBuilder csv = new StringBuilder("党员编号,姓名,期间,积分\n");
        for (YearMonth m = YearMonth.of(2019, 3); !m.isAfter(YearMonth.of(2023, 5)); m = m.plusMonths(1)) {
            csv.append(a).append(",寅一,").append(m).append(",10\n");
        }
        var file = new MockMultipartFile("file", "history.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/workbench/party/orgs/" + branch + "/study-points").file(file).with(csrf())
                        .with(user(users.loadUserByUsername("party02"))))
                .andExpect(status().is3xxRedirection());
        assertThat(party.count("select count(*) from oneseal.party_study_points where member_id = ?", a)).isEqualTo(51);
    }
}

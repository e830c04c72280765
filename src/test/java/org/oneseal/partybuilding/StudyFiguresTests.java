package org.oneseal.partybuilding;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The study figures of the annual report for a period (in 2024, which no other test uses): the central study group's
 * sessions and exchanges, the fewest reflections per member, the principal leader's study points; the period checked.
 */
@IntegrationTest
class StudyFiguresTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;
    StudyTestSupport t;

    @BeforeEach
    void setUp() {
        t = new StudyTestSupport(mvc, jdbc, users);
    }

    @AfterEach
    void back() {
        clock.reset();
    }

    @Test
    void theFiguresOfAPeriod() throws Exception {
        clock.travelTo(LocalDate.of(2024, 12, 20));
        long group = t.org("中共示范市行政审批局党组");
        long leader = t.memberOf("leader");
        String figures = "/api/v1/party/study-figures?from=2024-07-01&to=2024-09-30";
        t.getAs(figures, "party02").andExpect(status().isOk())
                .andExpect(jsonPath("$.centralStudySessions").value(0))
                .andExpect(jsonPath("$.reflectionsMinPerPerson").value(0))
                .andExpect(jsonPath("$.studyPointsLeaderMax").value(Matchers.nullValue()));
        for (String[] s : List.of(new String[] {"SESSION", "2024-07-08"}, new String[] {"SESSION", "2024-08-05"},
                new String[] {"DISCUSSION", "2024-09-02"}, new String[] {"SESSION", "2024-10-08"})) {
            t.postJson("/api/v1/party/orgs/" + group + "/study-sessions", "party02", """
                    {"kind":"%s","heldOn":"%s","topic":"中心组学习","firstAgendaItem":true,"attendees":[%d]}"""
                    .formatted(s[0], s[1], leader)).andExpect(status().isCreated());
        }
        // branch study does not count as the central study group's
        t.postJson("/api/v1/party/orgs/" + t.org("第一党支部") + "/study-sessions", "secretary01", """
                {"kind":"DISCUSSION","heldOn":"2024-08-06","topic":"支部研讨","attendees":[%d]}"""
                .formatted(t.memberOf("secretary01"))).andExpect(status().isCreated());
        // every member there throughout the period writes one reflection, one of them two
        List<Long> present = jdbc.sql("""
                select distinct a.member_id from oneseal.party_membership a join oneseal.party_membership b on b.member_id = a.member_id
                where a.since <= '2024-07-01' and (a.until is null or a.until >= '2024-07-01')
                and b.since <= '2024-09-30' and (b.until is null or b.until >= '2024-09-30')""").query(Long.class).list();
        for (long m : present) {
            jdbc.sql("""
                    insert into oneseal.party_reflection (member_id, written_on, title, body, by_member, recorded_by, recorded_at)
                    values (?, '2024-08-01', '心得', '正文', true, 'test', ?)""").param(m).param(Timestamp.from(Instant.now()))
                    .update();
        }
        t.postJson("/api/v1/party/members/" + leader + "/reflections", "party02", """
                {"writtenOn":"2024-08-20","title":"第二篇","body":"正文"}""").andExpect(status().isCreated());
        // the leader's points: July to September, and October outside the period
        t.upload("/api/v1/party/orgs/" + t.org("第四党支部") + "/study-points", "party02", """
                党员编号,姓名,期间,积分
                %1$d,局长,2024-07,100
                %1$d,局长,2024-08,200
                %1$d,局长,2024-09,300
                %1$d,局长,2024-10,400
                %2$d,郑洁,2024-08,9999
                """.formatted(leader, t.member("郑洁"))).andExpect(status().isCreated());
        t.getAs(figures, "leader").andExpect(status().isOk())
                .andExpect(jsonPath("$.centralStudySessions").value(3))
                .andExpect(jsonPath("$.centralStudyDiscussions").value(1))
                .andExpect(jsonPath("$.reflectionsMinPerPerson").value(1))
                .andExpect(jsonPath("$.reflectionsMembersCounted").value(present.size()))
                .andExpect(jsonPath("$.studyPointsLeaderMax").value(600))
                .andExpect(jsonPath("$.leaderName").value("局长"));
        // a period starting mid-July counts the months lying wholly in it: August and September
        t.getAs("/api/v1/party/study-figures?from=2024-07-15&to=2024-10-31", "party02").andExpect(status().isOk())
                .andExpect(jsonPath("$.centralStudySessions").value(3))
                .andExpect(jsonPath("$.studyPointsLeaderMax").value(900));
    }

    @Test
    void thePeriodIsCheckedAndOnlyThePartyGroupAndTheCommitteeReadTheFigures() throws Exception {
        t.getAs("/api/v1/party/study-figures?from=2024-09-30&to=2024-07-01", "party02").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.to").exists());
        t.getAs("/api/v1/party/study-figures?from=2024-01-01&to=2025-01-01", "party02").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.to", Matchers.containsString("一年")));
        t.getAs("/api/v1/party/study-figures?to=2024-07-01", "party02").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.from").exists());
        t.getAs("/api/v1/party/study-figures?from=2024-13-01&to=2024-07-01", "party02").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.from").exists());
        t.getAs("/api/v1/party/study-figures?from=2024-01-01&to=2024-12-31", "leader").andExpect(status().isOk());
        t.getAs("/api/v1/party/study-figures?from=2024-01-01&to=2024-12-31", "secretary01").andExpect(status().isForbidden());
        t.getAs("/api/v1/party/study-figures?from=2024-01-01&to=2024-12-31", "window01").andExpect(status().isForbidden());
        t.getAs("/api/v1/party/study-figures?from=2024-01-01&to=2024-12-31", "zhangsan").andExpect(status().isForbidden());
        // the overview leads to the central study group for those who see it, and everyone to their own study
        t.getAs("/workbench/party", "party02").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"link-central-study\"")));
        t.getAs("/workbench/party", "secretary01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"link-central-study\""))))
                .andExpect(content().string(Matchers.containsString("id=\"link-my-study\"")));
        t.getAs("/workbench/party", "admin").andExpect(status().isOk()) // staff, no party member, no party role
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"study\""))));
    }
}

package org.oneseal.partybuilding;

import static org.oneseal.partybuilding.PartyFixture.meeting;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * A branch's compliance with the frequencies of 三会一课: a quarter with every meeting but the party lesson shows the
 * lesson open, then due soon near the quarter's end, then lapsed once the quarter is over; the organ committee sees
 * every branch on one page.
 */
@IntegrationTest
class PartyComplianceTests {

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

    private static String window(String kind, String period) {
        return "$.requirements[?(@.kind == '" + kind + "')].windows[?(@.period == '" + period + "')].state";
    }

    @Test
    void aQuarterWithoutItsPartyLessonShowsTheLessonDueSoonThenLapsed() throws Exception {
        clock.travelTo(LocalDate.of(2025, 6, 10));
        long branch = party.branch("第十四党支部（落实情况）", "2025-01-01");
        long cell = party.cell(branch, "第十四支部党小组", "2025-01-01");
        long a = party.admit(branch, "丁一", "2025-01-01");
        long b = party.admit(cell, "丁二", "2025-01-01");
        party.recorded(branch, meeting("BRANCH_GENERAL_MEETING", "2025-04-15", "二季度党员大会", List.of(a, b), ""));
        for (String day : List.of("2025-04-07", "2025-05-06", "2025-06-05")) {
            party.recorded(branch, meeting("BRANCH_COMMITTEE_MEETING", day, "支委会", List.of(a), ""));
            party.recorded(branch, meeting("CELL_MEETING", day, "党小组学习", List.of(b), ",\"cellId\":" + cell));
            party.recorded(branch, meeting("THEMED_PARTY_DAY", day.substring(0, 8) + "09", "主题党日", List.of(a, b), ""));
        }
        party.recorded(branch, meeting("HEART_TO_HEART_TALK", "2025-05-20", "谈心谈话", List.of(a, b), ""));

        String path = "/api/v1/party/orgs/" + branch + "/compliance?period=2025-Q2";
        party.getAs(path, "party02").andExpect(status().isOk())
                .andExpect(jsonPath(window("PARTY_LESSON", "2025-Q2")).value("OPEN")) // 20 days left
                .andExpect(jsonPath(window("BRANCH_GENERAL_MEETING", "2025-Q2")).value("MET"))
                .andExpect(jsonPath(window("HEART_TO_HEART_TALK", "2025") + "", Matchers.contains("MET")))
                .andExpect(jsonPath(window("ORGANISATIONAL_LIFE_MEETING", "2025")).value("OPEN"));

        clock.travelTo(LocalDate.of(2025, 6, 23)); // the quarter ends within 10 days
        party.getAs(path, "party02").andExpect(status().isOk())
                .andExpect(jsonPath(window("PARTY_LESSON", "2025-Q2")).value("DUE_SOON"))
                .andExpect(jsonPath("$.dueSoon").value(1)).andExpect(jsonPath("$.lapsed").value(0));
        party.getAs("/workbench/party/orgs/" + branch + "/meetings", "party02").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-kind=\"PARTY_LESSON\" data-state=\"DUE_SOON\"")));

        clock.travelTo(LocalDate.of(2025, 7, 2)); // the quarter is over
        party.getAs(path, "party02").andExpect(status().isOk())
                .andExpect(jsonPath(window("PARTY_LESSON", "2025-Q2")).value("LAPSED"))
                .andExpect(jsonPath("$.lapsed").value(1)).andExpect(jsonPath("$.dueSoon").value(0))
                .andExpect(jsonPath("$.requirements[?(@.kind == 'BRANCH_COMMITTEE_MEETING')].windows[*].state",
                        Matchers.contains("MET", "MET", "MET")))
                .andExpect(jsonPath("$.requirements[?(@.kind == 'CELL_MEETING')].cellName").value("第十四支部党小组"))
                .andExpect(jsonPath("$.requirements[?(@.kind == 'CELL_MEETING')].windows[*].state",
                        Matchers.contains("MET", "MET", "MET")))
                .andExpect(jsonPath("$.requirements[?(@.kind == 'THEMED_PARTY_DAY')].windows[*].state",
                        Matchers.contains("MET", "MET", "MET")))
                .andExpect(jsonPath("$.requirements[?(@.kind == 'DUAL_ORGANISATIONAL_LIFE')]").isEmpty());
        // the month of May only: its committee meeting, the quarter's lesson (lapsed), the year's talks
        party.getAs("/api/v1/party/orgs/" + branch + "/compliance?period=2025-05", "party02")
                .andExpect(jsonPath(window("BRANCH_COMMITTEE_MEETING", "2025-05")).value("MET"))
                .andExpect(jsonPath(window("PARTY_LESSON", "2025-Q2")).value("LAPSED"));
        party.getAs("/workbench/party/orgs/" + branch + "/compliance?period=2025-Q2", "party02").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("逾期未落实")));
        // the organ committee: every branch on one page; a branch secretary: their own branch only
        party.getAs("/api/v1/party/compliance?period=2025-Q2", "party02").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.branchName == '第十四党支部（落实情况）')].lapsed").value(1))
                .andExpect(jsonPath("$[*].branchName", Matchers.hasItems("第一党支部（市场准入）", "第二党支部（政务服务大厅）")));
        party.getAs("/workbench/party/compliance?period=2025-Q2", "party02").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("第十四党支部（落实情况）")));
        party.getAs("/api/v1/party/compliance?period=2025-Q2", "secretary01")
                .andExpect(jsonPath("$[*].branchName", Matchers.contains("第一党支部（市场准入）")));
        party.getAs(path, "secretary01").andExpect(status().isNotFound());
        party.getAs(path, "zhangsan").andExpect(status().isForbidden());
        party.getAs("/api/v1/party/orgs/" + branch + "/compliance?period=2025-Q5", "party02")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.period").exists());
    }
}

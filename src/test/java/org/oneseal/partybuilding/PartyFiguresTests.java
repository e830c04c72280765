package org.oneseal.partybuilding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The party figures of the annual report in one answer: every {@code party.*} and {@code honours.*} id the report
 * lists is there; party lessons given by a secretary and the person-times of branch lessons count what was recorded;
 * the bureau-wide figures are the organ committee's and the party group's to read, nobody else's.
 */
@IntegrationTest
class PartyFiguresTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;

    @AfterEach
    void back() {
        clock.reset();
    }

    private JsonNode figures(String from, String to) throws Exception {
        String body = mvc.perform(get("/api/v1/party/figures?from=" + from + "&to=" + to)
                        .with(user(users.loadUserByUsername("party02")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body);
    }

    private long member(String username) {
        return jdbc.sql("select m.id from oneseal.party_member m join oneseal.account a on a.id = m.account_id where a.username = ?")
                .param(username).query(Long.class).single();
    }

    @Test
    void everyPartyFigureOfTheAnnualReportIsThereAndLessonsCountWhatWasRecorded() throws Exception {
        clock.travelTo(LocalDate.of(2026, 2, 2));
        // the ids of the annual report's party rows (../shared/docs/annual-report-figures.md)
        List<String> ids = List.of("party.centralStudy.sessions", "party.centralStudy.discussions",
                "party.lessons.bySecretaries", "party.lessons.branchPersonTimes", "party.reflections.minPerPerson",
                "party.studyPoints.leaderMax", "honours.external", "honours.branches", "honours.vanguardPosts",
                "honours.partyWorkers", "honours.members");
        JsonNode before = figures("2026-01-01", "2026-01-31");
        JsonNode decemberBefore = figures("2025-12-01", "2025-12-31");
        ids.forEach(id -> assertThat(before.path("byId").has(id)).as(id).isTrue());

        // a party lesson by the branch's secretary, heard by three; a lesson by a guest, heard by two
        long branch = jdbc.sql("select id from oneseal.party_org where name = '第一党支部（市场准入）'").query(Long.class).single();
        List<Long> three = List.of(member("secretary01"), member("chief01"), member("reviewer01"));
        lesson(branch, "2026-01-15", "\"speakerId\":" + member("secretary01"), three);
        lesson(branch, "2026-01-22", "\"speakerName\":\"市委党校李教授\"", three.subList(1, 3));
        JsonNode after = figures("2026-01-01", "2026-01-31");
        assertThat(after.path("byId").path("party.lessons.bySecretaries").asLong()
                - before.path("byId").path("party.lessons.bySecretaries").asLong()).isEqualTo(1);
        assertThat(after.path("byId").path("party.lessons.branchPersonTimes").asLong()
                - before.path("byId").path("party.lessons.branchPersonTimes").asLong()).isEqualTo(5);
        assertThat(after.path("meetingsByKind").path("PARTY_LESSON").asLong()
                - before.path("meetingsByKind").path("PARTY_LESSON").asLong()).isEqualTo(2);
        // … and not in another period
        JsonNode december = figures("2025-12-01", "2025-12-31");
        assertThat(december.path("byId").path("party.lessons.branchPersonTimes").asLong())
                .isEqualTo(decemberBefore.path("byId").path("party.lessons.branchPersonTimes").asLong());
    }

    private void lesson(long branch, String day, String speaker, List<Long> present) throws Exception {
        mvc.perform(post("/api/v1/party/orgs/" + branch + "/meetings").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"kind":"PARTY_LESSON","heldOn":"%s","topic":"专题党课","%s,"attendees":%s}"""
                        .formatted(day, speaker.substring(1), present))
                .with(csrf()).with(user(users.loadUserByUsername("secretary01")))).andExpect(status().isCreated());
    }

    @Test
    void onlyThePartyGroupAndTheOrganCommitteeReadTheBureausFigures() throws Exception {
        mvc.perform(get("/api/v1/party/figures?from=2026-01-01&to=2026-03-31")
                .with(user(users.loadUserByUsername("leader")))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/party/figures?from=2026-01-01&to=2026-03-31")
                .with(user(users.loadUserByUsername("secretary01")))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/party/figures?from=2026-01-01&to=2026-03-31")
                .with(user(users.loadUserByUsername("zhangsan")))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/party/figures?from=2026-01-01&to=2026-03-31")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/party/figures?from=2026-03-31&to=2026-01-01")
                .with(user(users.loadUserByUsername("party02")))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors").exists());
    }
}

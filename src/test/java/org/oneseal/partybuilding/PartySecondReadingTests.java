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
}

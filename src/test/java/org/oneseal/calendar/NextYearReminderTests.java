package org.oneseal.calendar;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Staff are reminded in the last quarter when next year's holidays are missing. */
@IntegrationTest
class NextYearReminderTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    TestClock clock;

    @AfterEach
    void back() {
        clock.reset();
    }

    @Test
    void theWorkbenchWarnsFromOctoberWhenNextYearIsMissingAndNotBefore() throws Exception {
        var window = user(users.loadUserByUsername("window01"));
        clock.travelTo(LocalDate.of(2026, 6, 15));
        mvc.perform(get("/workbench").with(window))
                .andExpect(content().string(Matchers.not(Matchers.containsString("节假日安排尚未录入"))));
        clock.travelTo(LocalDate.of(2025, 11, 3)); // 2026 is shipped
        mvc.perform(get("/workbench").with(window))
                .andExpect(content().string(Matchers.not(Matchers.containsString("节假日安排尚未录入"))));
        clock.travelTo(LocalDate.of(2029, 11, 2)); // 2030 is never shipped nor created by a test
        mvc.perform(get("/workbench").with(window))
                .andExpect(content().string(Matchers.containsString("2030年的节假日安排尚未录入工作日历")));
    }
}

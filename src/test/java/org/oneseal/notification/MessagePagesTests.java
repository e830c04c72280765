package org.oneseal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** 我的消息 over HTTP: each applicant sees and opens only their own messages. */
@IntegrationTest
class MessagePagesTests {

    /** Case ids far above any real case, so that these messages never mix with the lifecycle tests'. */
    private static final AtomicLong CASE_IDS = new AtomicLong(900_000_000L);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    MessageStore store;
    @Autowired
    NotificationTestSupport support;
    @Autowired
    JdbcClient jdbc;

    private long caseId;
    private long older;
    private long newer;

    @BeforeEach
    void twoMessagesForZhangsan() {
        caseId = CASE_IDS.incrementAndGet();
        long zhangsan = support.accountId("zhangsan");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.add(notice(zhangsan, "SUBMITTED", "申请已提交", now.minusSeconds(60)));
        store.add(notice(zhangsan, "ACCEPTED", "办件已受理", now));
        older = idOf("SUBMITTED");
        newer = idOf("ACCEPTED");
    }

    @Test
    void thePageListsMyMessagesNewestFirstWithTheUnreadCount() throws Exception {
        String html = mvc.perform(get("/me/messages").with(as("zhangsan")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-message-id=\"" + newer + "\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html.indexOf("data-message-id=\"" + newer + "\""))
                .isLessThan(html.indexOf("data-message-id=\"" + older + "\""));
        assertThat(html).contains("您的办件SP-TEST-" + caseId + "（食品经营许可）办件已受理").contains("未读消息");
        long unread = jdbc.sql("select count(*) from oneseal.notification_message where account_id = :a and read_at is null")
                .param("a", support.accountId("zhangsan")).query(Long.class).single();
        assertThat(html).contains("未读消息 " + unread + " 条");
    }

    @Test
    void openingAMessageMarksItReadAndShowsTheCase() throws Exception {
        mvc.perform(post("/me/messages/{id}/read", newer).with(as("zhangsan")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/me/cases/" + caseId));
        assertThat(isRead(newer)).isTrue();
        assertThat(isRead(older)).isFalse();
        mvc.perform(get("/me/messages").with(as("zhangsan")))
                .andExpect(content().string(containsString("data-message-id=\"" + older + "\"")));
        mvc.perform(get("/api/v1/me/messages").with(as("zhangsan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages[?(@.id == " + newer + ")].readAt").isNotEmpty())
                .andExpect(jsonPath("$.messages[?(@.id == " + older + ")].readAt").value(org.hamcrest.Matchers.contains((Object) null)));
    }

    @Test
    void anotherApplicantNeverSeesOrOpensZhangsansMessages() throws Exception {
        mvc.perform(post("/me/messages/{id}/read", newer).with(as("shifan_food")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/me/messages/{id}/read", newer).with(as("shifan_food")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me/messages").with(as("shifan_food")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("SP-TEST-" + caseId))));
        mvc.perform(get("/me/messages").with(as("shifan_food")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("SP-TEST-" + caseId))));
        assertThat(isRead(newer)).isFalse();
    }

    @Test
    void theApiIsDescribedInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs").with(as("zhangsan")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/me/messages/{id}/read")));
        mvc.perform(get("/api/v1/me/messages").with(as("zhangsan")))
                .andExpect(jsonPath("$.unread").isNumber());
    }

    @Test
    void staffHaveNoMessages() throws Exception {
        mvc.perform(get("/api/v1/me/messages").with(as("window01"))).andExpect(status().isForbidden());
    }

    private RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    private CaseNotice notice(long account, String kind, String title, Instant at) {
        String number = "SP-TEST-" + caseId;
        String body = "您的办件" + number + "（食品经营许可）" + title;
        return new CaseNotice(account, caseId, number, kind, title, body, "/me/cases/" + caseId, at);
    }

    private long idOf(String kind) {
        return jdbc.sql("select id from oneseal.notification_message where case_id = :c and kind = :k")
                .param("c", caseId).param("k", kind).query(Long.class).single();
    }

    private boolean isRead(long id) {
        return jdbc.sql("select read_at is not null from oneseal.notification_message where id = :id").param("id", id)
                .query(Boolean.class).single();
    }
}

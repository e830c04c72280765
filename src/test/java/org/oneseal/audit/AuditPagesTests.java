package org.oneseal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.oneseal.audit.AuditTestSupport.appendEntries;
import static org.oneseal.audit.AuditTestSupport.uniqueAction;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The auditor's pages and API: who may see what, filters, paging, bad input, verification. */
@IntegrationTest
class AuditPagesTests {

    @Autowired MockMvc mvc;
    @Autowired AuditLog auditLog;
    @Autowired HeadFile headFile;
    @Autowired JdbcClient jdbc;

    String action;

    @BeforeEach
    void entries() {
        AuditTestSupport.removeHeadFile(headFile);
        action = uniqueAction("pages");
        auditLog.record(new AuditRecord("qian.qi", null, action + ".approve", "Case", "C-77", AuditOutcome.SUCCESS,
                null, 3202L));
        auditLog.record(new AuditRecord("sun.ba", null, action + ".reject", "Case", "C-78", AuditOutcome.DENIED,
                "不在数据范围内", 3203L));
    }

    @Test
    @WithMockUser(username = "auditor", authorities = "audit:read")
    void theAuditorSeesAndFiltersEntries() throws Exception {
        mvc.perform(get("/audit").param("action", action))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("审计日志")))
                .andExpect(content().string(containsString(action + ".approve")))
                .andExpect(content().string(containsString("不在数据范围内")));
        mvc.perform(get("/audit").param("action", action).param("outcome", "DENIED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(action + ".reject")))
                .andExpect(content().string(not(containsString(action + ".approve"))));
        mvc.perform(get("/audit").param("action", action).param("actor", "qian.qi").param("objectId", "C-77")
                        .param("objectType", "Case").param("from", "2000-01-01").param("to", "2999-12-31"))
                .andExpect(content().string(containsString(action + ".approve")))
                .andExpect(content().string(not(containsString(action + ".reject"))));
    }

    @Test
    @WithMockUser(username = "auditor", authorities = "audit:read")
    void anActionPrefixIsMatchedLiterally() throws Exception {
        mvc.perform(get("/audit").param("action", action.replace("pages", "pag_s")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有符合条件的记录")));
        mvc.perform(get("/audit").param("action", "%' or 1=1 --"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有符合条件的记录")));
    }

    @Test
    @WithMockUser(username = "auditor", authorities = "audit:read")
    void badFilterInputGetsAMessagePerFieldNotAnError() throws Exception {
        mvc.perform(get("/audit").param("from", "2026-13-45").param("outcome", "MAYBE").param("before", "-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("筛选条件有误")))
                .andExpect(content().string(containsString("请按“年-月-日”格式填写日期")))
                .andExpect(content().string(containsString("请从列表中选择结果")))
                .andExpect(content().string(containsString("翻页位置必须是正整数")));
        mvc.perform(get("/audit").param("from", "2026-02-01").param("to", "2026-01-01"))
                .andExpect(content().string(containsString("结束日期不能早于开始日期")));
    }

    @Test
    @WithMockUser(username = "auditor", authorities = "audit:read")
    void thePageSpeaksEnglishToo() throws Exception {
        mvc.perform(get("/audit").param("action", action).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Audit log")))
                .andExpect(content().string(containsString("Denied")));
    }

    @Test
    @WithMockUser(username = "admin", authorities = {"identity:account:read", "identity:region:read"})
    void withoutAuditReadThePagesAndTheApiAreForbidden() throws Exception {
        mvc.perform(get("/audit")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/entries")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/head")).andExpect(status().isForbidden());
        mvc.perform(get("/audit/verify")).andExpect(status().isForbidden());
        mvc.perform(post("/audit/verify").with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(username = "auditor", authorities = "audit:read")
    void readingDoesNotAllowVerifying() throws Exception {
        mvc.perform(get("/audit/verify")).andExpect(status().isForbidden());
        mvc.perform(post("/audit/verify").with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(username = "auditor", authorities = "audit:read")
    void theApiReturnsEntriesNewestFirstPageByPage() throws Exception {
        String paged = uniqueAction("api");
        List<Long> seqs = appendEntries(auditLog, paged, 60);
        MvcResult first = mvc.perform(get("/api/v1/audit/entries").param("action", paged))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries", hasSize(50)))
                .andExpect(jsonPath("$.entries[0].seq").value(seqs.getLast()))
                .andExpect(jsonPath("$.entries[0].action").value(paged))
                .andExpect(jsonPath("$.entries[0].outcome").value("SUCCESS"))
                .andExpect(jsonPath("$.nextBeforeSeq").value(seqs.get(10)))
                .andReturn();
        assertThat(first.getResponse().getContentAsString()).doesNotContain("prevHash");
        mvc.perform(get("/api/v1/audit/entries").param("action", paged).param("before", seqs.get(10).toString()))
                .andExpect(jsonPath("$.entries", hasSize(10)))
                .andExpect(jsonPath("$.entries[9].seq").value(seqs.getFirst()))
                .andExpect(jsonPath("$.nextBeforeSeq").doesNotExist());
    }

    @Test
    @WithMockUser(username = "auditor", authorities = "audit:read")
    void theApiExplainsBadFiltersAsProblemJson() throws Exception {
        mvc.perform(get("/api/v1/audit/entries").param("outcome", "MAYBE").param("to", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("结果：请从列表中选择结果")))
                .andExpect(jsonPath("$.detail", containsString("结束日期：请按“年-月-日”格式填写日期")));
    }

    @Test
    @WithMockUser(username = "auditor", authorities = "audit:read")
    void theApiReturnsTheHead() throws Exception {
        long head = jdbc.sql("select max(seq) from oneseal.audit_entry").query(Long.class).single();
        String hash = jdbc.sql("select hash from oneseal.audit_entry where seq = ?").param(head)
                .query(String.class).single();
        mvc.perform(get("/api/v1/audit/head"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seq").value(head))
                .andExpect(jsonPath("$.hash").value(hash))
                .andExpect(jsonPath("$.occurredAt", containsString("+08:00")));
    }

    @Test
    @WithMockUser(username = "checker", authorities = "audit:verify")
    void theVerifierRunsFromThePageAndIsAudited() throws Exception {
        mvc.perform(get("/audit/verify"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("校验审计日志的完整性")));
        MvcResult result = mvc.perform(post("/audit/verify").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/audit/verify"))
                .andExpect(flash().attributeExists("verification"))
                .andReturn();
        ChainVerification verification = (ChainVerification) result.getFlashMap().get("verification");
        assertThat(verification.intact()).as(verification.problem()).isTrue();
        // the redirect target shows the result kept in the (JDBC) session
        mvc.perform(get("/audit/verify").cookie(result.getResponse().getCookies()))
                .andExpect(content().string(containsString("日志完整：已校验 " + verification.entriesChecked())));
        assertThat(jdbc.sql("select actor, outcome, client_ip from oneseal.audit_entry "
                + "where action = 'audit.chain.verify' order by seq desc limit 1").query().singleRow())
                .containsEntry("actor", "checker").containsEntry("outcome", "SUCCESS")
                .containsEntry("client_ip", "127.0.0.1");
    }

    @Test
    @WithMockUser(username = "checker", authorities = "audit:verify")
    void verifyingNeedsTheCsrfToken() throws Exception {
        mvc.perform(post("/audit/verify")).andExpect(status().isForbidden());
    }
}

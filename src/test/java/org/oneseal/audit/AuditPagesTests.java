package org.oneseal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.oneseal.audit.AuditTestSupport.appendEntries;
import static org.oneseal.audit.AuditTestSupport.uniqueAction;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The auditor's pages and API: who may see what, filters, paging, bad input, verification, data scope.
 * Requests act as accounts loaded from the database (the demo data of the test profile): the pages ask
 * identity for the signed-in staff member's data scope, which needs a real {@code AccountPrincipal}.
 */
@IntegrationTest
class AuditPagesTests {

    /** A county auditor (role AUDITOR, home region 南溪县, not city-wide); the demo data has none. */
    static final String COUNTY_AUDITOR = "test_nanxi_auditor";

    @Autowired MockMvc mvc;
    @Autowired AuditLog auditLog;
    @Autowired HeadFile headFile;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    String action;
    long nanxi;
    long beiling;

    @BeforeEach
    void entries() {
        AuditTestSupport.removeHeadFile(headFile);
        nanxi = regionId("990121");
        beiling = regionId("990122");
        countyAuditor();
        action = uniqueAction("pages");
        auditLog.record(new AuditRecord("qian.qi", null, action + ".approve", "Case", "C-77", AuditOutcome.SUCCESS,
                null, nanxi));
        auditLog.record(new AuditRecord("sun.ba", null, action + ".reject", "Case", "C-78", AuditOutcome.DENIED,
                "不在数据范围内", beiling));
        auditLog.record(new AuditRecord("zhou.jiu", null, action + ".publish", "CalendarYear", "2026",
                AuditOutcome.SUCCESS, null, null));
    }

    @Test
    @WithUserDetails("auditor")
    void theAuditorSeesAndFiltersEntries() throws Exception {
        mvc.perform(get("/audit").param("action", action))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("审计日志")))
                .andExpect(content().string(containsString(action + ".approve")))
                .andExpect(content().string(containsString(action + ".reject")))
                .andExpect(content().string(containsString(action + ".publish")))
                .andExpect(content().string(containsString("不在数据范围内")));
        mvc.perform(get("/audit").param("action", action).param("outcome", "DENIED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(action + ".reject")))
                .andExpect(content().string(not(containsString(action + ".approve"))))
                .andExpect(content().string(not(containsString(action + ".publish"))));
        mvc.perform(get("/audit").param("action", action).param("actor", "qian.qi").param("objectId", "C-77")
                        .param("objectType", "Case").param("from", "2000-01-01").param("to", "2999-12-31"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(action + ".approve")))
                .andExpect(content().string(not(containsString(action + ".reject"))))
                .andExpect(content().string(not(containsString(action + ".publish"))));
        mvc.perform(get("/audit").param("action", action).param("to", "2000-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有符合条件的记录")));
    }

    @Test
    @WithUserDetails(value = COUNTY_AUDITOR, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aCountyAuditorSeesOnlyTheEntriesOfTheOwnCounty() throws Exception {
        mvc.perform(get("/audit").param("action", action))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(action + ".approve")))
                .andExpect(content().string(not(containsString(action + ".reject"))))
                .andExpect(content().string(not(containsString(action + ".publish"))));
        mvc.perform(get("/api/v1/audit/entries").param("action", action))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[*].action", contains(action + ".approve")))
                .andExpect(jsonPath("$.entries[0].regionId").value(nanxi));
        // a filter cannot widen the scope
        mvc.perform(get("/api/v1/audit/entries").param("action", action).param("actor", "sun.ba"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries", hasSize(0)));
    }

    @Test
    @WithUserDetails("auditor")
    void anActionPrefixIsMatchedLiterally() throws Exception {
        mvc.perform(get("/audit").param("action", action))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("没有符合条件的记录"))));
        mvc.perform(get("/audit").param("action", action.replace("pages", "pag_s")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有符合条件的记录")));
        mvc.perform(get("/audit").param("action", "%' or 1=1 --"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有符合条件的记录")));
    }

    @Test
    @WithUserDetails("auditor")
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
    @WithUserDetails("auditor")
    void thePageSpeaksEnglishToo() throws Exception {
        mvc.perform(get("/audit").param("action", action).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Audit log")))
                .andExpect(content().string(containsString("Denied")));
    }

    /** The system administrator manages accounts and the calendar but never reads the audit log. */
    @Test
    @WithUserDetails("admin")
    void withoutAuditReadThePagesAndTheApiAreForbidden() throws Exception {
        long deniedBefore = pageDenials("admin", "GET /audit");
        mvc.perform(get("/audit")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/entries")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/head")).andExpect(status().isForbidden());
        mvc.perform(get("/audit/verify")).andExpect(status().isForbidden());
        long verifiedBefore = verifications("admin");
        mvc.perform(post("/audit/verify").with(csrf())).andExpect(status().isForbidden());
        assertThat(verifications("admin")).isEqualTo(verifiedBefore);
        assertThat(pageDenials("admin", "GET /audit")).isEqualTo(deniedBefore + 1);
    }

    /**
     * No role grants audit:read without audit:verify, so this acts as the demo auditor (a real account
     * principal, hence a real data scope) signed in with only the authorities kind:STAFF and audit:read.
     */
    @Test
    void readingDoesNotAllowVerifying() throws Exception {
        mvc.perform(get("/audit").param("action", action).with(readOnlyAuditor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(action + ".approve")))
                .andExpect(content().string(not(containsString("校验日志完整性"))));
        long before = verifications("auditor");
        mvc.perform(get("/audit/verify").with(readOnlyAuditor())).andExpect(status().isForbidden());
        mvc.perform(post("/audit/verify").with(readOnlyAuditor()).with(csrf())).andExpect(status().isForbidden());
        assertThat(verifications("auditor")).isEqualTo(before);
    }

    @Test
    @WithUserDetails("auditor")
    void theApiReturnsEntriesNewestFirstPageByPage() throws Exception {
        String paged = uniqueAction("api");
        List<Long> seqs = appendEntries(auditLog, jdbc, paged, 60);
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
    @WithUserDetails("auditor")
    void theApiExplainsBadFiltersAsProblemJson() throws Exception {
        mvc.perform(get("/api/v1/audit/entries").param("outcome", "MAYBE").param("to", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("结果：请从列表中选择结果")))
                .andExpect(jsonPath("$.detail", containsString("结束日期：请按“年-月-日”格式填写日期")));
    }

    @Test
    @WithUserDetails("auditor")
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
    @WithUserDetails("auditor")
    void theVerifierRunsFromThePageAndIsAudited() throws Exception {
        long before = verifications("auditor");
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
        assertThat(verifications("auditor")).isEqualTo(before + 1);
        assertThat(jdbc.sql("select actor, outcome, client_ip from oneseal.audit_entry "
                + "where action = 'audit.chain.verify' order by seq desc limit 1").query().singleRow())
                .containsEntry("actor", "auditor").containsEntry("outcome", "SUCCESS")
                .containsEntry("client_ip", "127.0.0.1");
    }

    /**
     * Without the token (and without a session holding one) the request is treated as coming from a browser
     * whose session expired: it is sent to the login page (or refused); either way nothing is verified.
     */
    @Test
    @WithUserDetails("auditor")
    void verifyingNeedsTheCsrfToken() throws Exception {
        long before = verifications("auditor");
        MvcResult result = mvc.perform(post("/audit/verify")).andReturn();
        assertThat((java.util.Map<String, Object>) result.getFlashMap()).as("no verification result").isNullOrEmpty();
        MockHttpServletResponse response = result.getResponse();
        assertThat(response).satisfiesAnyOf(
                r -> assertThat(r.getStatus()).isEqualTo(403),
                r -> {
                    assertThat(r.getStatus()).isEqualTo(302);
                    assertThat(r.getRedirectedUrl()).isEqualTo("/login?expired");
                });
        assertThat(verifications("auditor")).isEqualTo(before);
    }

    private RequestPostProcessor readOnlyAuditor() {
        UserDetails auditor = users.loadUserByUsername("auditor");
        assertThat(auditor.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("audit:verify");
        return authentication(UsernamePasswordAuthenticationToken.authenticated(auditor, null,
                AuthorityUtils.createAuthorityList("kind:STAFF", "audit:read")));
    }

    /** Creates the county auditor once (the database is shared by every test of the JVM). */
    private void countyAuditor() {
        jdbc.sql("""
                insert into oneseal.account (username, password_hash, kind, display_name, region_id, city_wide,
                                             enabled, created_at)
                values (:u, :p, 'STAFF', '南溪县审计员（测试）', :r, false, true, now())
                on conflict do nothing""")
                .param("u", COUNTY_AUDITOR).param("p", "{noop}" + UUID.randomUUID()).param("r", nanxi).update();
        jdbc.sql("""
                insert into oneseal.account_role (account_id, role)
                select id, 'AUDITOR' from oneseal.account where username = :u
                on conflict do nothing""").param("u", COUNTY_AUDITOR).update();
    }

    private long regionId(String code) {
        return jdbc.sql("select id from oneseal.region where code = ?").param(code).query(Long.class).single();
    }

    private long verifications(String actor) {
        return jdbc.sql("select count(*) from oneseal.audit_entry where action = 'audit.chain.verify' and actor = ?")
                .param(actor).query(Long.class).single();
    }

    private long pageDenials(String actor, String request) {
        return jdbc.sql("""
                select count(*) from oneseal.audit_entry
                where action = 'http.access' and outcome = 'DENIED' and actor = ? and object_id = ?""")
                .param(actor).param(request).query(Long.class).single();
    }
}

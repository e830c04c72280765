package org.oneseal.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** 免证办: a holder authorises one window, for a purpose and a time; the window sees only that, only then. */
@IntegrationTest
class LicenceGrantTests {

    @Autowired MockMvc mvc;
    @Autowired Licensing licensing;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    final JsonMapper json = JsonMapper.builder().build();

    String licenceId;
    long window01;

    @BeforeEach
    void aLicenceOfZhangsan() {
        TestLicences.signInAsLicenceManager();
        IssueLicence base = TestLicences.licence(LocalDate.now(clock), LocalDate.now(clock).plusYears(5));
        licenceId = licensing.issue(new IssueLicence(base.caseId(), base.caseNumber(), base.licenceKind(),
                base.matterCode(), base.matterName(), "张三", "11010519491231002X", base.issuerName(),
                base.issuerRegionId(), base.validFrom(), base.validUntil(), base.particulars())).licenceId();
        SecurityContextHolder.clearContext();
        window01 = jdbc.sql("select id from oneseal.org_unit where code = 'SF-CK01'").query(Long.class).single();
    }

    @AfterEach
    void back() {
        clock.reset();
    }

    @Test
    void theAuthorisedWindowPullsOnceByCodeWhileTheQrWorksUntilTheHolderRevokes() throws Exception {
        JsonNode grant = grant(licenceId, window01, "办理食品经营许可变更", 2).andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("ACTIVE"))
                .andExpect(jsonPath("$.qrDataUri", Matchers.startsWith("data:image/png;base64,")))
                .andReturn().getResponse().getContentAsString().transform(this::read);
        String code = grant.get("code").asText();
        String token = grant.get("pullUrl").asText().replaceAll(".*credential=", "");
        long denied = denials();

        // another county's window cannot use it
        pull("nanxi_window", token).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.credential", Matchers.containsString("本窗口未获得这项授权")));
        assertThat(denials()).isEqualTo(denied + 1);

        // no PDF before the window has presented the grant's code or QR
        mvc.perform(post("/workbench/licence-pull/pdf").param("grantId", grant.get("id").asText())
                        .with(user(users.loadUserByUsername("window01"))).with(csrf()))
                .andExpect(status().is4xxClientError());
        // the authorised window sees that licence, masked, with the purpose
        pull("window01", code).andExpect(status().isOk())
                .andExpect(jsonPath("$.licence.licenceId").value(licenceId))
                .andExpect(jsonPath("$.licence.holderIdentifierMasked").value(Matchers.containsString("*")))
                .andExpect(jsonPath("$.purpose").value("办理食品经营许可变更"));
        pull("window01", code).andExpect(status().isBadRequest()); // the one-time code is spent
        pull("window01", token).andExpect(status().isOk());       // the QR still works
        mvc.perform(post("/workbench/licence-pull/pdf").param("grantId", grant.get("id").asText())
                        .with(user(users.loadUserByUsername("window01"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType(MediaType.APPLICATION_PDF));

        mvc.perform(get("/api/v1/me/licence-pulls").with(user(users.loadUserByUsername("zhangsan"))))
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].windowName").value("综合受理1号窗口"));

        mvc.perform(post("/api/v1/me/licence-grants/" + grant.get("id").asLong() + "/revocation")
                        .with(user(users.loadUserByUsername("zhangsan"))).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("REVOKED"))
                .andExpect(jsonPath("$.code").doesNotExist());
        pull("window01", token).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.credential", Matchers.containsString("已撤销")));
        assertThat(jdbc.sql("select count(*) from oneseal.licence_pull where grant_id = ?")
                .param(grant.get("id").asLong()).query(Long.class).single()).isEqualTo(3);
        // each pull counts in the region of the window that pulled (the city's hall)
        assertThat(jdbc.sql("select distinct window_region_id from oneseal.licence_pull where grant_id = ?")
                .param(grant.get("id").asLong()).query(Long.class).list()).containsExactly(
                        jdbc.sql("select region_id from oneseal.org_unit where id = ?").param(window01).query(Long.class)
                                .single());
    }

    @Test
    void aGrantEndsWithItsTimeAndOnlyTheHoldersValidLicencesCanBeShared() throws Exception {
        JsonNode grant = grant(licenceId, window01, "核验经营资格", 1).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString().transform(this::read);
        String token = grant.get("pullUrl").asText().replaceAll(".*credential=", "");
        clock.advance(Duration.ofMinutes(61));
        pull("window01", token).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.credential", Matchers.containsString("不在有效期内")));
        mvc.perform(get("/api/v1/me/licence-grants").with(user(users.loadUserByUsername("zhangsan"))))
                .andExpect(jsonPath("$[?(@.id == " + grant.get("id").asLong() + ")].state").value("EXPIRED"));

        // someone else's licence is not found; bad values are named on their fields
        TestLicences.signInAsLicenceManager();
        String other = licensing.issue(TestLicences.licence(LocalDate.now(clock), LocalDate.now(clock).plusYears(1)))
                .licenceId();
        SecurityContextHolder.clearContext();
        grant(other, window01, "冒用", 1).andExpect(status().isNotFound());
        long hall = jdbc.sql("select id from oneseal.org_unit where code = 'SF-DT'").query(Long.class).single();
        grant(licenceId, hall, " ", 0).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.windowUnitId").exists())
                .andExpect(jsonPath("$.errors.purpose").exists())
                .andExpect(jsonPath("$.errors.validHours", Matchers.containsString("720")));
        // a revoked licence cannot be shared
        TestLicences.signInAsLicenceManager();
        licensing.revoke(licenceId, "测试注销");
        SecurityContextHolder.clearContext();
        grant(licenceId, window01, "办事", 1).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.licenceId", Matchers.containsString("已注销")));
        // staff do not grant, applicants do not pull
        mvc.perform(post("/api/v1/me/licence-grants").contentType(MediaType.APPLICATION_JSON).content("{}")
                .with(user(users.loadUserByUsername("window01"))).with(csrf())).andExpect(status().isForbidden());
        pull("zhangsan", "12345678").andExpect(status().isForbidden());
    }

    private ResultActions grant(String licence, long window, String purpose, int hours) throws Exception {
        return mvc.perform(post("/api/v1/me/licence-grants").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("licenceId", licence, "windowUnitId", window, "purpose", purpose,
                        "validHours", hours)))
                .with(user(users.loadUserByUsername("zhangsan"))).with(csrf()));
    }

    private ResultActions pull(String username, String credential) throws Exception {
        return mvc.perform(post("/api/v1/licence-pulls").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("credential", credential)))
                .with(user(users.loadUserByUsername(username))).with(csrf()));
    }

    private long denials() {
        return jdbc.sql("select count(*) from oneseal.audit_entry where action = 'license.pull' and outcome = 'DENIED'")
                .query(Long.class).single();
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

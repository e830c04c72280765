package org.oneseal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Bad input gets a specific message, stores nothing, and never a 500. */
@IntegrationTest
class BadInputTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountDetailsService users;

    @Test
    void registrationPageShowsTheBrokenRuleOnItsFieldAndStoresNothing() throws Exception {
        long accounts = accounts();
        mvc.perform(post("/register/person").with(csrf()).param("username", "lisi01").param("password", "Strong@Pass1")
                        .param("passwordConfirm", "Strong@Pass1").param("realName", "李四")
                        .param("idCardNumber", "110105194912310021").param("phone", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("身份证号码校验位不正确")))
                .andExpect(content().string(Matchers.containsString("aria-invalid=\"true\"")));
        mvc.perform(post("/register/enterprise").with(csrf()).param("username", "lisi_co").param("password", "Strong@Pass1")
                        .param("passwordConfirm", "Strong@Pass1").param("enterpriseName", "李四公司")
                        .param("creditCode", "91350100M000100Y44").param("legalRepresentative", "李四")
                        .param("legalRepIdCard", "11010519491231002X"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("统一社会信用代码校验位不正确")));
        assertThat(accounts()).isEqualTo(accounts);
    }

    @Test
    void aValidRegistrationWorksOnceAndTheDuplicateIsRefusedByField() throws Exception {
        String valid = org.oneseal.TestIds.idCard("32010219900307001");
        mvc.perform(post("/register/person").with(csrf()).param("username", "wangwu").param("password", "Strong@Pass1")
                        .param("passwordConfirm", "Strong@Pass1").param("realName", "王五")
                        .param("idCardNumber", valid.toLowerCase()).param("phone", "13912345678"))
                .andExpect(redirectedUrl("/login?registered"));
        long accounts = accounts();
        mvc.perform(post("/api/v1/registrations/person").contentType(MediaType.APPLICATION_JSON).content("""
                        {"username": "wangwu2", "password": "Strong@Pass1", "passwordConfirm": "Strong@Pass1",
                         "realName": "王五", "idCardNumber": "%s"}""".formatted(valid)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors.idCardNumber").value(Matchers.containsString("已注册")));
        mvc.perform(post("/api/v1/registrations/person").contentType(MediaType.APPLICATION_JSON).content("""
                        {"username": "WANGWU", "password": "Strong@Pass1", "passwordConfirm": "Strong@Pass1",
                         "realName": "王五", "idCardNumber": "%s"}""".formatted(org.oneseal.TestIds.idCard("32010219900307003"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors.username").value("该用户名已被使用，请换一个"));
        assertThat(accounts()).isEqualTo(accounts);
    }

    @Test
    void theApiAnswersProblemJsonWithAChineseDetailNamingTheField() throws Exception {
        long accounts = accounts();
        mvc.perform(post("/api/v1/registrations/enterprise").contentType(MediaType.APPLICATION_JSON).content("""
                        {"username": "acme_co", "password": "Strong@Pass1", "passwordConfirm": "Strong@Pass1",
                         "enterpriseName": "某公司", "creditCode": "91350100M000100I43", "legalRepresentative": "赵六",
                         "legalRepIdCard": "11010519491231002X"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.creditCode").value(Matchers.containsString("第16位")))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("统一社会信用代码")));
        mvc.perform(post("/api/v1/registrations/person").contentType(MediaType.APPLICATION_JSON).content("""
                        {"username": "x", "password": "weak", "passwordConfirm": "weak", "realName": "",
                         "idCardNumber": "123"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.username").value(Matchers.containsString("用户名")))
                .andExpect(jsonPath("$.errors.realName").value("请填写真实姓名"));
        assertThat(accounts()).isEqualTo(accounts);
    }

    @Test
    void anOverlongEnterpriseNameIsAFieldErrorNotA500() throws Exception {
        mvc.perform(post("/api/v1/registrations/enterprise").contentType(MediaType.APPLICATION_JSON).content("""
                        {"username": "longname_co", "password": "Strong@Pass1", "passwordConfirm": "Strong@Pass1",
                         "enterpriseName": "%s", "creditCode": "91350100M000100Y43", "legalRepresentative": "赵六",
                         "legalRepIdCard": "11010519491231002X"}""".formatted("长".repeat(110))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.enterpriseName").value("名称过长"));
    }

    @Test
    void newRecoveryCodesNeedTheCurrentTotpCode() throws Exception {
        var leader = users.loadUserByUsername("leader");
        long before = jdbc.sql("select count(*) from oneseal.recovery_code").query(Long.class).single();
        mvc.perform(post("/workbench/security/recovery-codes").with(org.springframework.security.test.web.servlet
                        .request.SecurityMockMvcRequestPostProcessors.user(leader)).with(csrf()).param("code", "000000"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("未生成新的恢复码")));
        assertThat(jdbc.sql("select count(*) from oneseal.recovery_code").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void malformedOversizedAndMistypedRequestsGetProblemJsonNotA500() throws Exception {
        mvc.perform(post("/api/v1/registrations/person").contentType(MediaType.APPLICATION_JSON).content("{\"username\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("请求格式不正确")));
        mvc.perform(post("/api/v1/registrations/person").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("不支持的内容类型")));
        mvc.perform(post("/api/v1/registrations/person").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"" + "a".repeat(2_000_000) + "\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail").value("请求内容超过允许的大小"));
        mvc.perform(get("/api/v1/calendar/days/not-a-date")).andExpect(status().isBadRequest());
    }

    private long accounts() {
        return jdbc.sql("select count(*) from oneseal.account").query(Long.class).single();
    }
}

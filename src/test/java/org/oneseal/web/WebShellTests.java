package org.oneseal.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The shell every page and API shares: language, banner, security headers, errors, operations endpoints. */
@IntegrationTest
class WebShellTests {

    @Autowired
    MockMvc mvc;

    @Test
    void homePageIsChineseByDefaultSwitchesToEnglishAndRemembersIt() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "fr-FR")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("欢迎使用一枚印章政务服务平台")))
                .andExpect(content().string(Matchers.containsString("lang=\"zh-CN\"")))
                .andExpect(content().string(Matchers.containsString("演示环境")));
        var english = mvc.perform(get("/").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Welcome to OneSeal")))
                .andReturn().getResponse().getCookie("oneseal-lang");
        mvc.perform(get("/login").cookie(new Cookie("oneseal-lang", english.getValue())))
                .andExpect(content().string(Matchers.containsString("Log in")));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    @Test
    void unknownApiObjectsAndMissingAuthAnswerProblemJsonInChinese() throws Exception {
        mvc.perform(get("/api/v1/regions").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("请先登录，或者登录已过期"));
        mvc.perform(get("/login/totp")).andExpect(status().is3xxRedirection());
    }

    @Test
    void openApiSwaggerHealthAndMetricsAreServed() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("OneSeal 一枚印章 API"))
                .andExpect(jsonPath("$.paths['/api/v1/calendar/days/{date}']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/registrations/person']").exists());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")));
        mvc.perform(get("/actuator/env")).andExpect(status().is3xxRedirection());
    }
}

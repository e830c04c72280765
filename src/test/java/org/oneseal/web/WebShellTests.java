package org.oneseal.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class WebShellTests {

    @Autowired
    MockMvc mvc;

    @Test
    void homePageIsChineseByDefaultAndSwitchesToEnglish() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("欢迎使用一枚印章政务服务平台")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"zh-CN\"")));
        mvc.perform(get("/").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Welcome to OneSeal")));
    }
}

package org.oneseal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.shared.IdCardNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** An enterprise names the people who may act for it, and revokes them. */
@IntegrationTest
class EnterpriseAgentsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountDetailsService users;
    @Autowired
    EnterpriseAgents agents;
    @Autowired
    JdbcClient jdbc;

    @Test
    void outsideTheDemoProfileADatabaseWithDemoDataIsRefused(@Autowired RegionRepository regions) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DemoDataGuard(regions).run(null))
                .hasMessageContaining("demo data");
    }

    @Test
    void theEnterpriseAddsAnAgentWhoMayThenActForItUntilRevoked() throws Exception {
        var enterprise = (AccountPrincipal) users.loadUserByUsername("shifan_food");
        String agentId = org.oneseal.TestIds.idCard("44030119851107002");
        mvc.perform(post("/me/agents").with(user(enterprise)).with(csrf()).param("realName", "李经办")
                .param("idCardNumber", "44030119851107002Y").param("validUntil", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("身份证号码第18位只能是数字或X")));
        assertThat(agents.mayActFor(enterprise.accountId(), new IdCardNumber(agentId))).isFalse();

        mvc.perform(post("/me/agents").with(user(enterprise)).with(csrf()).param("realName", "李经办")
                .param("idCardNumber", agentId).param("validUntil", "")).andExpect(redirectedUrl("/me"));
        assertThat(agents.mayActFor(enterprise.accountId(), new IdCardNumber(agentId))).isTrue();
        mvc.perform(get("/me").with(user(enterprise))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("李经办")))
                .andExpect(content().string(Matchers.containsString("4403**********" + agentId.substring(14))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(agentId))));

        long id = jdbc.sql("select id from oneseal.enterprise_agent where id_card_number = :i").param("i", agentId)
                .query(Long.class).single();
        var citizen = (AccountPrincipal) users.loadUserByUsername("zhangsan");
        mvc.perform(post("/me/agents/" + id + "/revoke").with(user(citizen)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/me/agents/" + id + "/revoke").with(user(enterprise)).with(csrf())).andExpect(redirectedUrl("/me"));
        assertThat(agents.mayActFor(enterprise.accountId(), new IdCardNumber(agentId))).isFalse();
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where action like 'identity.enterprise-agent.%' and object_id = :e")
                .param("e", String.valueOf(enterprise.accountId())).query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }
}

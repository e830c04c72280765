package org.oneseal.matter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The staff pages of the catalogue, as the demo administrators with the matter authorities. */
@IntegrationTest
class MatterAdminPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theListFiltersByTextAndACountyAdministratorSeesOnlyTheCounty() throws Exception {
        String all = page(get("/admin/matters").param("q", "食品"), "admin");
        assertThat(all).contains("食品经营许可").contains("南溪县").contains("北岭县");
        String nanxi = page(get("/admin/matters"), "nanxi_admin");
        assertThat(nanxi).contains("个体工商户设立登记").doesNotContain("北岭县").doesNotContain("企业设立登记");
    }

    @Test
    void aCountyAdministratorCannotOpenACityMatterAndTheAttemptIsAudited() throws Exception {
        long cityMatter = matterId("11990100SF0009000");
        long before = denials(cityMatter);
        mvc.perform(get("/admin/matters/" + cityMatter).with(as("nanxi_admin"))).andExpect(status().isNotFound());
        assertThat(denials(cityMatter)).isEqualTo(before + 1);
        assertThat(page(get("/admin/matters/" + cityMatter), "admin")).contains("企业设立登记").contains("版本历史");
    }

    @Test
    void theHistoryComparesMaterialsAndLimitsOfTheLastTwoVersions() throws Exception {
        String page = page(get("/admin/matters/" + matterId("11990100SF0001000")), "admin");
        assertThat(page).contains("v1 与 v2 对比").contains("食品安全管理制度清单").contains("已被取代");
    }

    @Test
    void aNewMatterWithMissingFieldsShowsTheMessagesAndStoresNothing() throws Exception {
        String code = MatterTestSupport.uniqueCode("PG");
        mvc.perform(form(post("/admin/matters/new"), code).param("name", "").param("legalLimitDays", "abc")
                        .param("promisedLimitDays", "5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name-error")))
                .andExpect(content().string(containsString("legalLimitDays-error")));
        assertThat(jdbc.sql("select count(*) from oneseal.matter where implementation_code = :c").param("c", code)
                .query(Long.class).single()).isZero();

        mvc.perform(valid(form(post("/admin/matters/new"), code)).param("action", "addMaterial"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("materials[0].name")));
        assertThat(jdbc.sql("select count(*) from oneseal.matter where implementation_code = :c").param("c", code)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aDraftIsCreatedEditedAndPublishedOnlyWhenItIsComplete() throws Exception {
        String code = MatterTestSupport.uniqueCode("PG");
        mvc.perform(form(post("/admin/matters/new"), code).param("name", "页面测试事项").param("legalLimitDays", "20")
                        .param("promisedLimitDays", "30"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "matter.flash.created"));
        long matterId = matterId(code);
        long draft = jdbc.sql("select id from oneseal.matter_version where matter_id = :m").param("m", matterId)
                .query(Long.class).single();

        mvc.perform(post("/admin/matters/versions/" + draft + "/publish").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problems", org.hamcrest.Matchers.hasItems(
                        "承诺办结时限（30个工作日）不能超过法定办结时限（20个工作日）", "请至少填写一项申请材料")));

        mvc.perform(valid(form(post("/admin/matters/versions/" + draft), code)).param("materials[0].code", "M01")
                        .param("materials[0].name", "申请书").param("materials[0].required", "true")
                        .param("materials[0].copies", "1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/matters/versions/" + draft + "/publish").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "matter.flash.published"));
        assertThat(page(get("/guide/" + matterId), "admin")).contains("页面测试事项").contains("申请书");
    }

    private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String code) {
        return request.with(as("admin")).with(csrf()).param("matterCode", "000100000001")
                .param("implementationCode", code).param("regionId", "" + MatterTestSupport.regionId(jdbc, "990100"))
                .param("type", "LICENSING")
                .param("departmentId", "" + MatterTestSupport.unitId(jdbc, "SF-SCZR"))
                .param("implementingBody", "示范市行政审批局").param("competence", "CITY").param("legalBasis", "《测试条例》")
                .param("serviceObject", "BOTH").param("handlingForms", "WINDOW", "ONLINE").param("handlingKind", "PROMISED")
                .param("onsiteVisits", "1")
                .param("free", "true").param("conditions", "测试条件").param("flow", "申请 → 决定")
                .param("serviceCommitment", "按时办结").param("enquiryPhone", "0999-1").param("complaintPhone", "0999-2")
                .param("online", "true").param("processKey", "oneseal-case");
    }

    private static MockHttpServletRequestBuilder valid(MockHttpServletRequestBuilder request) {
        return request.param("name", "页面测试事项").param("legalLimitDays", "20").param("promisedLimitDays", "5");
    }

    private String page(MockHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(request.with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private RequestPostProcessor as(String username) {
        return authentication(MatterTestSupport.staff(users, username, MatterTestSupport.ALL));
    }

    private long matterId(String implementationCode) {
        return jdbc.sql("select id from oneseal.matter where implementation_code = :c").param("c", implementationCode)
                .query(Long.class).single();
    }

    private long denials(long matterId) {
        return jdbc.sql("select count(*) from oneseal.audit_entry where action = 'matter.read' and outcome = 'DENIED' "
                + "and object_id = :id").param("id", String.valueOf(matterId)).query(Long.class).single();
    }
}

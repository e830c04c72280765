package org.oneseal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Jurisdiction rules from the outside: a county administrator and another county's objects. */
@IntegrationTest
class DataScopeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCountyAdminSeesOnlyTheOwnCountysOrgUnits() throws Exception {
        String page = mvc.perform(get("/admin/org-units").with(as("nanxi_admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("南溪县行政审批局").doesNotContain("北岭县").doesNotContain("示范市政务服务大厅")
                .contains("数据范围：南溪县");
        mvc.perform(get("/api/v1/org-units").with(as("nanxi_admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.startsWith("南溪县"))));
    }

    @Test
    void anotherCountysOrgUnitIsNotFoundAndTheAttemptIsAudited() throws Exception {
        long beiling = unitId("BL-XZSPJ");
        long before = denials(beiling);
        mvc.perform(get("/admin/org-units/" + beiling).with(as("nanxi_admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/org-units/" + beiling).with(as("nanxi_admin")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("请求的对象不存在或不在您的数据范围内"));
        assertThat(denials(beiling)).isEqualTo(before + 2);
        mvc.perform(get("/api/v1/org-units/" + beiling).with(as("admin"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("北岭县行政审批局"));
    }

    @Test
    void aCountyAdminCannotPlaceUnitsOrGrantCityRolesOutsideTheCounty() throws Exception {
        long beilingRegion = regionId("990122");
        String json = """
                {"regionId": %d, "kind": "WINDOW", "windowKind": "GENERAL", "code": "X-1", "name": "越权窗口",
                 "sortOrder": 0, "active": true}""".formatted(beilingRegion);
        mvc.perform(post("/api/v1/org-units").with(as("nanxi_admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.regionId").value("所选区划不在您的管辖范围内"));
        assertThat(jdbc.sql("select count(*) from oneseal.org_unit where code = 'X-1'").query(Long.class).single()).isZero();

        mvc.perform(post("/admin/accounts/new").with(as("nanxi_admin")).with(csrf())
                        .param("username", "sneaky").param("displayName", "越权").param("regionId", "" + regionId("990121"))
                        .param("roles", "SYSTEM_ADMIN").param("enabled", "true").param("initialPassword", "Strong@Pass1"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("只有全市范围的系统管理员")));
        assertThat(jdbc.sql("select count(*) from oneseal.account where username = 'sneaky'").query(Long.class).single()).isZero();
    }

    @Test
    void administratorsCannotRaiseTheirOwnRightsNorGrantBeyondTheirRole() throws Exception {
        long admin = jdbc.sql("select id from oneseal.account where username = 'admin'").query(Long.class).single();
        long city = regionId("990100");
        mvc.perform(post("/admin/accounts/" + admin).with(as("admin")).with(csrf()).param("username", "admin")
                        .param("displayName", "系统管理员").param("regionId", "" + city).param("cityWide", "true")
                        .param("roles", "SYSTEM_ADMIN", "LEADER").param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不能修改自己账号的角色")));
        assertThat(jdbc.sql("select count(*) from oneseal.account_role where account_id = :id").param("id", admin)
                .query(Long.class).single()).isEqualTo(1);

        mvc.perform(post("/admin/accounts/new").with(as("admin")).with(csrf()).param("username", "twohats")
                        .param("displayName", "兼任").param("regionId", "" + city).param("roles", "SYSTEM_ADMIN", "AUDITOR")
                        .param("enabled", "true").param("initialPassword", "Strong@Pass1"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("三员分立")));

        long nanxi = regionId("990121");
        mvc.perform(post("/admin/accounts/new").with(as("nanxi_admin")).with(csrf()).param("username", "nx_admin2")
                        .param("displayName", "副管理员").param("regionId", "" + nanxi).param("roles", "REGION_ADMIN")
                        .param("enabled", "true").param("initialPassword", "Strong@Pass1"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("您不能授予这些角色：区县管理员")));
        mvc.perform(post("/admin/accounts/new").with(as("nanxi_admin")).with(csrf()).param("username", "nx_window2")
                        .param("displayName", "南溪窗口").param("regionId", "" + nanxi).param("roles", "WINDOW_STAFF")
                        .param("enabled", "true").param("initialPassword", "Strong@Pass1"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from oneseal.account where username in ('twohats', 'nx_admin2')")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select version from oneseal.account where username = 'nx_window2'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void regionChangesNeedTheAuthorityAndAreAudited() throws Exception {
        long city = regionId("990100");
        String json = """
                {"code": "990123", "name": "测试县", "level": "COUNTY", "parentId": %d, "sortOrder": 9, "active": true}"""
                .formatted(city);
        mvc.perform(post("/api/v1/regions").with(as("nanxi_admin")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/regions").with(as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("测试县"));
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where action = 'identity.region.create' and reason like '990123%'")
                .query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/api/v1/regions").with(as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.code").value("区划代码990123已存在"));
    }

    @Test
    void personalDataIsMaskedAndRevealingItNeedsTheAuthorityAndIsAudited() throws Exception {
        long zhangsan = jdbc.sql("select id from oneseal.account where username = 'zhangsan'").query(Long.class).single();
        String list = mvc.perform(get("/admin/applicants").with(as("window01"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("1101**********002X").doesNotContain("11010519491231002X");
        long before = reveals(zhangsan);
        mvc.perform(post("/admin/applicants/" + zhangsan + "/reveal").with(as("reviewer01")).with(csrf()))
                .andExpect(status().isForbidden());
        String row = mvc.perform(post("/admin/applicants/" + zhangsan + "/reveal").with(as("window01")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(row).contains("11010519491231002X").contains("13800138000");
        assertThat(reveals(zhangsan)).isEqualTo(before + 1);
    }

    RequestPostProcessor as(String username) {
        AccountPrincipal principal = (AccountPrincipal) users.loadUserByUsername(username);
        return user(principal);
    }

    private long unitId(String code) {
        return jdbc.sql("select id from oneseal.org_unit where code = :c").param("c", code).query(Long.class).single();
    }

    private long regionId(String code) {
        return jdbc.sql("select id from oneseal.region where code = :c").param("c", code).query(Long.class).single();
    }

    private long denials(long unitId) {
        return jdbc.sql("select count(*) from oneseal.audit_entry where action = 'identity.orgunit.read' and outcome = 'DENIED' and object_id = :id")
                .param("id", String.valueOf(unitId)).query(Long.class).single();
    }

    private long reveals(long accountId) {
        return jdbc.sql("select count(*) from oneseal.audit_entry where action = 'identity.personal-data.reveal' and object_id = :id")
                .param("id", String.valueOf(accountId)).query(Long.class).single();
    }
}

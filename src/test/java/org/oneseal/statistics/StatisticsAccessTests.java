package org.oneseal.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Who sees which statistics, from the outside: the area must lie in the caller's data scope (全市 needs the
 * city-wide view; a county's staff see their county), a chief sees their department, window staff their window;
 * figures without records are "not available" with the reason, never 0; bad requests name the field.
 */
@IntegrationTest
class StatisticsAccessTests {

    private static final String YEAR = "from=2026-01-01&to=2026-12-31";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    private ResultActions as(String username, String path) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username))));
    }

    private long region(String code) {
        return jdbc.sql("select id from oneseal.region where code = ?").param(code).query(Long.class).single();
    }

    private long denials() {
        return jdbc.sql("select count(*) from oneseal.audit_entry where action = 'statistics.read' and outcome = 'DENIED'")
                .query(Long.class).single();
    }

    @Test
    void aFigureWithoutRecordsIsNotAvailableWithItsReasonNeverZero() throws Exception {
        as("leader", "/api/v1/statistics/figures?ids=finance.banks,tendering.capitalFreed&" + YEAR)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("finance.banks"))
                .andExpect(jsonPath("$[0].status").value("NOT_AVAILABLE"))
                .andExpect(jsonPath("$[0].value").doesNotExist())
                .andExpect(jsonPath("$[0].reason").value(Matchers.containsString("普惠金融")))
                .andExpect(jsonPath("$[0].areaLabel").value("全市"))
                .andExpect(jsonPath("$[1].unit").value("YUAN"))
                .andExpect(jsonPath("$[1].definition").value(Matchers.containsString("电子保函")));
        as("leader", "/api/v1/statistics/figures/finance.banks/records?" + YEAR)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("进驻银行数")));
    }

    @Test
    void theCatalogueDescribesEveryMetric() throws Exception {
        as("chief01", "/api/v1/statistics/metrics/online.creditScenarios").andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("信用应用场景数"))
                .andExpect(jsonPath("$.available").value(false))
                .andExpect(jsonPath("$.unavailableReason").value(Matchers.containsString("信用")));
        as("leader", "/api/v1/statistics/metrics").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", Matchers.hasItem("talent.capitalGrowthPct")));
    }

    @Test
    void aCountysChiefSeesTheCountyAndNothingElse() throws Exception {
        long nanxi = region("990121");
        long beiling = region("990122");
        as("nanxi_chief", "/api/v1/statistics/figures?ids=finance.banks&" + YEAR).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].areaLabel").value("南溪县"));
        as("nanxi_chief", "/api/v1/statistics/figures?ids=finance.banks&area=" + nanxi + "&" + YEAR)
                .andExpect(status().isOk());
        long before = denials();
        as("nanxi_chief", "/api/v1/statistics/figures?ids=finance.banks&area=all&" + YEAR)
                .andExpect(status().isForbidden());
        as("nanxi_chief", "/api/v1/statistics/figures?ids=finance.banks&area=city&" + YEAR)
                .andExpect(status().isForbidden());
        as("nanxi_chief", "/api/v1/statistics/figures/finance.banks/records?area=" + beiling + "&" + YEAR)
                .andExpect(status().isForbidden());
        assertThat(denials()).isEqualTo(before + 3);
        as("nanxi_chief", "/api/v1/statistics/areas").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].label", Matchers.contains("南溪县")));
    }

    @Test
    void aCityLevelChiefSeesTheirDepartmentAndWindowStaffTheirWindow() throws Exception {
        as("chief01", "/api/v1/statistics/figures?ids=finance.banks&" + YEAR).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].areaLabel").value("市本级"))
                .andExpect(jsonPath("$[0].status").value("NOT_AVAILABLE"));
        long other = jdbc.sql("select id from oneseal.org_unit where code = 'SF-GCJS'").query(Long.class).single();
        as("chief01", "/api/v1/statistics/figures?ids=finance.banks&department=" + other + "&" + YEAR)
                .andExpect(status().isForbidden());
        as("chief01", "/api/v1/statistics/figures?ids=finance.banks&area=all&" + YEAR)
                .andExpect(status().isForbidden());
        as("leader", "/api/v1/statistics/figures?ids=finance.banks&department=" + other + "&" + YEAR)
                .andExpect(status().isOk());
        as("window01", "/workbench/statistics?" + YEAR).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("综合受理1号窗口")));
        as("chief01", "/workbench/statistics?" + YEAR).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("市场准入审批科")));
    }

    @Test
    void everyFigureComputesForEveryKindOfViewerWithoutAServerError() throws Exception {
        long nanxi = region("990121");
        for (String asked : List.of("leader:all", "leader:city", "leader:" + nanxi, "chief01:", "window01:",
                "nanxi_chief:", "nanxi_window:")) {
            String[] p = asked.split(":", -1);
            as(p[0], "/api/v1/statistics/figures?" + YEAR + (p[1].isEmpty() ? "" : "&area=" + p[1]))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].status", Matchers.everyItem(Matchers.in(
                            List.of("OK", "NO_VALUE", "NOT_AVAILABLE", "NOT_APPLICABLE")))))
                    .andExpect(jsonPath("$[?(@.status == 'OK')].value", Matchers.everyItem(Matchers.notNullValue())))
                    .andExpect(jsonPath("$[?(@.status == 'NOT_AVAILABLE')].value").value(Matchers.everyItem(
                            Matchers.nullValue())));
        }
        // a bureau-wide (party) figure is not applicable to a county
        as("leader", "/api/v1/statistics/figures?ids=party.centralStudy.sessions&area=" + nanxi + "&" + YEAR)
                .andExpect(jsonPath("$[0].status").value("NOT_APPLICABLE"))
                .andExpect(jsonPath("$[0].reason").value(Matchers.containsString("不分区县")));
        as("leader", "/api/v1/statistics/figures?ids=party.centralStudy.sessions&area=city&" + YEAR)
                .andExpect(jsonPath("$[0].status").value("OK"));
    }

    @Test
    void aChiefOfNoDepartmentSeesNoStatisticsAndNoOneBreaksDownOutsideTheArea() throws Exception {
        jdbc.sql("""
                insert into oneseal.account (username, password_hash, kind, display_name, region_id, org_unit_id, created_at)
                select 'hall_chief', 'x', 'STAFF', '大厅科长', u.region_id, u.id, now() from oneseal.org_unit u
                where u.code = 'SF-DT' on conflict do nothing""").update();
        jdbc.sql("""
                insert into oneseal.account_role (account_id, role) select id, 'CHIEF' from oneseal.account
                where username = 'hall_chief' on conflict do nothing""").update();
        long gcjs = jdbc.sql("select id from oneseal.org_unit where code = 'SF-GCJS'").query(Long.class).single();
        as("hall_chief", "/api/v1/statistics/figures?ids=evaluation.total&department=" + gcjs + "&" + YEAR)
                .andExpect(status().isForbidden());
        as("hall_chief", "/api/v1/statistics/figures?ids=evaluation.total&" + YEAR).andExpect(status().isForbidden());

        long nanxi = region("990121");
        as("leader", "/api/v1/statistics/figures?ids=evaluation.total&area=" + nanxi + "&department=" + gcjs + "&"
                + YEAR).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.department").value(Matchers.containsString("不在所选范围")));
        long window = jdbc.sql("select id from oneseal.org_unit where code = 'SF-CK01'").query(Long.class).single();
        as("leader", "/api/v1/statistics/figures/evaluation.total/records?window=" + window + "&area=" + nanxi + "&"
                + YEAR).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.window").exists());
        as("leader", "/api/v1/statistics/figures/evaluation.total?window=" + window + "&area=city&" + YEAR)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("OK"));
        as("chief01", "/api/v1/statistics/figures/evaluation.total?window=" + window + "&" + YEAR)
                .andExpect(status().isForbidden());
    }

    @Test
    void aCityLevelFigureIsNotApplicableToACountyAndFarDatesAreRefused() throws Exception {
        long nanxi = region("990121");
        as("leader", "/api/v1/statistics/figures?ids=complaint.cityLevel.received&area=" + nanxi + "&" + YEAR)
                .andExpect(jsonPath("$[0].status").value("NOT_APPLICABLE"))
                .andExpect(jsonPath("$[0].value").doesNotExist());
        as("leader", "/api/v1/statistics/figures?from=+999999999-12-31&to=+999999999-12-31")
                .andExpect(status().isBadRequest());
        as("leader", "/workbench/statistics?from=+999999999-12-31&to=+999999999-12-31").andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("2000")));
    }

    @Test
    void recordsExportAsExcelAudited() throws Exception {
        long before = jdbc.sql("select count(*) from oneseal.audit_entry where action = 'statistics.records.export'")
                .query(Long.class).single();
        byte[] xlsx = as("leader", "/api/v1/statistics/figures/party.centralStudy.sessions/records.xlsx?area=city&"
                + YEAR).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        long sessions = com.jayway.jsonpath.JsonPath.parse(as("leader",
                "/api/v1/statistics/figures/party.centralStudy.sessions?area=city&" + YEAR).andReturn().getResponse()
                .getContentAsString()).read("$.records", Long.class);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getLastRowNum() - 4).isEqualTo((int) sessions);
        }
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where action = 'statistics.records.export'")
                .query(Long.class).single()).isEqualTo(before + 1);
        as("leader", "/api/v1/statistics/figures/finance.banks/records.xlsx?" + YEAR)
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void theStatisticsApiIsInTheOpenApiDescription() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/statistics/figures'].get.summary").value("指标值"))
                .andExpect(jsonPath("$.paths['/api/v1/statistics/figures/{id}/records'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/statistics/metrics'].get").exists());
    }

    @Test
    void onlyStaffWithStatisticsReadSeeStatistics() throws Exception {
        as("admin", "/api/v1/statistics/figures?" + YEAR).andExpect(status().isForbidden());
        as("auditor", "/api/v1/statistics/metrics").andExpect(status().isForbidden());
        as("zhangsan", "/api/v1/statistics/metrics").andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/statistics/metrics")).andExpect(status().isUnauthorized());
    }

    @Test
    void badRequestsNameTheField() throws Exception {
        as("leader", "/api/v1/statistics/figures?from=2026-01-01&to=2027-06-30").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.to").value(Matchers.containsString("一年")));
        as("leader", "/api/v1/statistics/figures?from=2026-05-01&to=2026-04-30").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.to").value(Matchers.containsString("早于")));
        as("leader", "/api/v1/statistics/figures?ids=no.such&" + YEAR).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.metric").value(Matchers.containsString("no.such")));
        as("leader", "/api/v1/statistics/figures?area=everywhere&" + YEAR).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.area").value(Matchers.containsString("everywhere")));
        as("leader", "/api/v1/statistics/figures?area=999999&" + YEAR).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.area").value(Matchers.containsString("999999")));
        as("leader", "/api/v1/statistics/figures?from=yesterday&to=2026-01-01").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.from").exists());
        long window = jdbc.sql("select id from oneseal.org_unit where code = 'SF-CK01'").query(Long.class).single();
        as("leader", "/api/v1/statistics/figures?department=" + window + "&" + YEAR).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.department").value(Matchers.containsString("不是部门")));
        as("leader", "/api/v1/statistics/figures/finance.banks/records?size=500&" + YEAR)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.size").exists());
    }

    @Test
    void theDashboardPagesAnswerWithTheirFiltersAndErrors() throws Exception {
        as("leader", "/workbench/statistics?" + YEAR).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("统计驾驶舱")));
        as("leader", "/workbench/statistics/figures?" + YEAR).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("进驻银行数")));
        as("leader", "/workbench/statistics?from=2026-13-01").andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("不是日期")));
        as("nanxi_chief", "/workbench/statistics?area=all").andExpect(status().isForbidden());
    }
}

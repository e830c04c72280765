package org.oneseal.matter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public guide pages and API, used anonymously, on the demo catalogue. They need the public rule for
 * GET /guide, /guide/**, /api/v1/public/** in identity's SecurityConfiguration.
 */
@IntegrationTest
class ServiceGuideTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aChineseKeywordFindsTheFoodBusinessPermitOfTheCityAndTheCounty() throws Exception {
        String page = page("/guide?q=食品");
        assertThat(page).contains("食品经营许可").contains("示范市（市本级）").contains("南溪县")
                .doesNotContain("建筑工程施工许可证核发");
        assertThat(page("/guide?q=%25")).contains("共找到 0 项事项");
        assertThat(page("/guide?q=食品&region=" + MatterTestSupport.regionId(jdbc, "990121")))
                .contains("南溪县").doesNotContain("示范市（市本级）</span>");
    }

    @Test
    void filtersByServiceObjectLifeEventAndDepartment() throws Exception {
        assertThat(page("/guide?serviceObject=PERSON")).contains("个体工商户设立登记").contains("食品经营许可")
                .doesNotContain("企业设立登记");
        assertThat(page("/guide?lifeEvent=开办餐馆")).contains("食品经营许可").contains("企业设立登记")
                .doesNotContain("建筑工程施工许可证核发");
        long construction = MatterTestSupport.unitId(jdbc, "SF-GCJS");
        assertThat(page("/guide?department=" + construction)).contains("建筑工程施工许可证核发")
                .doesNotContain("食品经营许可");
    }

    @Test
    void theGuideShowsMaterialsLimitsFeesAndAPrintStylesheet() throws Exception {
        long id = cityFoodPermit();
        String page = page("/guide/" + id);
        assertThat(page).contains("<h1>食品经营许可</h1>").contains("食品经营许可申请书").contains("关键材料")
                .contains("法定办结时限").contains("20 个工作日").contains("3 个工作日").contains("现场核查")
                .contains("不收费").contains("0999-12345").contains("全市通办").contains("@media print")
                .contains("第 2 版").doesNotContain("食品安全管理制度清单");
        mvc.perform(get("/guide/999999999")).andExpect(status().isNotFound());
    }

    @Test
    void theApiAnswersJsonForTheSearchAndTheGuide() throws Exception {
        mvc.perform(get("/api/v1/public/matters").param("q", "食品"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", everyItem(org.hamcrest.Matchers.containsString("食品"))))
                .andExpect(jsonPath("$[*].name", hasItem("食品经营许可")));
        mvc.perform(get("/api/v1/public/matters").param("serviceObject", "PERSON"))
                .andExpect(jsonPath("$[*].name", not(hasItem("企业设立登记"))));
        long id = cityFoodPermit();
        mvc.perform(get("/api/v1/public/matters/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("食品经营许可"))
                .andExpect(jsonPath("$.legalLimitDays").value(20))
                .andExpect(jsonPath("$.promisedLimitDays").value(3))
                .andExpect(jsonPath("$.versionNumber").value(2))
                .andExpect(jsonPath("$.materials[0].name").value("食品经营许可申请书"))
                .andExpect(jsonPath("$.materials[0].keyMaterial").value(true))
                .andExpect(jsonPath("$.specialProcedures[0].countsTowardLimit").value(false));
        mvc.perform(get("/api/v1/public/matters/999999999")).andExpect(status().isNotFound());
    }

    private long cityFoodPermit() {
        return jdbc.sql("select id from oneseal.matter where implementation_code = '11990100SF0001000'")
                .query(Long.class).single();
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}

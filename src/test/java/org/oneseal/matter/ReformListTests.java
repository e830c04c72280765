package org.oneseal.matter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** 证照分离改革事项清单: the public list, its filters, the Excel export, and what a listed matter must say. */
@IntegrationTest
class ReformListTests {

    @Autowired MockMvc mvc;
    @Autowired MatterAdministration admin;
    @Autowired CurrentUser currentUser;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theListShowsEveryModeWithItsListAndBasisAndFiltersByModeAndDepartment() throws Exception {
        mvc.perform(get("/guide/reform-list"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("粮食收购资格认定"),
                        Matchers.containsString("养老机构备案"), Matchers.containsString("人力资源服务许可"),
                        Matchers.containsString("国发〔2021〕7号"), Matchers.containsString("2021年全国版"))));
        mvc.perform(get("/guide/reform-list").param("mode", "CANCELLED"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("粮食收购资格认定"),
                        Matchers.containsString("取消后：取消粮食收购资格审批，改为备案"),
                        Matchers.not(Matchers.containsString("养老机构备案")))));
        mvc.perform(get("/api/v1/public/reform-list").param("mode", "FILING"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].mode", Matchers.everyItem(Matchers.is("FILING"))))
                .andExpect(jsonPath("$[*].name", Matchers.hasItems("养老机构备案", "公章刻制备案")))
                .andExpect(jsonPath("$[*].name", Matchers.not(Matchers.hasItem("粮食收购资格认定"))));
        long market = MatterTestSupport.unitId(jdbc, "SF-SCZR");
        mvc.perform(get("/api/v1/public/reform-list").param("department", "" + market))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].departmentId", Matchers.everyItem(Matchers.is((int) market))))
                .andExpect(jsonPath("$[*].name", Matchers.hasItem("粮食收购资格认定")));
        // a matter without a reform mode is not on the list
        mvc.perform(get("/api/v1/public/reform-list"))
                .andExpect(jsonPath("$[*].name", Matchers.not(Matchers.hasItem("居民身份证申领"))));
        mvc.perform(get("/api/v1/public/reform-list").param("mode", "ABOLISHED"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theExcelExportHoldsTheFilteredRowsWithModeListAndBasis() throws Exception {
        byte[] xlsx = mvc.perform(get("/guide/reform-list.xlsx").param("mode", "COMMITMENT"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(ReformListController.XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        String json = mvc.perform(get("/api/v1/public/reform-list").param("mode", "COMMITMENT"))
                .andReturn().getResponse().getContentAsString();
        int expected = json.split("\"matterId\"").length - 1;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).isEqualTo(ReformList.COLUMNS);
            assertThat(sheet.getLastRowNum()).isEqualTo(expected).isPositive();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                List<String> row = cells(sheet.getRow(r));
                assertThat(row.get(6)).isEqualTo("实行告知承诺");
                assertThat(row.get(7)).isNotBlank();
                assertThat(row.get(8)).contains("国发〔2021〕7号");
            }
        }
    }

    @Test
    void aListedMatterNamesItsListAndBasisAndACancelledApprovalWhatReplacedIt() {
        MatterTestSupport.signIn(users, "admin");
        var scope = currentUser.scope();
        long market = MatterTestSupport.unitId(jdbc, "SF-SCZR");
        long city = MatterTestSupport.regionId(jdbc, "990100");
        long matterId = admin.create(scope, new NewMatter(MatterTestSupport.uniqueCode("R"),
                MatterTestSupport.uniqueCode("RI"), city, MatterTestSupport.valid(market, "改革清单校验事项", 20, 10)));
        long v1 = admin.detail(scope, matterId).draftVersionId();
        MatterElements base = admin.version(scope, v1).elements();

        admin.updateDraft(scope, v1, MatterTestSupport.withReform(base, ServiceObject.PERSON, ReformMode.CANCELLED,
                null, null, null));
        assertThatThrownBy(() -> admin.publish(scope, v1)).isInstanceOfSatisfying(PublicationRefused.class, e -> {
            assertThat(e.problems()).extracting(Problem::key).contains("matter.rule.reformListVersion",
                    "matter.rule.reformBasis", "matter.rule.reformEnterprise", "matter.rule.replacedBy");
            assertThat(e.getMessage()).contains("请填写取消后的管理方式");
        });
        admin.updateDraft(scope, v1, MatterTestSupport.withReform(base, ServiceObject.ENTERPRISE, ReformMode.FILING,
                "2021年全国版", "国发〔2021〕7号", "不该填写"));
        assertThatThrownBy(() -> admin.publish(scope, v1)).isInstanceOfSatisfying(PublicationRefused.class,
                e -> assertThat(e.problems()).extracting(Problem::key)
                        .containsExactly("matter.rule.replacedByOnlyCancelled"));
        assertThat(admin.version(scope, v1).state()).isEqualTo(MatterVersionState.DRAFT);

        admin.updateDraft(scope, v1, MatterTestSupport.withReform(base, ServiceObject.ENTERPRISE, ReformMode.FILING,
                "2021年全国版", "国发〔2021〕7号", null));
        admin.publish(scope, v1);
        assertThat(jdbc.sql("select count(*) from oneseal.matter_version where id = ? and state = 'PUBLISHED'")
                .param(v1).query(Long.class).single()).isOne();
    }

    @Test
    void theGuideOfACancelledApprovalSaysWhatReplacedItAndOffersNoApplication() throws Exception {
        long grain = jdbc.sql("select matter_id from oneseal.matter_version where name = '粮食收购资格认定' "
                + "and state = 'PUBLISHED'").query(Long.class).single();
        mvc.perform(get("/guide/" + grain))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("id=\"reform-cancelled\""),
                        Matchers.containsString("改为备案"), Matchers.not(Matchers.containsString("id=\"apply-online\"")))));
        long filing = jdbc.sql("select matter_id from oneseal.matter_version where name = '养老机构备案' "
                + "and state = 'PUBLISHED'").query(Long.class).single();
        mvc.perform(get("/guide/" + filing))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("id=\"reform-filing\""),
                        Matchers.containsString("id=\"apply-online\""))));
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        row.forEach(c -> cells.add(c.getStringCellValue()));
        return cells;
    }
}

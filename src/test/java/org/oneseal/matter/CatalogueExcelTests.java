package org.oneseal.matter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Export of the published catalogue, import of drafts, row-level errors, refused uploads. */
@IntegrationTest
class CatalogueExcelTests {

    private static final String SOCIAL_GROUP = "11990100SF0029000";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theExportHasAHeaderRowAMatterSheetAndAMaterialSheet() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export("admin")))) {
            List<List<String>> matters = rows(book.getSheet("事项"));
            assertThat(matters.getFirst()).startsWith("实施编码", "事项编码", "区划代码", "事项名称");
            assertThat(matters).anySatisfy(r -> assertThat(r).contains("食品经营许可", "11990121NX0001000"));
            assertThat(rows(book.getSheet("材料"))).anySatisfy(r -> assertThat(r).contains("食品经营许可申请书", "是"));
        }
        try (XSSFWorkbook county = new XSSFWorkbook(new ByteArrayInputStream(export("nanxi_admin")))) {
            assertThat(rows(county.getSheet("事项")).stream().skip(1).map(r -> r.get(2))).containsOnly("990121");
        }
    }

    @Test
    void aRoundTripCreatesANewDraftMatterAndADraftOfTheExistingOne() throws Exception {
        String newCode = MatterTestSupport.uniqueCode("XL");
        List<List<String>> matters = new ArrayList<>();
        List<List<String>> materials = new ArrayList<>();
        exportedRowsOf(SOCIAL_GROUP, matters, materials);
        List<List<String>> copies = new ArrayList<>(matters.subList(1, matters.size()));
        copies.replaceAll(r -> renamed(r, newCode));
        matters.addAll(copies);
        materials.addAll(materials.stream().skip(1).map(r -> renamed(r, newCode)).toList());

        upload(workbook(matters, materials)).andExpect(status().is3xxRedirection());
        assertThat(states(newCode)).containsExactly("DRAFT");
        assertThat(states(SOCIAL_GROUP)).containsExactly("PUBLISHED", "DRAFT");
        assertThat(jdbc.sql("select jsonb_array_length(v.content->'materials') from oneseal.matter_version v "
                + "join oneseal.matter m on m.id = v.matter_id where m.implementation_code = :c")
                .param("c", newCode).query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void aBadRowIsReportedWithSheetRowAndColumnAndNothingIsImported() throws Exception {
        String good = MatterTestSupport.uniqueCode("XL");
        String bad = MatterTestSupport.uniqueCode("XL");
        List<List<String>> matters = new ArrayList<>();
        List<List<String>> materials = new ArrayList<>();
        exportedRowsOf(SOCIAL_GROUP, matters, materials);
        List<String> template = matters.get(1);
        matters.set(1, renamed(template, good));
        List<String> broken = new ArrayList<>(renamed(template, bad));
        broken.set(10, "二十");
        broken.set(5, "NO-SUCH-UNIT");
        matters.add(broken);

        upload(workbook(matters, List.of(materials.getFirst())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("导入失败")))
                .andExpect(content().string(containsString("K（法定办结时限）")))
                .andExpect(content().string(containsString("F（实施部门编码）")))
                .andExpect(content().string(containsString("<td>3</td>")));
        assertThat(states(good)).isEmpty();
        assertThat(states(bad)).isEmpty();
    }

    @Test
    void anUploadThatIsNotAnXlsxIsRefused() throws Exception {
        upload("实施编码,事项名称\n1,假文件".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("上传的文件不是有效的 Excel（.xlsx）文件")));
        upload(new byte[] {'P', 'K', 3, 4, 0, 0, 0})
                .andExpect(content().string(containsString("上传的文件不是有效的 Excel（.xlsx）文件")));
    }

    private void exportedRowsOf(String code, List<List<String>> matters, List<List<String>> materials) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export("admin")))) {
            List<List<String>> m = rows(book.getSheet("事项"));
            List<List<String>> mat = rows(book.getSheet("材料"));
            matters.add(m.getFirst());
            m.stream().filter(r -> r.getFirst().equals(code)).forEach(matters::add);
            materials.add(mat.getFirst());
            mat.stream().filter(r -> r.getFirst().equals(code)).forEach(materials::add);
        }
    }

    private static List<String> renamed(List<String> row, String code) {
        List<String> copy = new ArrayList<>(row);
        copy.set(0, code);
        return copy;
    }

    private byte[] export(String username) throws Exception {
        return mvc.perform(get("/admin/matters/export.xlsx").with(as(username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    private ResultActions upload(byte[] bytes) throws Exception {
        return mvc.perform(multipart("/admin/matters/import")
                .file(new MockMultipartFile("file", "catalogue.xlsx", ExcelController.XLSX.toString(), bytes))
                .with(as("admin")).with(csrf()));
    }

    private List<String> states(String implementationCode) {
        return jdbc.sql("select v.state from oneseal.matter_version v join oneseal.matter m on m.id = v.matter_id "
                + "where m.implementation_code = :c order by v.version_number").param("c", implementationCode)
                .query(String.class).list();
    }

    private RequestPostProcessor as(String username) {
        return authentication(MatterTestSupport.staff(users, username, MatterTestSupport.ALL));
    }

    static List<List<String>> rows(Sheet sheet) {
        DataFormatter format = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getLastCellNum(); i++) {
                cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
            }
            rows.add(cells);
        }
        return rows;
    }

    static byte[] workbook(List<List<String>> matters, List<List<String>> materials) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill(book.createSheet("事项"), matters);
            fill(book.createSheet("材料"), materials);
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void fill(Sheet sheet, List<List<String>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows.get(r).size(); c++) {
                row.createCell(c).setCellValue(rows.get(r).get(c));
            }
        }
    }
}

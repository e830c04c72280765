package org.oneseal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.statistics.Area;
import org.oneseal.statistics.Statistics;
import org.oneseal.statistics.StatisticsRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Uploading report templates: refused with every unfillable placeholder named (nothing stored), or stored and used. */
@IntegrationTest
@Import(ReportTestMetrics.class)
class ReportTemplateTests {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired Statistics statistics;
    @Autowired TemplateStore store;

    private final int year = LocalDate.now().getYear() - 1;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aTemplateWithUnknownPlaceholdersIsRefusedNamingAllOfThemAndNothingIsStored() throws Exception {
        long before = stored();
        byte[] bad = docx("本月评价${evaluation.total:bogus}条，另有${no.such.metric}项，${report.year}年。",
                "页眉里的${report.nothing}");
        mvc.perform(multipart("/api/v1/reports/templates").file(file(bad)).param("kind", "ANNUAL")
                        .param("name", "坏模板").with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.unknown", Matchers.containsInAnyOrder("evaluation.total:bogus",
                        "no.such.metric", "report.nothing")))
                .andExpect(jsonPath("$.detail", Matchers.allOf(Matchers.containsString("no.such.metric"),
                        Matchers.containsString("evaluation.total:bogus"))));
        assertThat(stored()).isEqualTo(before);

        mvc.perform(multipart("/api/v1/reports/templates/check").file(file(bad)).param("kind", "ANNUAL")
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.placeholders", Matchers.hasItem("report.year")))
                .andExpect(jsonPath("$.unknown", Matchers.hasSize(3)));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aFormatMustSuitTheMetricsUnit() throws Exception {
        byte[] bad = docx("金额${reporttest.cases:yi}，比例${reporttest.amount:pct}，件数${reporttest.cases:count}，"
                + "贷款${finance.loanAmount:pct}，${finance.loanAmount:yi}");
        mvc.perform(multipart("/api/v1/reports/templates/check").file(file(bad)).param("kind", "ANNUAL")
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().isOk())
                // finance.loanAmount is money whether its module is built yet or not: pct never suits it
                .andExpect(jsonPath("$.unknown", Matchers.contains("reporttest.cases:yi", "reporttest.amount:pct",
                        "finance.loanAmount:pct")));
    }

    @Test
    void aContentControlAndAnEndnoteAreFilledAndAFieldCodeIsRefusedOnUploadAndNeverGenerated() throws Exception {
        var admin = user(users.loadUserByUsername("admin"));
        byte[] good = withControlAndEndnote();
        String created = mvc.perform(multipart("/api/v1/reports/templates").file(file(good)).param("kind", "ANNUAL")
                        .param("name", "内容控件" + System.nanoTime()).with(admin).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.placeholders", Matchers.contains("reporttest.cases", "reporttest.rate")))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("(?s)^\\{\"id\":(\\d+),.*$", "$1"));
        byte[] report = mvc.perform(get("/api/v1/reports/annual?year=" + year + "&area=all&template=" + id)
                        .with(user(users.loadUserByUsername("leader"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(TemplateLeftovers.in(report)).isEmpty();
        assertThat(ReportFiles.allText(report)).containsPattern("共办理[0-9,]+件。").contains("比率90.0%");
        assertThat(ReportFiles.appendix(report)).extracting(ReportFiles.Source::id)
                .containsExactly("reporttest.cases", "reporttest.rate");

        byte[] field = withFieldCode();
        long before = stored();
        mvc.perform(multipart("/api/v1/reports/templates").file(file(field)).param("kind", "ANNUAL")
                        .param("name", "域代码" + System.nanoTime()).with(admin).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.unknown", Matchers.contains("reporttest.amount")))
                .andExpect(jsonPath("$.problems[0].reason", Matchers.containsString("word/document.xml")));
        assertThat(stored()).isEqualTo(before);
        // a template stored before uploads were checked for it: the report is refused, never sent with the ${…}
        long old = store.insert(ReportKind.ANNUAL, "旧域代码模板" + System.nanoTime(), "old.docx", field,
                java.util.List.of("reporttest.cases"), "admin", java.time.Instant.now()).orElseThrow();
        mvc.perform(get("/api/v1/reports/annual?year=" + year + "&area=all&template=" + old)
                        .with(user(users.loadUserByUsername("leader"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.unknown", Matchers.contains("reporttest.amount")))
                .andExpect(jsonPath("$.detail", Matchers.containsString("${reporttest.amount}")));
        store.deactivate(old, "admin", java.time.Instant.now());
    }

    @Test
    void aValidTemplateIsStoredListedUsedWithItsOwnTextAndDeactivated() throws Exception {
        byte[] good = docx("本局自拟模板：${report.area}${report.year}年共办理${reporttest.cases}件，"
                + "金额${reporttest.amount:wan}，比率${reporttest.rate}，空率${reporttest.empty}。");
        String created = mvc.perform(multipart("/api/v1/reports/templates").file(file(good)).param("kind", "annual")
                        .param("name", "自拟模板" + System.nanoTime()).with(user(users.loadUserByUsername("admin")))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.placeholders", Matchers.hasItem("reporttest.amount:wan")))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("(?s)^\\{\"id\":(\\d+),.*$", "$1"));
        mvc.perform(get("/api/v1/reports/templates?kind=ANNUAL").with(user(users.loadUserByUsername("leader"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", Matchers.hasItem((int) id)));

        byte[] report = mvc.perform(get("/api/v1/reports/annual?year=" + year + "&area=all&template=" + id)
                        .with(user(users.loadUserByUsername("leader"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = ReportFiles.allText(report);
        signIn("leader");
        StatisticsRequest request = new StatisticsRequest(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                Area.ALL, null);
        var cases = statistics.figure("reporttest.cases", request);
        var amount = statistics.figure("reporttest.amount", request);
        assertThat(text).contains("本局自拟模板：全市" + year + "年共办理"
                + FigureFormat.COUNT.write(cases.value()) + "件，金额" + FigureFormat.WAN.write(amount.value())
                + "，比率90.0%，空率（暂无数据）。");
        assertThat(ReportFiles.appendix(report)).extracting(ReportFiles.Source::id)
                .containsExactly("reporttest.cases", "reporttest.amount", "reporttest.rate", "reporttest.empty");

        mvc.perform(post("/api/v1/reports/templates/" + id + "/deactivation")
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        mvc.perform(get("/api/v1/reports/annual?year=" + year + "&template=" + id)
                        .with(user(users.loadUserByUsername("leader"))))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where action in ('report.template.upload', "
                + "'report.template.deactivate', 'report.generate')").query(Long.class).single()).isGreaterThan(2);
    }

    @Test
    void whatIsNotAWordDocumentIsRefusedClearly() throws Exception {
        var admin = user(users.loadUserByUsername("admin"));
        byte[] oldDoc = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};
        mvc.perform(multipart("/api/v1/reports/templates").file(new MockMultipartFile("file", "a.doc", "application/msword",
                        oldDoc)).param("kind", "ANNUAL").param("name", "旧格式").with(admin).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.file", Matchers.containsString(".doc")));
        mvc.perform(multipart("/api/v1/reports/templates").file(new MockMultipartFile("file", "a.docx", DOCX,
                        "not a zip".getBytes())).param("kind", "ANNUAL").param("name", "假文件").with(admin).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.file").exists());
        mvc.perform(multipart("/api/v1/reports/templates").file(new MockMultipartFile("file", "big.docx", DOCX,
                        new byte[TemplateFile.MAX_BYTES + 1])).param("kind", "ANNUAL").param("name", "太大")
                        .with(admin).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.file", Matchers.containsString("5 MB")));
        mvc.perform(multipart("/api/v1/reports/templates").file(file(docx("${report.year}"))).param("kind", "WEEKLY")
                        .param("name", "x").with(admin).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/reports/templates").file(file(docx("${report.year}"))).param("kind", "ANNUAL")
                        .param("name", " ").with(admin).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.name").exists());
        mvc.perform(multipart("/api/v1/reports/templates").file(file(docx("${report.year}"))).param("kind", "ANNUAL")
                        .param("name", "领导不能上传").with(user(users.loadUserByUsername("leader"))).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theTemplatesPageShowsTheRefusalAndTheReportsPageIsForLeaders() throws Exception {
        byte[] bad = docx("${no.such.metric}");
        String page = mvc.perform(multipart("/workbench/reports/templates").file(file(bad)).param("kind", "ANNUAL")
                        .param("name", "页面坏模板").with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("no.such.metric", "指标目录中没有");
        mvc.perform(get("/workbench/reports").with(user(users.loadUserByUsername("leader"))))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("annual-docx")));
        mvc.perform(get("/workbench").with(user(users.loadUserByUsername("leader"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("/workbench/reports")));
        mvc.perform(get("/workbench").with(user(users.loadUserByUsername("chief01"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.not(Matchers.containsString("/workbench/reports"))));
        mvc.perform(get("/workbench/reports").with(user(users.loadUserByUsername("chief01"))))
                .andExpect(status().isForbidden());
        byte[] template = mvc.perform(get("/workbench/reports/templates/default?kind=MONTHLY")
                        .with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(ReportFiles.allText(template)).contains("${each.window}");
    }

    private long stored() {
        return jdbc.sql("select count(*) from oneseal.report_template").query(Long.class).single();
    }

    private static MockMultipartFile file(byte[] content) {
        return new MockMultipartFile("file", "模板.docx", DOCX, content);
    }

    /** A Word document whose body says {@code text}, split by Word-like runs in the middle of the placeholders. */
    static byte[] docx(String text, String... header) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph p = doc.createParagraph();
            for (int i = 0; i < text.length(); i += 5) {
                p.createRun().setText(text.substring(i, Math.min(text.length(), i + 5)));
            }
            if (header.length > 0) {
                doc.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT).createParagraph().createRun()
                        .setText(header[0]);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    /**
     * A body paragraph whose figure stands in an inline plain-text content control (split over two runs), a second
     * one in an endnote.
     */
    private static byte[] withControlAndEndnote() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph p = doc.createParagraph();
            p.createRun().setText("共办理");
            var control = p.getCTP().addNewSdt();
            control.addNewSdtPr().addNewText();
            var content = control.addNewSdtContent();
            content.addNewR().addNewT().setStringValue("${reporttest.");
            content.addNewR().addNewT().setStringValue("cases}");
            p.createRun().setText("件。");
            doc.createEndnote().createParagraph().createRun().setText("比率${reporttest.rate}");
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** A template whose second figure stands in a field code (a MERGEFIELD), which no report fills. */
    private static byte[] withFieldCode() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph p = doc.createParagraph();
            p.createRun().setText("共办理${reporttest.cases}件，金额");
            p.getCTP().addNewR().addNewInstrText().setStringValue(" MERGEFIELD ${reporttest.amount} ");
            doc.write(out);
            return out.toByteArray();
        }
    }

    private void signIn(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}

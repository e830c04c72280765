package org.oneseal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.MetricTestData;
import org.oneseal.shared.metrics.MetricDimension;
import org.oneseal.statistics.BreakdownRow;
import org.oneseal.statistics.Area;
import org.oneseal.statistics.Statistics;
import org.oneseal.statistics.StatisticsRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The default annual report and the monthly bulletin, generated over the API: nothing left unfilled, a trace for
 * every figure whose record count is the drill-down's, the PDF's Chinese text and appendix, the county leader's own
 * county, and who may not generate.
 */
@IntegrationTest
@Import(ReportTestMetrics.class)
class ReportGenerationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Statistics statistics;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder passwords;

    private final int year = LocalDate.now().getYear() - 1;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theDefaultAnnualReportHasNoPlaceholderLeftAndEveryFigureTracesToItsDrillDown() throws Exception {
        byte[] docx = download("/api/v1/reports/annual?year=" + year + "&area=all&format=docx", "leader");

        for (String part : ReportFiles.partTexts(docx)) {
            assertThat(part).as("unfilled placeholder").doesNotContain("${");
        }
        String text = ReportFiles.allText(docx);
        assertThat(text).contains("全市行政审批工作" + year + "年度报告", "附录　数据来源");

        List<ReportFiles.Source> sources = ReportFiles.appendix(docx);
        Set<String> traced = sources.stream().map(ReportFiles.Source::id).collect(Collectors.toSet());
        Set<String> used = ReportFiles.templateMetrics(ReportKind.ANNUAL);
        assertThat(used).containsAll(ReportTestMetrics.DOCUMENTED);
        assertThat(traced).containsAll(used);
        assertThat(sources).extracting(ReportFiles.Source::number)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, sources.size()).boxed().toList());

        signIn("leader");
        StatisticsRequest request = new StatisticsRequest(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                Area.ALL, null);
        int compared = 0;
        for (ReportFiles.Source s : sources) {
            assertThat(s.scope()).isEqualTo("全市");
            if (s.recordCount() >= 0) {
                assertThat(s.recordCount()).as("records of %s", s.id())
                        .isEqualTo(statistics.records(s.id(), request, 0, 1).total());
                compared++;
            } else {
                assertThat(s.note()).as("why %s has no number", s.id()).isNotBlank();
            }
        }
        assertThat(compared).as("figures with records").isGreaterThan(0);

        try (var doc = ReportFiles.open(docx)) {
            String notes = doc.getFootnotes().stream().map(ReportFiles::noteText).collect(Collectors.joining("\n"));
            for (String id : used) {
                assertThat(notes).as("footnote of %s", id).contains("（" + id + "）");
            }
        }
    }

    @Test
    void aFigureThePlatformCannotGiveIsMarkedNeverZero() throws Exception {
        byte[] docx = download("/api/v1/reports/annual?year=" + year + "&area=all", "leader");
        signIn("leader");
        Set<String> unavailable = statistics.catalogue().stream().filter(m -> !m.available())
                .map(org.oneseal.statistics.MetricInfo::id).collect(Collectors.toSet());
        List<ReportFiles.Source> marked = ReportFiles.appendix(docx).stream()
                .filter(s -> unavailable.contains(s.id())).toList();
        assertThat(marked).hasSameSizeAs(unavailable.stream()
                .filter(ReportFiles.templateMetrics(ReportKind.ANNUAL)::contains).toList());
        for (ReportFiles.Source s : marked) {
            assertThat(s.records()).as(s.id()).isEqualTo("—");
            assertThat(s.note()).as(s.id()).startsWith("暂无数据");
        }
        String text = ReportFiles.allText(docx);
        assertThat(text.split("（暂无数据）", -1).length - 1).isGreaterThanOrEqualTo(marked.size());
        if (unavailable.contains("finance.loanAmount")) {
            assertThat(text).contains("帮助企业获得贷款（暂无数据）");
        }
    }

    @Test
    void thePdfHasTheChineseHeadingsAndTheAppendix() throws Exception {
        byte[] pdf = download("/api/v1/reports/annual?year=" + year + "&area=all&format=pdf", "leader");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("[\\s\\u3000]+", "");
            assertThat(text).contains("全市行政审批工作" + year + "年度报告", "一、抓理论学习，坚定政治方向",
                    "（六）“办不成事”反映窗口", "附录数据来源", "evaluation.total", "—1—");
            assertThat(doc.getNumberOfPages()).isGreaterThan(3);
        }
    }

    @Test
    void aCountyLeadersReportIsTheirCounty() throws Exception {
        String leader = countyLeader();
        byte[] docx = download("/api/v1/reports/annual?year=" + year, leader);
        String text = ReportFiles.allText(docx);
        assertThat(text).contains("南溪县行政审批工作" + year + "年度报告").doesNotContain("全市行政审批工作");
        List<ReportFiles.Source> sources = ReportFiles.appendix(docx);
        assertThat(sources).extracting(ReportFiles.Source::scope).containsOnly("南溪县");
        assertThat(sources.stream().filter(s -> s.id().startsWith("party.")))
                .allSatisfy(s -> assertThat(s.note()).startsWith("不适用"));

        mvc.perform(get("/api/v1/reports/annual?year=" + year + "&area=all").with(user(users.loadUserByUsername(leader))))
                .andExpect(status().isForbidden());
    }

    @Test
    void onlyHoldersOfReportGenerateMayGenerate() throws Exception {
        for (String who : List.of("chief01", "admin", "window01")) {
            mvc.perform(get("/api/v1/reports/annual?year=" + year).with(user(users.loadUserByUsername(who))))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/reports/bulletin?month=" + year + "-10").with(user(users.loadUserByUsername(who))))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void theMonthlyBulletinBreaksTheFiguresDownByWindowAndDepartment() throws Exception {
        YearMonth month = YearMonth.of(year, 10);
        byte[] docx = download("/api/v1/reports/bulletin?month=" + month + "&area=all", "leader");
        for (String part : ReportFiles.partTexts(docx)) {
            assertThat(part).doesNotContain("${");
        }
        String text = ReportFiles.allText(docx);
        assertThat(text).contains(year + "年10月", "综合受理1号窗口", "南溪县综合受理窗口", "市场准入审批科");

        signIn("leader");
        List<ReportFiles.Source> sources = ReportFiles.appendix(docx);
        assertThat(sources).anySatisfy(s -> assertThat(s.scope()).isEqualTo("全市 · 综合受理1号窗口"));
        long department = jdbc.sql("select id from oneseal.org_unit where code = 'SF-SCZR'").query(Long.class).single();
        StatisticsRequest request = new StatisticsRequest(month.atDay(1), month.atEndOfMonth(), Area.ALL, department);
        List<ReportFiles.Source> byDepartment = sources.stream()
                .filter(s -> s.scope().equals("全市 · 市场准入审批科") && s.recordCount() >= 0).toList();
        assertThat(byDepartment).isNotEmpty();
        for (ReportFiles.Source s : byDepartment) {
            assertThat(s.recordCount()).as(s.id()).isEqualTo(statistics.records(s.id(), request, 0, 1).total());
        }

        byte[] pdf = download("/api/v1/reports/bulletin?month=" + month + "&area=all&format=pdf", "leader");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("[\\s\\u3000]+", "")).contains("二、各窗口评价情况",
                    "综合受理1号窗口");
        }
    }

    @Test
    void theBulletinsRowsAreWhatEachDepartmentAndWindowComputesAloneAndSameNamedWindowsSayTheirRegion()
            throws Exception {
        MetricTestData data = new MetricTestData(jdbc);
        long east = data.county("T33RPE", "报告测试东县");
        long west = data.county("T33RPW", "报告测试西县");
        long eastWindow = data.unit(east, data.unit(east, null, "SERVICE_HALL", "T33RP-HE", "东县大厅"), "WINDOW",
                "T33RP-WE", "同名综合窗口");
        long westWindow = data.unit(west, data.unit(west, null, "SERVICE_HALL", "T33RP-HW", "西县大厅"), "WINDOW",
                "T33RP-WW", "同名综合窗口");
        YearMonth month = YearMonth.of(year, 10);
        byte[] docx = download("/api/v1/reports/bulletin?month=" + month + "&area=all", "leader");
        List<String> scopes = ReportFiles.appendix(docx).stream().filter(s -> s.id().equals("evaluation.total"))
                .map(ReportFiles.Source::scope).toList();
        assertThat(scopes).contains("全市 · 同名综合窗口（报告测试东县）", "全市 · 同名综合窗口（报告测试西县）")
                .doesNotHaveDuplicates();

        signIn("leader");
        StatisticsRequest request = new StatisticsRequest(month.atDay(1), month.atEndOfMonth(), Area.ALL, null);
        List<String> ids = List.of("evaluation.total", "evaluation.goodRate", "evaluation.bad",
                "evaluation.timelyRectificationRate", "complaint.cityWide.received", "complaint.cityWide.resolved");
        List<BreakdownRow> departments = statistics.breakdown(ids, request, MetricDimension.DEPARTMENT);
        assertThat(departments).hasSizeGreaterThan(1);
        for (BreakdownRow row : departments) {
            assertThat(row.figures()).as(row.label()).isEqualTo(statistics.figures(ids,
                    new StatisticsRequest(month.atDay(1), month.atEndOfMonth(), Area.ALL, row.unit())));
        }
        List<String> rated = ids.subList(0, 4);
        List<BreakdownRow> windows = statistics.breakdown(rated, request, MetricDimension.WINDOW);
        assertThat(windows).extracting(BreakdownRow::unit).contains(eastWindow, westWindow);
        for (BreakdownRow row : windows) {
            assertThat(row.figures()).as(row.label()).isEqualTo(statistics.figures(rated,
                    new StatisticsRequest(month.atDay(1), month.atEndOfMonth(), Area.ALL, null, row.unit())));
        }
    }

    @Test
    void badRequestsAreNamedAndGenerateNothing() throws Exception {
        var leader = user(users.loadUserByUsername("leader"));
        mvc.perform(get("/api/v1/reports/annual?year=1999").with(leader)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/reports/annual?year=" + (year + 2)).with(leader)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/reports/annual?year=abc").with(leader)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/reports/annual?year=" + year + "&format=rtf").with(leader))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/reports/annual?year=" + year + "&template=99999").with(leader))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/reports/annual?year=" + year + "&area=nowhere").with(leader))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/reports/bulletin?month=2025-13").with(leader)).andExpect(status().isBadRequest());
    }

    private byte[] download(String path, String username) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    private void signIn(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** A leader of 南溪县 (not city-wide). */
    private String countyLeader() {
        jdbc.sql("""
                insert into oneseal.account (username, password_hash, kind, display_name, region_id, created_at)
                select 'nanxi_leader', :h, 'STAFF', '南溪县局长', id, now() from oneseal.region where code = '990121'
                on conflict do nothing""").param("h", passwords.encode("Strong@Pass1")).update();
        jdbc.sql("""
                insert into oneseal.account_role (account_id, role)
                select id, 'LEADER' from oneseal.account where username = 'nanxi_leader' on conflict do nothing""")
                .update();
        return "nanxi_leader";
    }
}

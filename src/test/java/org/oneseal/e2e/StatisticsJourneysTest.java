package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.SelectOption;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The leader's statistics in the browser: the dashboard for the whole city, the area changed to a county, a figure
 * opened down to its records (as many as the figure says) and exported to Excel, then the county's annual report
 * downloaded as Word with every figure filled.
 */
@ServerTest
class StatisticsJourneysTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLeaderOpensTheDashboardChangesTheAreaDrillsDownAndDownloadsTheReport() throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        long nanxi = jdbc.sql("select id from oneseal.region where code = '990121'").query(Long.class).single();
        casesIn(nanxi, today.withDayOfYear(1).plusDays(2), 3);

        signInAsStaff("leader");
        page.locator("nav a[href='/workbench/statistics']").click();
        assertThat(page.locator("h1")).hasText("统计驾驶舱");
        assertThat(page.locator("#scope-area")).hasText("全市");
        assertThat(page.locator("body")).hasAttribute("data-charts-drawn", java.util.regex.Pattern.compile("[1-9]"));
        long cityWide = cardValue("cases.submitted");

        page.locator("#area").selectOption(new SelectOption().setLabel("南溪县"));
        page.locator("#apply").click();
        assertThat(page.locator("#scope-area")).hasText("南溪县");
        long county = cardValue("cases.submitted");
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setFullPage(true)
                .setPath(java.nio.file.Paths.get("target/screenshots/StatisticsJourneysTest-dashboard.png")));
        assertThat(county).isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(cityWide);

        String name = page.locator("li[data-metric='cases.submitted'] .kpi-name").textContent();
        page.locator("li[data-metric='cases.submitted'] a").click();
        assertThat(page.locator("h1")).hasText(name);
        assertThat(page.locator("#record-count")).containsText("共 " + county + " ");
        assertThat(page.locator("#records tbody tr")).hasCount((int) Math.min(county, 50));
        assertThat(page.locator("#records tbody")).containsText("南溪县");

        Download excel = page.waitForDownload(() -> page.locator("#export").click());
        try (InputStream in = Files.newInputStream(excel.path()); XSSFWorkbook book = new XSSFWorkbook(in)) {
            var sheet = book.getSheetAt(0);
            // three lines about the figure, an empty line, the header, then one row per record
            assertThat(sheet.getLastRowNum() - 4).isEqualTo((int) county);
        }

        page.locator("nav a[href='/workbench/reports']").click();
        page.locator("#annual-area").selectOption(new SelectOption().setLabel("南溪县"));
        Download word = page.waitForDownload(() -> page.locator("#annual-docx").click());
        try (InputStream in = Files.newInputStream(word.path()); XWPFDocument doc = new XWPFDocument(in);
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("南溪县").doesNotContain("${").contains("数据来源");
        }
    }

    /** The number on a dashboard card (digits only: "1,234" → 1234). */
    private long cardValue(String metric) {
        Locator value = page.locator("li[data-metric='" + metric + "'] .kpi-value");
        assertThat(value).isVisible();
        return Long.parseLong(value.textContent().replaceAll("[^0-9]", ""));
    }

    /**
     * Cases received in a region on a day and refused there (not left open in other tests' worklists), written as
     * intake would leave them; the roll-up follows by trigger.
     */
    private void casesIn(long region, LocalDate day, int count) {
        var matter = jdbc.sql("""
                select v.matter_id, v.id, v.department_id from oneseal.matter_version v
                where v.state = 'PUBLISHED' order by v.id limit 1""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        for (int i = 0; i < count; i++) {
            jdbc.sql("""
                    insert into oneseal.case_file (case_number, matter_id, matter_version_id, matter_name, region_id,
                        department_id, applicant_kind, applicant_name, applicant_identifier, channel, status,
                        submitted_at, promised_days, legal_days, concluded_on)
                    values (:number, :matter, :version, '统计旅程测试事项', :region, :department, 'PERSON', '李四',
                        '11010519491231002X', 'WINDOW', 'REFUSED', :at, 5, 20, :day)""")
                    .param("number", "E2E-STAT-" + System.nanoTime() + "-" + i).param("matter", matter[0])
                    .param("version", matter[1]).param("region", region).param("department", matter[2])
                    .param("day", day)
                    .param("at", java.sql.Timestamp.from(day.atTime(10, i).atZone(ZoneId.of("Asia/Shanghai")).toInstant()))
                    .update();
        }
    }
}

package org.oneseal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.shared.metrics.MetricKind;
import org.oneseal.shared.metrics.MetricUnit;
import org.oneseal.statistics.BreakdownRow;
import org.oneseal.statistics.Figure;
import org.oneseal.statistics.FigureStatus;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Filling a Word template: placeholders split over runs (as Word stores them after any edit), in tables, headers and
 * rows repeated per window; the footnotes and the appendix; and what the check refuses.
 */
class DocxFillTests {

    private final ReportMessages messages = new ReportMessages(bundle());
    private final FigureText figureText = new FigureText(messages);
    private final TraceText traceText = new TraceText(messages);

    @BeforeEach
    void chinese() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void placeholdersSplitOverRunsInTablesHeadersAndRepeatedRowsAreAllFilledWithTheirTraces() throws Exception {
        XWPFDocument doc = template();
        TemplateScan scan = TemplateScan.of(doc);
        assertThat(scan.metricsInText()).containsExactly("evaluation.total", "evaluation.goodRate");
        assertThat(scan.metricsInRows("window")).containsExactly("evaluation.total");
        assertThat(new TemplateChecker(messages).problems(scan, ReportKind.MONTHLY, id -> true, id -> Optional.empty(),
                false)).isEmpty();

        DocxFill fill = new DocxFill(doc, figureText, Map.of("year", "2025", "area", "全市"), "全市");
        fill.rows("window", List.of(new BreakdownRow(1, "一号窗口", List.of(figure("evaluation.total", 12))),
                new BreakdownRow(2, "二号窗口", List.of(figure("evaluation.total", 3456)))), "（无）");
        fill.text(Map.of("evaluation.total", figure("evaluation.total", 1234567),
                "evaluation.goodRate", new Figure("evaluation.goodRate", "好评率", "好评占比", "条评价", MetricUnit.PERCENT,
                        MetricKind.FLOW, FigureStatus.NO_VALUE, null, 0L, 0L, 0, "没有评价", LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 12, 31), "全市", null, null)), traceText);
        new ReportAppendix(traceText, messages).write(doc, fill.traces().all());
        byte[] docx = write(doc);

        String all = ReportFiles.allText(docx);
        assertThat(all).doesNotContain("${").contains("共1,234,567条，好评率（暂无数据）。", "页眉2025年",
                "一号窗口", "12", "二号窗口", "3,456", "表内1,234,567");
        try (XWPFDocument back = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(back.getFootnotes().stream().filter(n -> n.getId().signum() > 0)).hasSize(5);
            assertThat(back.getFootnotes().stream().map(ReportFiles::noteText))
                    .anySatisfy(t -> assertThat(t).contains("[1] 评价总量（evaluation.total）：2025年1月1日至2025年12月31日，全市，"
                            + "1,234,567条评价。评价的条数"));
        }
        List<ReportFiles.Source> sources = ReportFiles.appendix(docx);
        assertThat(sources).extracting(ReportFiles.Source::scope).containsExactly("全市", "全市", "全市 · 一号窗口",
                "全市 · 二号窗口");
        assertThat(sources.get(1).note()).contains("没有评价");
        assertThat(fill.footnoteNumbers().values()).containsExactlyInAnyOrder(1, 1, 2, 3, 4);
    }

    @Test
    void theCheckNamesEveryProblemOnce() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        doc.createParagraph().createRun().setText("${a.b} ${a.b} ${evaluation.total:yi} ${evaluation.total:bogus} "
                + "${report.month} ${report.color} ${each.window} ${oops");
        List<TemplateProblem> problems = new TemplateChecker(messages).problems(TemplateScan.of(doc), ReportKind.ANNUAL,
                id -> id.equals("evaluation.total"), id -> Optional.of(MetricUnit.COUNT), false);
        assertThat(problems).extracting(TemplateProblem::placeholder).containsExactly("a.b", "evaluation.total:yi",
                "evaluation.total:bogus", "report.month", "report.color", "each.window", "${oops");
        assertThat(problems.get(2).reason()).contains("bogus", "count, pct, wan, yi");
    }

    @Test
    void theDefaultTemplatesUseEveryDocumentedFigureAndPassTheirOwnCheck() throws Exception {
        for (ReportKind kind : ReportKind.values()) {
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                    TemplateMarkup.docx(DefaultTemplates.markup(kind))))) {
                assertThat(new TemplateChecker(messages).problems(TemplateScan.of(doc), kind,
                        ReportTestMetrics.DOCUMENTED::contains, id -> Optional.of(ReportTestMetrics.Source.unit(id)),
                        false)).as(kind.name()).isEmpty();
            }
        }
        assertThat(ReportFiles.templateMetrics(ReportKind.ANNUAL))
                .containsExactlyInAnyOrderElementsOf(ReportTestMetrics.DOCUMENTED);
    }

    private static XWPFDocument template() {
        XWPFDocument doc = new XWPFDocument();
        XWPFParagraph p = doc.createParagraph();
        for (String piece : List.of("共${evalu", "ation.tot", "al}条，好评率$", "{evaluation.goodRate:pct}。")) {
            p.createRun().setText(piece);
        }
        doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("页眉${report.year}年");
        XWPFTable table = doc.createTable(3, 2);
        table.getRow(0).getCell(0).setText("窗口");
        table.getRow(1).getCell(0).setText("${each.window}");
        table.getRow(1).getCell(1).getParagraphs().getFirst().createRun().setText("${evaluation");
        table.getRow(1).getCell(1).getParagraphs().getFirst().createRun().setText(".total}");
        table.getRow(2).getCell(0).setText("表内${evaluation.total}");
        return doc;
    }

    private static Figure figure(String id, long n) {
        return new Figure(id, "评价总量", "评价的条数", "条评价", MetricUnit.COUNT, MetricKind.FLOW, FigureStatus.OK,
                BigDecimal.valueOf(n), null, null, n, null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                "全市", null, null);
    }

    private static byte[] write(XWPFDocument doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }

    private static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("messages/report");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }
}

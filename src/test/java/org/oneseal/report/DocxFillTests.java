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
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTCustomXmlRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtContentRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtRun;
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

    @Test
    void placeholdersInContentControlsCustomXmlAndEndnotesAreFoundAndFilled() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        XWPFParagraph p = doc.createParagraph();
        p.createRun().setText("好评率");
        CTSdtRun sdt = p.getCTP().addNewSdt();
        sdt.addNewSdtPr().addNewText(); // a plain-text content control
        CTSdtContentRun control = sdt.addNewSdtContent();
        control.addNewR().addNewT().setStringValue("${evaluation.go");
        control.addNewR().addNewT().setStringValue("odRate}");
        CTCustomXmlRun custom = p.getCTP().addNewCustomXml();
        custom.setElement("total");
        custom.addNewR().addNewT().setStringValue("，共${evaluation.total}条");
        XWPFParagraph endnote = doc.createEndnote().createParagraph();
        endnote.createRun().setText("尾注：${report.year}年${evaluation.bad}条");

        TemplateScan scan = TemplateScan.of(doc);
        assertThat(scan.placeholders()).containsExactly("evaluation.goodRate", "evaluation.total", "report.year",
                "evaluation.bad");
        DocxFill fill = new DocxFill(doc, figureText, Map.of("year", "2025"), "全市");
        fill.text(Map.of("evaluation.total", figure("evaluation.total", 1234567), "evaluation.goodRate",
                figure("evaluation.goodRate", 98), "evaluation.bad", figure("evaluation.bad", 7)), traceText);
        byte[] docx = write(doc);

        String all = ReportFiles.allText(docx);
        assertThat(all).doesNotContain("${").contains("好评率98，共1,234,567条", "尾注：2025年7条");
        assertThat(TemplateLeftovers.in(docx)).isEmpty();
        String body = part(docx, "word/document.xml");
        assertThat(body.substring(body.indexOf("<w:sdtContent>"), body.indexOf("</w:sdtContent>")))
                .contains(">98<", "w:footnoteReference");
        assertThat(body.substring(body.indexOf("<w:customXml"), body.indexOf("</w:customXml>")))
                .contains(">1,234,567<", "w:footnoteReference");
        try (XWPFDocument back = ReportFiles.open(docx)) {
            // an endnote may reference no footnote: its figure is traced in the appendix only
            assertThat(part(docx, "word/endnotes.xml")).doesNotContain("footnoteReference");
            assertThat(fill.traces().all()).extracting(t -> t.figure().id()).containsExactlyInAnyOrder(
                    "evaluation.goodRate", "evaluation.total", "evaluation.bad");
            // the PDF shows what the content control and the custom XML hold
            assertThat(PdfBlocks.spans(back.getParagraphs().getFirst(), fill.footnoteNumbers()))
                    .extracting(PdfBlocks.Span::text).containsSubsequence("好评率", "98", "1", "，共", "1,234,567", "2",
                            "条");
        }
    }

    @Test
    void aTableRepeatedPerWindowInsideAFootnoteIsRepeated() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        doc.createParagraph().createRun().setText("正文");
        XWPFTable table = doc.createFootnote().createTable(2, 2);
        table.getRow(0).getCell(0).setText("窗口");
        table.getRow(1).getCell(0).setText("${each.window}");
        table.getRow(1).getCell(1).setText("${evaluation.total}");
        TemplateScan scan = TemplateScan.of(doc);
        assertThat(scan.metricsInRows("window")).containsExactly("evaluation.total");

        DocxFill fill = new DocxFill(doc, figureText, Map.of(), "全市");
        fill.rows("window", List.of(new BreakdownRow(1, "一号窗口", List.of(figure("evaluation.total", 12))),
                new BreakdownRow(2, "二号窗口", List.of(figure("evaluation.total", 3456)))), "（无）");
        fill.text(Map.of(), traceText);
        byte[] docx = write(doc);

        assertThat(TemplateLeftovers.in(docx)).isEmpty();
        assertThat(part(docx, "word/footnotes.xml")).doesNotContain("${").contains("一号窗口", ">12<", "二号窗口",
                ">3,456<");
        assertThat(fill.traces().all()).extracting(Traces.Trace::scope).containsExactly("全市 · 一号窗口",
                "全市 · 二号窗口");
    }

    @Test
    void sameNamedWindowsKeepATraceEachWithTheirOwnRecords() throws Exception {
        XWPFDocument doc = template();
        DocxFill fill = new DocxFill(doc, figureText, Map.of("year", "2025"), "全市");
        fill.rows("window", List.of(new BreakdownRow(11, "综合受理窗口", List.of(figure("evaluation.total", 12))),
                new BreakdownRow(12, "综合受理窗口", List.of(figure("evaluation.total", 3456)))), "（无）");
        fill.text(Map.of("evaluation.total", figure("evaluation.total", 99), "evaluation.goodRate",
                figure("evaluation.goodRate", 98)), traceText);
        new ReportAppendix(traceText, messages).write(doc, fill.traces().all());
        byte[] docx = write(doc);

        List<ReportFiles.Source> rows = ReportFiles.appendix(docx).stream()
                .filter(s -> s.scope().equals("全市 · 综合受理窗口")).toList();
        assertThat(rows).extracting(ReportFiles.Source::recordCount).containsExactly(12L, 3456L);
        try (XWPFDocument back = ReportFiles.open(docx)) {
            String notes = back.getFootnotes().stream().map(ReportFiles::noteText)
                    .collect(java.util.stream.Collectors.joining("\n"));
            assertThat(notes).contains("全市 · 综合受理窗口，12条评价", "全市 · 综合受理窗口，3,456条评价");
        }
    }

    @Test
    void aPlaceholderNoFillingReachesIsNamedWithItsPart() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        XWPFParagraph p = doc.createParagraph();
        p.createRun().setText("共${evaluation.total}条");
        p.getCTP().addNewR().addNewInstrText().setStringValue(" MERGEFIELD ${evaluation.goodRate} ");
        CTRunTrackChange deleted = p.getCTP().addNewDel();
        deleted.setId(java.math.BigInteger.ONE);
        deleted.setAuthor("审稿人");
        deleted.addNewR().addNewDelText().setStringValue("${evaluation.bad}");
        doc.getProperties().getCoreProperties().setTitle("${report.area}年报");
        TemplateScan scan = TemplateScan.of(doc);
        assertThat(scan.placeholders()).containsExactly("evaluation.total");

        List<TemplateProblem> problems = new TemplateTrial(figureText, traceText, messages).unreachable(doc, scan,
                List.of());
        assertThat(problems).extracting(TemplateProblem::placeholder).containsExactlyInAnyOrder(
                "evaluation.goodRate", "evaluation.bad", "report.area");
        assertThat(problems).filteredOn(x -> x.placeholder().equals("evaluation.bad")).singleElement()
                .satisfies(x -> assertThat(x.reason()).contains("word/document.xml", "域代码", "删除的文字"));
        assertThat(problems).filteredOn(x -> x.placeholder().equals("report.area")).singleElement()
                .satisfies(x -> assertThat(x.reason()).contains("docProps/core.xml"));
    }

    @Test
    void theTrialBlanksWhatTheCheckRefusedAlreadyAndLeavesACleanTemplateWithoutProblems() throws Exception {
        XWPFDocument doc = template();
        doc.createParagraph().createRun().setText("${no.such} ${oops");
        TemplateScan scan = TemplateScan.of(doc);
        List<TemplateProblem> refused = new TemplateChecker(messages).problems(scan, ReportKind.MONTHLY,
                id -> id.startsWith("evaluation."), id -> Optional.empty(), false);
        assertThat(refused).extracting(TemplateProblem::placeholder).containsExactly("no.such", "${oops");
        assertThat(new TemplateTrial(figureText, traceText, messages).unreachable(doc, scan, refused)).isEmpty();
    }

    private static String part(byte[] docx, String name) throws Exception {
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(docx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no part " + name);
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

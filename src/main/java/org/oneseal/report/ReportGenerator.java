package org.oneseal.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.metrics.MetricDimension;
import org.oneseal.shared.metrics.MetricKind;
import org.oneseal.shared.metrics.MetricUnit;
import org.oneseal.statistics.Area;
import org.oneseal.statistics.BreakdownRow;
import org.oneseal.statistics.Figure;
import org.oneseal.statistics.FigureStatus;
import org.oneseal.statistics.Selection;
import org.oneseal.statistics.Statistics;
import org.oneseal.statistics.StatisticsRequest;
import org.springframework.stereotype.Component;

/**
 * Generates a report from a template: checks every placeholder first (all problems named at once, nothing
 * generated), computes all figures of the text with one {@link Statistics#figures} call (and one breakdown per
 * kind of repeated row), fills the Word document, adds the appendix 数据来源, and renders the PDF from it when asked.
 * The viewer's data scope applies throughout: Statistics narrows the area to what the signed-in user may see.
 */
@Component
class ReportGenerator {

    /** A template to generate from; {@code builtIn} for the platform's own (see {@link TemplateChecker}). */
    record Template(byte[] docx, boolean builtIn) {
    }

    /** The period of a report and its fields. */
    record Period(ReportKind kind, int year, Integer month, LocalDate from, LocalDate to) {
    }

    /** A generated report and what it was made of (for the audit log). */
    record Generated(ReportFile file, Selection selection, int figures) {
    }

    private final Statistics statistics;
    private final TemplateChecker checker;
    private final MetricUnits units;
    private final FigureText figureText;
    private final TraceText traceText;
    private final ReportAppendix appendix;
    private final ReportPdf pdf;
    private final ReportMessages messages;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportGenerator.class);

    ReportGenerator(Statistics statistics, TemplateChecker checker, MetricUnits units, FigureText figureText,
            TraceText traceText, ReportAppendix appendix, ReportPdf pdf, ReportMessages messages) {
        this.statistics = statistics;
        this.checker = checker;
        this.units = units;
        this.figureText = figureText;
        this.traceText = traceText;
        this.appendix = appendix;
        this.pdf = pdf;
        this.messages = messages;
    }

    Generated generate(Template template, Period period, Area area, ReportFormat format, LocalDate today) {
        try (XWPFDocument doc = guarded(template, () -> new XWPFDocument(new ByteArrayInputStream(template.docx())))) {
            TemplateScan scan = guarded(template, () -> TemplateScan.of(doc));
            refuseIfAny(checker.problems(scan, period.kind(), statistics::exists, units::unit, template.builtIn()));
            StatisticsRequest request = new StatisticsRequest(period.from(), period.to(), area, null);
            Selection selection = statistics.selection(request);
            Map<String, Figure> figures = figures(scan.metricsInText(), request, selection);
            Map<String, List<BreakdownRow>> rows = new LinkedHashMap<>();
            for (String each : TemplateChecker.EACH) {
                if (hasRows(scan, each)) {
                    rows.put(each, rows(scan.metricsInRows(each), request, selection, each));
                }
            }
            String name = fileName(period, selection);
            return guarded(template, () -> write(doc, figures, rows, fields(period, selection, today), selection,
                    format, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Generated write(XWPFDocument doc, Map<String, Figure> figures, Map<String, List<BreakdownRow>> rows,
            Map<String, String> fields, Selection selection, ReportFormat format, String name) throws IOException {
        DocxFill fill = new DocxFill(doc, figureText, fields, selection.areaLabel());
        rows.forEach((each, list) -> fill.rows(each, list, messages.text("report.rows.none")));
        fill.text(figures, traceText);
        appendix.write(doc, fill.traces().all());
        byte[] docx = bytes(doc);
        refuseLeftovers(docx);
        ReportFile file = format == ReportFormat.DOCX
                ? new ReportFile(name + ".docx", format.contentType(), docx)
                : new ReportFile(name + ".pdf", format.contentType(), pdf.render(docx, fill.footnoteNumbers(), name));
        return new Generated(file, selection, fill.traces().all().size());
    }

    /** A step on the document that POI or XMLBeans may fail on. */
    private interface DocumentStep<T> {
        T run() throws IOException;
    }

    /**
     * Runs a step on the document; an uploaded template whose structure POI cannot handle is refused with a readable
     * message (logged) rather than failing the request. The platform's own templates are not expected to fail.
     */
    private <T> T guarded(Template template, DocumentStep<T> step) throws IOException {
        try {
            return step.run();
        } catch (BusinessRuleViolation e) {
            throw e;
        } catch (RuntimeException e) {
            if (template.builtIn()) {
                throw e;
            }
            log.warn("an uploaded report template could not be filled", e);
            throw new BusinessRuleViolation("report.template.broken", messages.text("report.template.broken"));
        }
    }

    /**
     * The last guard: a {@code ${} left anywhere in the filled document (where no report can fill it, e.g. a field
     * code or a comment of a template stored before uploads were checked for it) fails the generation — nothing is
     * sent rather than a placeholder printed as it is written.
     */
    private void refuseLeftovers(byte[] docx) {
        List<TemplateLeftovers.Leftover> left = TemplateLeftovers.in(docx);
        if (!left.isEmpty()) {
            log.warn("a report was not generated: placeholders left unfilled {}", left);
            refuseIfAny(left.stream().map(l -> TemplateTrial.problem(messages, l)).toList());
        }
    }

    private void refuseIfAny(List<TemplateProblem> problems) {
        if (!problems.isEmpty()) {
            throw refusal(messages, problems);
        }
    }

    static TemplateRefused refusal(ReportMessages messages, List<TemplateProblem> problems) {
        List<String> named = problems.stream().map(p -> written(p.placeholder()) + "（" + p.reason() + "）").toList();
        return new TemplateRefused(messages.text("report.template.refused", problems.size(),
                String.join("；", named)), problems);
    }

    /** A placeholder as the template writes it: {@code ${evaluation.total}}, or an unclosed {@code ${oops} as it is. */
    private static String written(String placeholder) {
        return placeholder.startsWith("${") ? placeholder : "${" + placeholder + "}";
    }

    /** The figures of the text: one call for every id the catalogue knows; the others (built-in only) unavailable. */
    private Map<String, Figure> figures(Set<String> ids, StatisticsRequest request, Selection selection) {
        List<String> known = ids.stream().filter(statistics::exists).toList();
        Map<String, Figure> figures = new HashMap<>();
        if (!known.isEmpty()) {
            statistics.figures(known, request).forEach(f -> figures.put(f.id(), f));
        }
        ids.stream().filter(id -> !figures.containsKey(id)).forEach(id -> figures.put(id, missing(id, selection)));
        return figures;
    }

    private List<BreakdownRow> rows(Set<String> ids, StatisticsRequest request, Selection selection, String each) {
        List<String> known = ids.stream().filter(statistics::exists).toList();
        MetricDimension by = each.equals("window") ? MetricDimension.WINDOW : MetricDimension.DEPARTMENT;
        List<BreakdownRow> rows = new ArrayList<>();
        for (BreakdownRow row : statistics.breakdown(known, request, by)) {
            List<Figure> all = new ArrayList<>(row.figures());
            ids.stream().filter(id -> row.figure(id) == null).forEach(id -> all.add(missing(id, selection)));
            rows.add(new BreakdownRow(row.unit(), row.label(), all));
        }
        return rows;
    }

    private static boolean hasRows(TemplateScan scan, String each) {
        return scan.occurrences().stream().anyMatch(o -> each.equals(o.each()));
    }

    /** A metric the catalogue does not hold (yet): written as not available, with that reason, never as 0. */
    private Figure missing(String id, Selection s) {
        return new Figure(id, messages.textOr("metric." + id + ".name", id),
                messages.textOr("metric." + id + ".definition", ""), "", MetricUnit.COUNT, MetricKind.FLOW,
                FigureStatus.NOT_AVAILABLE, null, null, null, 0, messages.text("report.trace.notInCatalogue"),
                s.from(), s.to(), s.areaLabel(), null, null);
    }

    private Map<String, String> fields(Period period, Selection selection, LocalDate today) {
        Map<String, String> fields = new HashMap<>();
        fields.put("year", String.valueOf(period.year()));
        fields.put("month", period.month() == null ? "" : String.valueOf(period.month()));
        fields.put("period", messages.text("report.trace.period", traceText.date(period.from()),
                traceText.date(period.to())));
        fields.put("area", selection.areaLabel());
        fields.put("generatedOn", traceText.date(today));
        return fields;
    }

    private String fileName(Period period, Selection selection) {
        return period.kind() == ReportKind.ANNUAL
                ? messages.text("report.file.annual", selection.areaLabel(), String.valueOf(period.year()))
                : messages.text("report.file.monthly", selection.areaLabel(), String.valueOf(period.year()),
                        period.month());
    }

    private static byte[] bytes(XWPFDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }
}

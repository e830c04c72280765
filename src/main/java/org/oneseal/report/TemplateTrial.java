package org.oneseal.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.oneseal.shared.metrics.MetricKind;
import org.oneseal.shared.metrics.MetricUnit;
import org.oneseal.statistics.BreakdownRow;
import org.oneseal.statistics.Figure;
import org.oneseal.statistics.FigureStatus;
import org.springframework.stereotype.Component;

/**
 * A trial filling of an uploaded template, as a report would fill it but with stand-in figures (no statistics are
 * read): every placeholder the check found is filled (those it refused are blanked first, they are named already),
 * every repeated row is repeated once, and then any {@code ${} still in the document ({@link TemplateLeftovers})
 * stands where no report can fill it. Each is a problem of the template, so the upload is refused naming it.
 */
@Component
class TemplateTrial {

    private static final LocalDate DAY = LocalDate.of(2000, 1, 1);

    private final FigureText figureText;
    private final TraceText traceText;
    private final ReportMessages messages;

    TemplateTrial(FigureText figureText, TraceText traceText, ReportMessages messages) {
        this.figureText = figureText;
        this.traceText = traceText;
        this.messages = messages;
    }

    /** The placeholders of a scanned template that no filling reaches (the document is filled in the process). */
    List<TemplateProblem> unreachable(XWPFDocument doc, TemplateScan scan, List<TemplateProblem> problems) {
        Set<String> refused = problems.stream().map(TemplateProblem::placeholder).collect(Collectors.toSet());
        for (DocxParagraphs.Located located : DocxParagraphs.all(doc)) {
            RunEdits.replace(located.paragraph(), ph -> refused.contains(ph.text())
                    ? new RunEdits.Replacement("", null) : null);
        }
        Map<String, Figure> figures = new HashMap<>();
        scan.occurrences().stream().map(TemplateScan.Occurrence::placeholder)
                .filter(p -> p.kind() == Placeholder.Kind.METRIC)
                .forEach(p -> figures.computeIfAbsent(p.name(), TemplateTrial::standIn));
        Map<String, String> fields = new HashMap<>();
        TemplateChecker.REPORT_FIELDS.forEach(f -> fields.put(f, "—"));
        DocxFill fill = new DocxFill(doc, figureText, fields, "—");
        for (String each : TemplateChecker.EACH) {
            fill.rows(each, List.of(new BreakdownRow(0, "—", new ArrayList<>(figures.values()))), "—");
        }
        fill.text(figures, traceText);
        return TemplateLeftovers.in(bytes(doc)).stream().map(l -> problem(messages, l)).toList();
    }

    /** A placeholder left in a filled document, as a problem of its template. */
    static TemplateProblem problem(ReportMessages messages, TemplateLeftovers.Leftover left) {
        return new TemplateProblem(left.text(), messages.text("report.problem.unreachable", left.part()));
    }

    private static Figure standIn(String id) {
        return new Figure(id, id, "", "", MetricUnit.COUNT, MetricKind.FLOW, FigureStatus.NOT_AVAILABLE, null, null,
                null, 0, "", DAY, DAY, "—", null, null);
    }

    private static byte[] bytes(XWPFDocument doc) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.oneseal.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.oneseal.shared.metrics.MetricUnit;
import org.springframework.stereotype.Component;

/**
 * Checks every placeholder of a template before anything is generated and names all that cannot be filled at once:
 * not a metric of the catalogue, a format that does not exist or does not suit the metric's unit, a report field
 * that does not exist, a repeated row outside a table.
 */
@Component
class TemplateChecker {

    static final Set<String> REPORT_FIELDS = Set.of("year", "month", "period", "area", "generatedOn");
    static final Set<String> EACH = Set.of("window", "department");

    private final ReportMessages messages;

    TemplateChecker(ReportMessages messages) {
        this.messages = messages;
    }

    /**
     * The problems of a scanned template, one per placeholder as written, in order of appearance.
     *
     * @param exists         whether an id names a metric of the catalogue
     * @param unit           a metric's unit where known (else empty: its format is checked by name only)
     * @param missingAllowed true for the platform's own templates: a metric whose module has not registered it yet is
     *                       reported "not available" in the report instead of refusing it
     */
    List<TemplateProblem> problems(TemplateScan scan, ReportKind kind, Predicate<String> exists,
            Function<String, Optional<MetricUnit>> unit, boolean missingAllowed) {
        Map<String, TemplateProblem> problems = new LinkedHashMap<>();
        for (TemplateScan.Occurrence o : scan.occurrences()) {
            Placeholder p = o.placeholder();
            if (!problems.containsKey(p.text())) {
                String reason = reason(o, kind, exists, unit, missingAllowed);
                if (reason != null) {
                    problems.put(p.text(), new TemplateProblem(p.text(), reason));
                }
            }
        }
        return new ArrayList<>(problems.values());
    }

    private String reason(TemplateScan.Occurrence o, ReportKind kind, Predicate<String> exists,
            Function<String, Optional<MetricUnit>> unit, boolean missingAllowed) {
        Placeholder p = o.placeholder();
        return switch (p.kind()) {
            case MALFORMED -> messages.text("report.problem.malformed");
            case REPORT -> !REPORT_FIELDS.contains(p.name()) || p.format() != null
                    ? messages.text("report.problem.field", String.join("、", REPORT_FIELDS.stream().sorted().toList()))
                    : p.name().equals("month") && kind != ReportKind.MONTHLY
                            ? messages.text("report.problem.monthOnly") : null;
            case EACH -> !EACH.contains(p.name()) || p.format() != null ? messages.text("report.problem.each")
                    : !o.inRow() ? messages.text("report.problem.eachOutsideRow")
                    : TemplateScan.MIXED.equals(o.each()) ? messages.text("report.problem.eachMixed") : null;
            case METRIC -> metric(p, exists, unit, missingAllowed);
        };
    }

    private String metric(Placeholder p, Predicate<String> exists, Function<String, Optional<MetricUnit>> unit,
            boolean missingAllowed) {
        boolean known = exists.test(p.name());
        if (!known && !missingAllowed) {
            return messages.text("report.problem.metric", p.name());
        }
        if (p.format() == null) {
            return null;
        }
        Optional<FigureFormat> format = FigureFormat.byCode(p.format());
        if (format.isEmpty()) {
            return messages.text("report.problem.format", p.format(), FigureFormat.codes());
        }
        Optional<MetricUnit> u = known ? unit.apply(p.name()) : Optional.empty();
        if (u.isPresent() && !format.get().fits(u.get())) {
            return messages.text("report.problem.unit", p.format(), messages.text("report.unit." + u.get()));
        }
        return null;
    }
}

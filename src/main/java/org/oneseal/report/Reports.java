package org.oneseal.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.metrics.MetricQuery;
import org.oneseal.statistics.Area;
import org.oneseal.statistics.AreaOption;
import org.oneseal.statistics.Statistics;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports facade: the annual work report for a year and the monthly bulletin of 好差评 and 办不成事 for a month,
 * for an area (全市 {@code all}, 市本级 {@code city}, or a region id; omitted: the viewer's own), from the default
 * template or an uploaded one, as Word or PDF. Needs {@code report:generate}; the viewer's statistics scope applies
 * (a county's leader gets the county). Every generation is audited.
 */
@Service
public class Reports {

    private final ReportGenerator generator;
    private final ReportTemplates templates;
    private final Statistics statistics;
    private final ReportMessages messages;
    private final AuditLog audit;
    private final Clock clock;

    Reports(ReportGenerator generator, ReportTemplates templates, Statistics statistics, ReportMessages messages,
            AuditLog audit, Clock clock) {
        this.generator = generator;
        this.templates = templates;
        this.statistics = statistics;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The annual report of {@code year} (the current year: up to today). */
    @PreAuthorize("hasAuthority('report:generate')")
    @Transactional
    public ReportFile annual(Integer year, String area, String template, ReportFormat format) {
        LocalDate today = today();
        if (year == null || year < 2000 || year > today.getYear()) {
            throw InvalidInputException.of("year", messages.text("report.year.invalid", String.valueOf(today.getYear())));
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = min(LocalDate.of(year, 12, 31), today);
        return generate(ReportKind.ANNUAL, new ReportGenerator.Period(ReportKind.ANNUAL, year, null, from, to), area,
                template, format, today);
    }

    /** The monthly bulletin of {@code month} (the current month: up to today). */
    @PreAuthorize("hasAuthority('report:generate')")
    @Transactional
    public ReportFile bulletin(YearMonth month, String area, String template, ReportFormat format) {
        LocalDate today = today();
        if (month == null || month.getYear() < 2000 || month.isAfter(YearMonth.from(today))) {
            throw InvalidInputException.of("month", messages.text("report.month.invalid"));
        }
        LocalDate to = min(month.atEndOfMonth(), today);
        return generate(ReportKind.MONTHLY, new ReportGenerator.Period(ReportKind.MONTHLY, month.getYear(),
                month.getMonthValue(), month.atDay(1), to), area, template, format, today);
    }

    /** The areas the viewer may choose. */
    @PreAuthorize("hasAuthority('report:generate')")
    public List<AreaOption> areas() {
        return statistics.areas();
    }

    private ReportFile generate(ReportKind kind, ReportGenerator.Period period, String area, String template,
            ReportFormat format, LocalDate today) {
        Area chosen = statistics.area(area);
        ReportGenerator.Template source = templates.forGeneration(kind, template);
        ReportGenerator.Generated g = generator.generate(source, period, chosen, format, today);
        audit.record(AuditRecord.of("report.generate", "Report", kind + " " + (period.month() == null
                ? String.valueOf(period.year()) : YearMonth.of(period.year(), period.month()).toString()))
                .reason(messages.text("report.audit.generated", g.selection().areaLabel(),
                        template == null || template.isBlank() ? "default" : template.strip(), format.extension(),
                        g.figures()))
                .region(g.selection().area().region()));
        return g.file();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(MetricQuery.ZONE));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

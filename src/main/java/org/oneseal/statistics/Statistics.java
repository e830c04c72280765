package org.oneseal.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricDimension;
import org.oneseal.shared.metrics.MetricQuery;
import org.oneseal.shared.metrics.MetricUnit;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics facade: the metric catalogue, figures for a period and area as the signed-in viewer may see them,
 * monthly series for the dashboards, and the records behind any figure (a page, or all of them as Excel). Every
 * method needs {@code statistics:read}; the viewer's data scope is always applied (see {@link ViewerScopes}).
 */
@Service
public class Statistics {

    private final MetricCatalogue catalogue;
    private final ViewerScopes scopes;
    private final FigureComputer computer;
    private final RecordListing listing;
    private final StatisticsMessages messages;
    private final Breakdowns breakdowns;

    Statistics(MetricCatalogue catalogue, ViewerScopes scopes, FigureComputer computer, RecordListing listing,
            StatisticsMessages messages, Breakdowns breakdowns) {
        this.catalogue = catalogue;
        this.scopes = scopes;
        this.computer = computer;
        this.listing = listing;
        this.messages = messages;
        this.breakdowns = breakdowns;
    }

    /** Every metric with its definition, in the annual report's order. */
    @PreAuthorize("hasAuthority('statistics:read')")
    public List<MetricInfo> catalogue() {
        return catalogue.all().stream().map(this::info).toList();
    }

    /** One metric's description. */
    @PreAuthorize("hasAuthority('statistics:read')")
    public MetricInfo metric(String id) {
        return info(entry(id));
    }

    /**
     * The unit of every metric of the catalogue, available or not, by id (for template checks by those who may not
     * read statistics: an id and its unit only, no figure and no record).
     */
    public Map<String, MetricUnit> units() {
        Map<String, MetricUnit> units = new LinkedHashMap<>();
        catalogue.all().forEach(e -> units.put(e.definition().id(), e.definition().unit()));
        return Collections.unmodifiableMap(units);
    }

    /** Whether an id names a metric (for template checks). */
    public boolean exists(String id) {
        return catalogue.find(id).isPresent();
    }

    /** A request's {@code area} ({@code all}, {@code city}, a region id; blank: the viewer's own, as null). */
    public Area area(String text) {
        try {
            return Area.parse(text);
        } catch (IllegalArgumentException e) {
            String shown = text.strip().length() > 20 ? text.strip().substring(0, 20) + "…" : text.strip();
            throw InvalidInputException.of("area", messages.text("statistics.area.invalid", shown));
        }
    }

    /** The areas the viewer may choose. */
    @PreAuthorize("hasAuthority('statistics:read')")
    public List<AreaOption> areas() {
        return scopes.options();
    }

    /** The departments the viewer may choose (leaders only; others see their own department or window). */
    @PreAuthorize("hasAuthority('statistics:read')")
    public List<AreaOption> departments() {
        return scopes.departments();
    }

    /** The request as it applies to the viewer (labels, forced department or window). */
    @PreAuthorize("hasAuthority('statistics:read')")
    public Selection selection(StatisticsRequest request) {
        return scopes.resolve(request);
    }

    /** The figures named (null or empty: every metric), in the catalogue's order when none are named. */
    @PreAuthorize("hasAuthority('statistics:read')")
    @Transactional(readOnly = true)
    public List<Figure> figures(Collection<String> ids, StatisticsRequest request) {
        Selection selection = scopes.resolve(request);
        return computer.compute(entries(ids), selection);
    }

    @PreAuthorize("hasAuthority('statistics:read')")
    @Transactional(readOnly = true)
    public Figure figure(String id, StatisticsRequest request) {
        return figures(List.of(id), request).getFirst();
    }

    /**
     * The figures for each calendar month of the period (the first and last months cut to the period), for the
     * dashboards' charts.
     */
    @PreAuthorize("hasAuthority('statistics:read')")
    @Transactional(readOnly = true)
    public List<MonthFigures> monthly(Collection<String> ids, StatisticsRequest request) {
        Selection selection = scopes.resolve(request);
        List<MetricCatalogue.Entry> entries = entries(ids);
        List<java.util.concurrent.Callable<MonthFigures>> months = new ArrayList<>();
        Locale locale = LocaleContextHolder.getLocale();
        for (YearMonth m = YearMonth.from(selection.from()); !m.atDay(1).isAfter(selection.to()); m = m.plusMonths(1)) {
            LocalDate first = max(m.atDay(1), selection.from());
            LocalDate last = min(m.atEndOfMonth(), selection.to());
            MetricQuery q = selection.query().withPeriod(first, last);
            Selection month = new Selection(q, selection.area(), selection.areaLabel(), selection.includesCityLevel(),
                    selection.departmentLabel(), selection.windowLabel());
            YearMonth ym = m;
            months.add(() -> {
                LocaleContextHolder.setLocale(locale);
                try {
                    return new MonthFigures(ym, computer.compute(entries, month));
                } finally {
                    LocaleContextHolder.resetLocaleContext();
                }
            });
        }
        return MonthlyRuns.all(months);
    }

    /**
     * The named figures for each active window or each department (stationed departments and bureau sections) of the
     * area, e.g. for a bulletin's tables; rows ordered by region, then as the org units are sorted. No ids: the rows
     * without figures (the windows or departments only).
     */
    @PreAuthorize("hasAuthority('statistics:read')")
    @Transactional(readOnly = true)
    public List<BreakdownRow> breakdown(Collection<String> ids, StatisticsRequest request, MetricDimension by) {
        List<MetricCatalogue.Entry> asked = ids == null || ids.isEmpty() ? List.of() : entries(ids);
        return breakdowns.compute(asked, scopes.resolve(request), by);
    }

    /** A page of the records behind a figure (page from 0, 1–200 rows). */
    @PreAuthorize("hasAuthority('statistics:read')")
    @Transactional(readOnly = true)
    public RecordPage records(String id, StatisticsRequest request, int page, int size) {
        if (page < 0 || page > 100_000) {
            throw InvalidInputException.of("page", messages.text("statistics.records.page"));
        }
        if (size < 1 || size > 200) {
            throw InvalidInputException.of("size", messages.text("statistics.records.size"));
        }
        MetricCatalogue.Entry entry = entry(id);
        Selection selection = scopes.resolve(request);
        Figure figure = drillable(entry, selection);
        return listing.page(entry, figure, selection.query(), page, size);
    }

    /** Where an export is written: opened only once the export is allowed and built (so a refusal is a clean 4xx). */
    @FunctionalInterface
    public interface ExportTarget {
        OutputStream open() throws IOException;
    }

    /** Every record behind a figure as an Excel workbook (the export is audited). */
    @PreAuthorize("hasAuthority('statistics:read')")
    @Transactional(readOnly = true)
    public void export(String id, StatisticsRequest request, ExportTarget target) throws IOException {
        MetricCatalogue.Entry entry = entry(id);
        Selection selection = scopes.resolve(request);
        Figure figure = drillable(entry, selection);
        listing.export(entry, figure, selection, target);
    }

    private Figure drillable(MetricCatalogue.Entry entry, Selection selection) {
        Figure figure = computer.compute(List.of(entry), selection).getFirst();
        if (!figure.drillable()) {
            throw new BusinessRuleViolation("statistics.noRecords", messages.text("statistics.records.none",
                    figure.name(), figure.reason()));
        }
        return figure;
    }

    private List<MetricCatalogue.Entry> entries(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return catalogue.all();
        }
        List<MetricCatalogue.Entry> entries = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(ids)) {
            entries.add(entry(id));
        }
        return entries;
    }

    private MetricCatalogue.Entry entry(String id) {
        return catalogue.find(id).orElseThrow(() -> InvalidInputException.of("metric",
                messages.text("statistics.metric.unknown", id == null ? "" : abbreviate(id))));
    }

    private MetricInfo info(MetricCatalogue.Entry e) {
        MetricDefinition d = e.definition();
        return new MetricInfo(d.id(), messages.text(d.nameKey()), messages.text(d.definitionKey()),
                messages.text(d.recordsKey()), d.module(), d.unit(), d.kind(), d.regional(), d.dimensions(),
                d.growthOf(), e.available(),
                e.available() ? null : messages.text(UnavailableMetrics.reasonKey(d.module())));
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

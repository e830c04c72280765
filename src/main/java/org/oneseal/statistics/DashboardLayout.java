package org.oneseal.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What the dashboard shows: the key figures (cards) and the monthly charts, by metric id. Ids that no module defines
 * (yet) are left out, so the dashboard shows what the platform can compute.
 */
@Component
class DashboardLayout {

    private static final List<String> CARDS = List.of("cases.submitted", "cases.concluded", "cases.onTimeRate",
            "cases.legalOnTimeRate", "cases.open", "cases.overdue", "evaluation.total", "evaluation.goodRate",
            "evaluation.bad", "evaluation.timelyRectificationRate", "complaint.cityWide.received",
            "complaint.cityWide.resolved", "hall.appointments.total", "reform.materialReductionPct",
            "reform.timeLimitReductionPct", "party.compliance.rate");

    /**
     * A window's own queue, on the window dashboard only: the hall's ticket figures are counted from the tickets
     * themselves (no daily roll-up yet), which for a whole city and a year is too slow for a first view; they stay on
     * the all-figures page for everyone.
     */
    private static final List<String> WINDOW_CARDS = List.of("hall.tickets.served", "hall.waitMinutes.avg");

    private static final List<String> STATUS = List.of("cases.open", "cases.overdue", "cases.granted", "cases.denied");

    /** One chart: its title key, kind and the metrics drawn (bars, then lines on a percentage axis). */
    record Chart(String key, List<String> bars, List<String> lines) {
    }

    private static final List<Chart> CHARTS = List.of(
            new Chart("statistics.chart.cases", List.of("cases.submitted", "cases.concluded"), List.of()),
            new Chart("statistics.chart.onTime", List.of(), List.of("cases.onTimeRate", "cases.legalOnTimeRate")),
            new Chart("statistics.chart.evaluation", List.of("evaluation.bad"), List.of("evaluation.goodRate")),
            new Chart("statistics.chart.service", List.of("complaint.cityWide.received", "hall.appointments.total"),
                    List.of()));

    private final Statistics statistics;
    private final StatisticsMessages messages;

    DashboardLayout(Statistics statistics, StatisticsMessages messages) {
        this.statistics = statistics;
        this.messages = messages;
    }

    List<String> cards(Selection selection) {
        if (selection.windowLabel() == null) {
            return known(CARDS);
        }
        List<String> cards = new ArrayList<>(CARDS);
        cards.addAll(WINDOW_CARDS);
        return known(cards);
    }

    List<String> statusIds() {
        return known(STATUS);
    }

    List<String> chartIds() {
        Set<String> ids = new LinkedHashSet<>();
        CHARTS.forEach(c -> {
            ids.addAll(c.bars());
            ids.addAll(c.lines());
        });
        return known(List.copyOf(ids));
    }

    /** The charts as the page's script draws them: months, and per chart its series (name, kind, values). */
    List<Map<String, Object>> charts(List<MonthFigures> months) {
        List<String> labels = months.stream().map(m -> m.month().toString()).toList();
        List<Map<String, Object>> charts = new ArrayList<>();
        for (Chart chart : CHARTS) {
            List<Map<String, Object>> series = new ArrayList<>();
            chart.bars().forEach(id -> series(months, id, "bar").ifPresent(series::add));
            chart.lines().forEach(id -> series(months, id, "line").ifPresent(series::add));
            if (series.isEmpty()) {
                continue;
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", chart.key().substring("statistics.chart.".length()));
            c.put("title", messages.text(chart.key()));
            c.put("months", labels);
            c.put("series", series);
            charts.add(c);
        }
        return charts;
    }

    private static java.util.Optional<Map<String, Object>> series(List<MonthFigures> months, String id, String kind) {
        List<BigDecimal> values = new ArrayList<>();
        String name = null;
        String unit = null;
        boolean any = false;
        for (MonthFigures m : months) {
            Figure f = m.figures().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
            if (f == null) {
                return java.util.Optional.empty();
            }
            name = f.name();
            unit = f.unit().name();
            any |= f.status() == FigureStatus.OK || f.status() == FigureStatus.NO_VALUE;
            values.add(f.value());
        }
        if (!any) {
            return java.util.Optional.empty();
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("name", name);
        s.put("kind", kind);
        s.put("unit", unit);
        s.put("values", values);
        return java.util.Optional.of(s);
    }

    String text(String key, Object... args) {
        return messages.text(key, args);
    }

    private List<String> known(List<String> ids) {
        return ids.stream().filter(statistics::exists).toList();
    }
}

package org.oneseal.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricDimension;
import org.oneseal.shared.metrics.MetricQuery;
import org.oneseal.shared.metrics.MetricSource;
import org.oneseal.shared.metrics.MetricValue;
import org.springframework.stereotype.Component;

/**
 * Computes figures for a resolved selection: each source once for all of its asked figures (and once more for the
 * year-earlier counts of growth figures); growth computed here from the two counts; figures that do not exist for
 * the selection explained instead of computed.
 */
@Component
class FigureComputer {

    private final MetricCatalogue catalogue;
    private final StatisticsMessages messages;

    FigureComputer(MetricCatalogue catalogue, StatisticsMessages messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    List<Figure> compute(List<MetricCatalogue.Entry> entries, Selection selection) {
        MetricQuery q = selection.query();
        Map<MetricSource, Set<String>> now = new IdentityHashMap<>();
        Map<MetricSource, Set<String>> yearEarlier = new IdentityHashMap<>();
        for (MetricCatalogue.Entry e : entries) {
            if (obstacle(e, selection) != null) {
                continue;
            }
            MetricDefinition d = e.definition();
            if (d.growthOf() == null) {
                now.computeIfAbsent(e.source(), s -> new LinkedHashSet<>()).add(d.id());
            } else {
                now.computeIfAbsent(e.source(), s -> new LinkedHashSet<>()).add(d.growthOf());
                yearEarlier.computeIfAbsent(e.source(), s -> new LinkedHashSet<>()).add(d.growthOf());
            }
        }
        Map<String, MetricValue> current = run(now, q);
        Map<String, MetricValue> previous = run(yearEarlier, q.yearEarlier());
        List<Figure> figures = new ArrayList<>(entries.size());
        for (MetricCatalogue.Entry e : entries) {
            figures.add(figure(e, selection, current, previous));
        }
        return figures;
    }

    private static Map<String, MetricValue> run(Map<MetricSource, Set<String>> asked, MetricQuery q) {
        Map<String, MetricValue> values = new HashMap<>();
        asked.forEach((source, ids) -> {
            Map<String, MetricValue> answer = source.compute(ids, q);
            for (String id : ids) {
                MetricValue v = answer.get(id);
                if (v == null) {
                    throw new IllegalStateException(source.getClass().getSimpleName() + " did not compute " + id);
                }
                values.put(id, v);
            }
        });
        return values;
    }

    /** Why a figure cannot be computed for this selection (a status and a reason), or null. */
    Obstacle obstacle(MetricCatalogue.Entry e, Selection selection) {
        MetricDefinition d = e.definition();
        if (!e.available()) {
            return new Obstacle(FigureStatus.NOT_AVAILABLE, UnavailableMetrics.reasonKey(d.module()));
        }
        if (!d.regional() && !selection.includesCityLevel()) {
            return new Obstacle(FigureStatus.NOT_APPLICABLE, "statistics.notApplicable.bureau");
        }
        MetricQuery q = selection.query();
        if (q.department() != null && !d.dimensions().contains(MetricDimension.DEPARTMENT)) {
            return new Obstacle(FigureStatus.NOT_APPLICABLE, "statistics.notApplicable.department");
        }
        if (q.window() != null && !d.dimensions().contains(MetricDimension.WINDOW)) {
            return new Obstacle(FigureStatus.NOT_APPLICABLE, "statistics.notApplicable.window");
        }
        if (q.staff() != null && !d.dimensions().contains(MetricDimension.STAFF)) {
            return new Obstacle(FigureStatus.NOT_APPLICABLE, "statistics.notApplicable.staff");
        }
        return null;
    }

    record Obstacle(FigureStatus status, String reasonKey) {
    }

    private Figure figure(MetricCatalogue.Entry e, Selection s, Map<String, MetricValue> current,
            Map<String, MetricValue> previous) {
        MetricDefinition d = e.definition();
        Obstacle obstacle = obstacle(e, s);
        if (obstacle != null) {
            return of(d, s, obstacle.status(), null, null, null, 0, messages.text(obstacle.reasonKey()), null, null);
        }
        if (d.growthOf() == null) {
            MetricValue v = current.get(d.id());
            FigureStatus status = v.present() ? FigureStatus.OK
                    : v.notApplicable() ? FigureStatus.NOT_APPLICABLE : FigureStatus.NO_VALUE;
            String reason = v.reasonKey() == null ? null : messages.text(v.reasonKey(), v.reasonArgs().toArray());
            return of(d, s, status, v.value(), v.numerator(), v.denominator(), v.records(), reason, null, null);
        }
        MetricValue cur = current.get(d.growthOf());
        MetricValue prev = previous.get(d.growthOf());
        if (!cur.present() || !prev.present() || prev.value().signum() == 0) {
            String reason = messages.text(prev.present() && prev.value().signum() == 0
                    ? "statistics.growth.noBase" : "statistics.growth.missing");
            return of(d, s, FigureStatus.NO_VALUE, null, null, null, cur.records(), reason,
                    prev.value(), cur.value());
        }
        BigDecimal growth = cur.value().subtract(prev.value()).multiply(BigDecimal.valueOf(100))
                .divide(prev.value(), 1, RoundingMode.HALF_UP);
        return of(d, s, FigureStatus.OK, growth, null, null, cur.records(), null, prev.value(), cur.value());
    }

    private Figure of(MetricDefinition d, Selection s, FigureStatus status, BigDecimal value, Long num, Long den,
            long records, String reason, BigDecimal previous, BigDecimal current) {
        return new Figure(d.id(), messages.text(d.nameKey()), messages.text(d.definitionKey()),
                messages.text(d.recordsKey()), d.unit(), d.kind(), status, value, num, den, records, reason,
                s.from(), s.to(), s.areaLabel(), previous, current);
    }
}

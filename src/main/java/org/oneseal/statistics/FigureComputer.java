package org.oneseal.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricDimension;
import org.oneseal.shared.metrics.MetricQuery;
import org.oneseal.shared.metrics.MetricSource;
import org.oneseal.shared.metrics.MetricValue;
import org.springframework.stereotype.Component;

/**
 * Computes figures for a resolved selection: each source once for all of its asked figures (and once more for the
 * year-earlier counts of growth figures); growth computed here from the two counts; figures that do not exist for
 * the selection explained instead of computed. A breakdown by window or department asks each source once for all
 * units ({@link MetricSource#computeByUnit}).
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
        Plan plan = plan(entries, selection);
        MetricQuery q = selection.query();
        Map<String, MetricValue> current = run(plan.now(), (source, ids) -> source.compute(ids, q));
        Map<String, MetricValue> previous = run(plan.yearEarlier(), (source, ids) -> source.compute(ids,
                q.yearEarlier()));
        return figures(entries, selection, current, previous);
    }

    /**
     * The figures of each window or department of a breakdown: for each unit exactly what {@link #compute} gives for
     * its own selection, but with one grouped computation per source ({@link MetricSource#computeByUnit}) for all
     * units at once instead of one per unit.
     *
     * @param whole the selection the units break down (its query is narrowed to each unit by the sources)
     * @param by    {@code DEPARTMENT} or {@code WINDOW}
     * @param units each unit's id and its own selection (the whole one narrowed to it), in the order of the rows
     */
    Map<Long, List<Figure>> computeByUnit(List<MetricCatalogue.Entry> entries, Selection whole, MetricDimension by,
            Map<Long, Selection> units) {
        Map<Long, List<Figure>> rows = new LinkedHashMap<>();
        if (units.isEmpty()) {
            return rows;
        }
        // what cannot be computed depends on whether a department or window is set, not on which: any unit's plan
        Plan plan = plan(entries, units.values().iterator().next());
        List<Long> ids = List.copyOf(units.keySet());
        MetricQuery q = whole.query();
        Map<Long, Map<String, MetricValue>> current = runByUnit(plan.now(), ids,
                (source, asked) -> source.computeByUnit(asked, q, by, ids));
        Map<Long, Map<String, MetricValue>> previous = runByUnit(plan.yearEarlier(), ids,
                (source, asked) -> source.computeByUnit(asked, q.yearEarlier(), by, ids));
        units.forEach((unit, selection) -> rows.put(unit, figures(entries, selection, current.get(unit),
                previous.get(unit))));
        return rows;
    }

    /** The ids to ask each source for the period, and for the year before (the bases of growth figures). */
    private record Plan(Map<MetricSource, Set<String>> now, Map<MetricSource, Set<String>> yearEarlier) {
    }

    private Plan plan(List<MetricCatalogue.Entry> entries, Selection selection) {
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
        return new Plan(now, yearEarlier);
    }

    private List<Figure> figures(List<MetricCatalogue.Entry> entries, Selection selection,
            Map<String, MetricValue> current, Map<String, MetricValue> previous) {
        List<Figure> figures = new ArrayList<>(entries.size());
        for (MetricCatalogue.Entry e : entries) {
            figures.add(figure(e, selection, current, previous));
        }
        return figures;
    }

    private static Map<String, MetricValue> run(Map<MetricSource, Set<String>> asked,
            BiFunction<MetricSource, Set<String>, Map<String, MetricValue>> computation) {
        Map<String, MetricValue> values = new HashMap<>();
        asked.forEach((source, ids) -> values.putAll(complete(source, ids, computation.apply(source, ids))));
        return values;
    }

    private static Map<Long, Map<String, MetricValue>> runByUnit(Map<MetricSource, Set<String>> asked,
            List<Long> units, BiFunction<MetricSource, Set<String>, Map<Long, Map<String, MetricValue>>> computation) {
        Map<Long, Map<String, MetricValue>> values = new HashMap<>();
        units.forEach(unit -> values.put(unit, new HashMap<>()));
        asked.forEach((source, ids) -> {
            Map<Long, Map<String, MetricValue>> answer = computation.apply(source, ids);
            for (Long unit : units) {
                Map<String, MetricValue> one = answer.get(unit);
                if (one == null) {
                    throw new IllegalStateException(source.getClass().getSimpleName() + " did not compute unit " + unit);
                }
                values.get(unit).putAll(complete(source, ids, one));
            }
        });
        return values;
    }

    /** The asked values of one answer; a source that left one out is a programming error. */
    private static Map<String, MetricValue> complete(MetricSource source, Set<String> ids,
            Map<String, MetricValue> answer) {
        Map<String, MetricValue> values = new HashMap<>();
        for (String id : ids) {
            MetricValue v = answer.get(id);
            if (v == null) {
                throw new IllegalStateException(source.getClass().getSimpleName() + " did not compute " + id);
            }
            values.put(id, v);
        }
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

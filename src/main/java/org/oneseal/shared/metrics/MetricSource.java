package org.oneseal.shared.metrics;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A module's figures. Implemented by one package-private bean per module; collected by the statistics module.
 * The count and the list of each figure come from one shared SQL condition, so that {@link MetricValue#records()}
 * always equals the number of rows {@link #records} yields for the same query.
 */
public interface MetricSource {

    /** The figures this source computes (growth figures included: the statistics module computes those). */
    List<MetricDefinition> definitions();

    /**
     * Computes the asked figures (ids of this source, never a growth figure) for one query; a source may compute
     * several from one scan. Every asked id must be in the answer.
     */
    Map<String, MetricValue> compute(Collection<String> ids, MetricQuery query);

    /**
     * Computes the asked figures for each of {@code units} (departments or windows, as {@code by} says; ids of this
     * source that break down by it, never a growth figure): for each unit exactly what {@link #compute} answers for
     * the query narrowed to it ({@link MetricQuery#narrowedTo}), records included, so that every row of a breakdown
     * equals that unit's drill-down. Every unit must be in the answer with every asked id. The default computes unit
     * by unit; a source that can group one scan by the unit (e.g. {@code group by window_id}) overrides it.
     */
    default Map<Long, Map<String, MetricValue>> computeByUnit(Collection<String> ids, MetricQuery query,
            MetricDimension by, Collection<Long> units) {
        Map<Long, Map<String, MetricValue>> values = new LinkedHashMap<>();
        for (Long unit : units) {
            values.put(unit, compute(ids, query.narrowedTo(by, unit)));
        }
        return values;
    }

    /** The column headers (message keys) of the records behind a figure. */
    List<String> recordColumns(String id);

    /**
     * The records behind a figure in a stable order, rows of cells matching {@link #recordColumns} (String, Number,
     * LocalDate, Instant or Boolean; null for empty), from {@code offset}, at most {@code limit}.
     */
    void records(String id, MetricQuery query, int offset, int limit, Consumer<List<Object>> row);
}

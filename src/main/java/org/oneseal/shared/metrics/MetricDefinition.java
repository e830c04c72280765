package org.oneseal.shared.metrics;

import java.util.Set;

/**
 * One named figure. Its display name and definition are message keys {@code metric.<id>.name} and
 * {@code metric.<id>.definition} in the owning module's bundle; {@code metric.<id>.records} names what the records
 * behind it are (e.g. "评价", "办件"), used in the trace of every reported number.
 *
 * @param id         the id from docs/annual-report-figures.md, e.g. {@code evaluation.total}
 * @param module     the module that computes it (for "not available" figures: the module that would)
 * @param unit       what the number is
 * @param kind       over the period or at its end
 * @param regional   false for figures of the bureau as a whole (party building): they exist for 全市 and 市本级
 *                   only, and are "not applicable" for a county
 * @param dimensions the breakdowns it supports besides region
 * @param growthOf   for a year-on-year growth figure, the id of the count it compares; null otherwise. Growth is
 *                   computed by the statistics module from the count for the period and for the period one year
 *                   earlier, never by the source.
 */
public record MetricDefinition(String id, String module, MetricUnit unit, MetricKind kind, boolean regional,
        Set<MetricDimension> dimensions, String growthOf) {

    public MetricDefinition {
        if (!id.matches("[a-z][A-Za-z]*(\\.[a-z][A-Za-z]*)+")) {
            throw new IllegalArgumentException("not a metric id: " + id);
        }
        dimensions = Set.copyOf(dimensions);
    }

    public static MetricDefinition flow(String id, String module, MetricUnit unit, MetricDimension... dimensions) {
        return new MetricDefinition(id, module, unit, MetricKind.FLOW, true, Set.of(dimensions), null);
    }

    public static MetricDefinition stock(String id, String module, MetricUnit unit, MetricDimension... dimensions) {
        return new MetricDefinition(id, module, unit, MetricKind.STOCK, true, Set.of(dimensions), null);
    }

    /** A figure of the bureau as a whole over the period (no region, no breakdown). */
    public static MetricDefinition bureau(String id, String module, MetricUnit unit) {
        return new MetricDefinition(id, module, unit, MetricKind.FLOW, false, Set.of(), null);
    }

    /** Year-on-year growth in per cent of {@code base} (which must be a FLOW count of the same source). */
    public static MetricDefinition growth(String id, String module, String base, MetricDimension... dimensions) {
        return new MetricDefinition(id, module, MetricUnit.PERCENT, MetricKind.FLOW, true, Set.of(dimensions), base);
    }

    public String nameKey() {
        return "metric." + id + ".name";
    }

    public String definitionKey() {
        return "metric." + id + ".definition";
    }

    public String recordsKey() {
        return "metric." + id + ".records";
    }
}

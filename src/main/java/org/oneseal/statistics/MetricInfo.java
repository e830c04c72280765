package org.oneseal.statistics;

import java.util.Set;
import org.oneseal.shared.metrics.MetricDimension;
import org.oneseal.shared.metrics.MetricKind;
import org.oneseal.shared.metrics.MetricUnit;

/**
 * A metric as the catalogue page and the API describe it.
 *
 * @param id          e.g. {@code evaluation.total}
 * @param name        display name
 * @param definition  what it counts
 * @param recordNoun  what one record behind it is
 * @param module      the module that computes it (or would)
 * @param unit        what the number is
 * @param kind        FLOW over the period or STOCK at its end
 * @param regional    false: a figure of the bureau as a whole (全市/市本级 only)
 * @param dimensions  the breakdowns besides region
 * @param growthOf    for a growth figure, the compared count's id
 * @param available   false: the platform does not hold its records yet
 * @param unavailableReason why not, when not available
 */
public record MetricInfo(String id, String name, String definition, String recordNoun, String module, MetricUnit unit,
        MetricKind kind, boolean regional, Set<MetricDimension> dimensions, String growthOf, boolean available,
        String unavailableReason) {
}

package org.oneseal.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.oneseal.shared.metrics.MetricKind;
import org.oneseal.shared.metrics.MetricUnit;

/**
 * One figure as computed for a viewer: what it is, its number (or why there is none) and what it was computed over.
 *
 * @param id          the metric id
 * @param name        its display name
 * @param definition  what it counts, in the viewer's language
 * @param recordNoun  what one record behind it is (办件, 评价…)
 * @param unit        what the number is
 * @param kind        over the period, or at its end
 * @param status      whether there is a number
 * @param value       the number (per cent 0–100 for PERCENT), or null
 * @param numerator   for a rate: the count above the line
 * @param denominator for a rate: the count below the line
 * @param records     the records behind the figure: the drill-down lists exactly these
 * @param reason      why there is no number (readable), or null
 * @param from        the period's first day (for STOCK figures: informative only)
 * @param to          the period's last day
 * @param areaLabel   e.g. 全市, 市本级, 南溪县
 * @param previous    for a growth figure: the compared count one year earlier, else null
 * @param current     for a growth figure: the compared count in the period, else null
 */
public record Figure(String id, String name, String definition, String recordNoun, MetricUnit unit, MetricKind kind,
        FigureStatus status, BigDecimal value, Long numerator, Long denominator, long records, String reason,
        LocalDate from, LocalDate to, String areaLabel, BigDecimal previous, BigDecimal current) {

    public boolean hasValue() {
        return status == FigureStatus.OK;
    }

    /** Whether the figure has records to list (a drill-down exists). */
    public boolean drillable() {
        return status == FigureStatus.OK || status == FigureStatus.NO_VALUE;
    }
}

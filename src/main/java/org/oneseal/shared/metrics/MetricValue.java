package org.oneseal.shared.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A computed figure. {@code records} is the number of records behind it, exactly the number of rows its drill-down
 * lists for the same query (the report's trace prints it). For a rate, {@code numerator}/{@code denominator} are kept
 * so that a reader can check the percentage; {@code records} is then the denominator's records.
 *
 * @param value       the number, or null when it cannot be given (then {@code reasonKey} says why)
 * @param records     the records behind it
 * @param numerator   for a rate: what was counted above the line, else null
 * @param denominator for a rate: what was counted below the line, else null
 * @param reasonKey   a message key saying why {@code value} is null (e.g. nothing to compare with), else null
 * @param notApplicable true when the figure does not exist for the query at all (e.g. a 市本级 figure asked for a
 *                    county), as opposed to existing without a number
 * @param reasonArgs  the arguments of the reason's message ({0}, {1}, …: plain strings or numbers), else empty
 */
public record MetricValue(BigDecimal value, long records, Long numerator, Long denominator, String reasonKey,
        boolean notApplicable, List<Object> reasonArgs) {

    public MetricValue {
        reasonArgs = reasonArgs == null ? List.of() : List.copyOf(reasonArgs);
    }

    public MetricValue(BigDecimal value, long records, Long numerator, Long denominator, String reasonKey,
            boolean notApplicable) {
        this(value, records, numerator, denominator, reasonKey, notApplicable, List.of());
    }

    public MetricValue(BigDecimal value, long records, Long numerator, Long denominator, String reasonKey) {
        this(value, records, numerator, denominator, reasonKey, false);
    }

    public static MetricValue count(long count) {
        return new MetricValue(BigDecimal.valueOf(count), count, null, null, null);
    }

    /** A number that is not a count of its records (a sum of points, days, money; a minimum). */
    public static MetricValue amount(BigDecimal value, long records) {
        return new MetricValue(value, records, null, null, null);
    }

    /**
     * A percentage numerator/denominator × 100, rounded half-up to one decimal; null with {@code emptyReasonKey} when
     * the denominator is 0.
     */
    public static MetricValue rate(long numerator, long denominator, long records, String emptyReasonKey) {
        if (denominator == 0) {
            return new MetricValue(null, records, numerator, denominator, emptyReasonKey);
        }
        BigDecimal pct = BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
        return new MetricValue(pct, records, numerator, denominator, null);
    }

    /** No value, and why: {@code reasonKey} with its message's arguments, if it has any. */
    public static MetricValue missing(String reasonKey, long records, Object... reasonArgs) {
        return new MetricValue(null, records, null, null, reasonKey, false, List.of(reasonArgs));
    }

    /** The figure does not exist for this query (shown as 不适用 with the reason, never as 0 or "no data"). */
    public static MetricValue notApplicable(String reasonKey) {
        return new MetricValue(null, 0, null, null, reasonKey, true);
    }

    public boolean present() {
        return value != null;
    }
}

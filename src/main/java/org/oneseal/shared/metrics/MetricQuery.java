package org.oneseal.shared.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * What to compute: a period of business days (Asia/Shanghai, both ends included), the regions, and optionally a
 * department, a window or a member of staff. The statistics module builds it after checking the caller's rights;
 * a source applies every part of it.
 *
 * @param from       first day (ignored by STOCK figures)
 * @param to         last day, included
 * @param regions    the exact region ids whose records count (already expanded to descendants where meant and
 *                   narrowed to the caller's scope); never empty
 * @param wholeCity  true when {@code regions} is every region of the city: a source may then leave out the region
 *                   condition (faster), the result must be the same
 * @param department an org unit id (department), or null for all
 * @param window     an org unit id of kind WINDOW, or null
 * @param staff      a staff username, or null
 */
public record MetricQuery(LocalDate from, LocalDate to, Set<Long> regions, boolean wholeCity, Long department,
        Long window, String staff) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public MetricQuery {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("the period must have a first day not after its last day");
        }
        if (regions == null || regions.isEmpty()) {
            throw new IllegalArgumentException("a metric query needs at least one region");
        }
        regions = Set.copyOf(regions);
    }

    /** The regions as a list, for binding to {@code region_id in (:regions)}. */
    public List<Long> regionList() {
        return List.copyOf(regions);
    }

    /** The start of the first day. */
    public Instant fromInstant() {
        return from.atStartOfDay(ZONE).toInstant();
    }

    /** The start of the day after the last day (exclusive upper bound; STOCK figures are taken just before it). */
    public Instant toExclusive() {
        return to.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** The same query one year earlier (for year-on-year growth; 29 February becomes 28 February). */
    public MetricQuery yearEarlier() {
        return new MetricQuery(from.minusYears(1), to.minusYears(1), regions, wholeCity, department, window, staff);
    }

    /**
     * The same query for one department or one window (a row of a breakdown): {@code unit} replaces the query's own
     * department or window.
     */
    public MetricQuery narrowedTo(MetricDimension by, long unit) {
        return switch (by) {
            case DEPARTMENT -> new MetricQuery(from, to, regions, wholeCity, unit, window, staff);
            case WINDOW -> new MetricQuery(from, to, regions, wholeCity, department, unit, staff);
            case STAFF -> throw new IllegalArgumentException("a breakdown is by department or by window, not by staff");
        };
    }

    public MetricQuery withPeriod(LocalDate first, LocalDate last) {
        return new MetricQuery(first, last, regions, wholeCity, department, window, staff);
    }
}

package org.oneseal.evaluation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oneseal.shared.metrics.MetricDimension;
import org.oneseal.shared.metrics.MetricQuery;

/**
 * The statements behind the 好差评 metrics, all built on one condition per query ({@link #where}): the regions (unless
 * the whole city), the department, the window and the staff member, on the logical columns {@code region_id},
 * {@code department_id}, {@code window_id} and {@code staff} that every statement's inner select exposes — the
 * daily roll-up, the ratings (staff = {@code handled_by}, whoever handled the rated service) and the rectifications
 * (staff = {@code responsible}). Counts and record lists therefore select the same rows.
 *
 * @param where  the condition on the logical columns
 * @param params its parameters, with the period ({@code from}, {@code to})
 */
record RatingMetricSql(String where, Map<String, Object> params) {

    /**
     * The condition of {@code q} narrowed to any of {@code units} instead of its own department or window (as
     * {@code by} says), for counts grouped by that unit ({@link #unitColumn}): each group then counts what
     * {@code of(q.narrowedTo(by, unit))} counts.
     */
    static RatingMetricSql ofUnits(MetricQuery q, MetricDimension by, Collection<Long> units) {
        RatingMetricSql all = of(new MetricQuery(q.from(), q.to(), q.regions(), q.wholeCity(),
                by == MetricDimension.DEPARTMENT ? null : q.department(),
                by == MetricDimension.WINDOW ? null : q.window(), q.staff()));
        Map<String, Object> params = new HashMap<>(all.params());
        params.put("units", List.copyOf(units));
        return new RatingMetricSql(all.where() + " and " + unitColumn(by) + " in (:units)", Map.copyOf(params));
    }

    /** The logical column of a breakdown's unit. */
    static String unitColumn(MetricDimension by) {
        return switch (by) {
            case DEPARTMENT -> "department_id";
            case WINDOW -> "window_id";
            case STAFF -> throw new IllegalArgumentException("staff members are not grouped by id");
        };
    }

    static RatingMetricSql of(MetricQuery q) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", q.from());
        params.put("to", q.to());
        StringBuilder where = new StringBuilder("true");
        if (!q.wholeCity()) {
            where.append(" and region_id in (:regions)");
            params.put("regions", q.regionList());
        }
        if (q.department() != null) {
            where.append(" and department_id = :department");
            params.put("department", q.department());
        }
        if (q.window() != null) {
            where.append(" and window_id = :window");
            params.put("window", q.window());
        }
        if (q.staff() != null) {
            where.append(" and staff = :staff");
            params.put("staff", q.staff());
        }
        return new RatingMetricSql(where.toString(), Map.copyOf(params));
    }

    /**
     * Good (levels 5–3) and bad (2–1) ratings not excluded, given on a day of the period: rolled-up days from
     * {@code rating_daily}, the others (today, a day changed since its roll-up) from the ratings themselves.
     */
    String ratingCounts() {
        return ratingCounts("", "");
    }

    /** {@link #ratingCounts()} for each unit of {@link #ofUnits} ({@code unit}, {@code good}, {@code bad}). */
    String ratingCountsByUnit(MetricDimension by) {
        String column = unitColumn(by);
        return ratingCounts(column + " as unit, ", " group by " + column);
    }

    private String ratingCounts(String unit, String groupBy) {
        return "select " + unit + """
                coalesce(sum(good), 0) as good, coalesce(sum(bad), 0) as bad
                from (select region_id, department_id, window_id, staff, level5 + level4 + level3 as good,
                             level2 + level1 as bad
                      from oneseal.rating_daily
                      where day between :from and :to
                        and day in (select day from oneseal.rating_day where rolled and day between :from and :to)
                      union all
                      select region_id, department_id, window_id, handled_by, (level >= 3)::int, (level <= 2)::int
                      from oneseal.rating
                      where not excluded
                        and day in (select day from oneseal.rating_day where not rolled and day between :from and :to)
                     ) f
                where\s""" + where + groupBy;
    }

    /**
     * One chunk of the ratings counted (not excluded, given on a day of the period), bad ones only if asked, by day and
     * id: their ids from the index on (day, id) — with {@code :offset} for the first chunk, after
     * ({@code :lastDay}, {@code :lastId}) for the next ones, so that no chunk reads the ones before it —, then their
     * rows.
     */
    String ratingRecords(boolean badOnly, boolean continued) {
        String keys = "select f.id, f.day from (select id, day, window_id, level, region_id, department_id,"
                + " handled_by as staff from oneseal.rating where not excluded and day between :from and :to) f"
                + " where " + where + (badOnly ? " and level <= 2" : "") + after(continued, "day", "id")
                + " order by day, id limit :limit" + (continued ? "" : " offset :offset");
        return """
                select r.id, r.day, r.object_type, r.object_id, r.case_id, r.matter_id, r.window_id, r.level, r.channel,
                       r.region_id, r.department_id
                from (%s) k join oneseal.rating r on r.id = k.id
                order by k.day, k.id""".formatted(keys);
    }

    /** The condition of a chunk after the first: its rows come after the last one of the chunk before. */
    private static String after(boolean continued, String day, String id) {
        return continued ? " and (" + day + ", " + id + ") > (cast(:lastDay as date), :lastId)" : "";
    }

    /**
     * The rectifications the timely rate counts: of bad reviews given in the period, not excluded, closed by
     * {@code :closedBy} or due before {@code :dueBefore} (see {@link #cutOff}).
     */
    private String rectifications() {
        return """
                (select x.id, x.rating_id, x.day, x.region_id, x.department_id, x.window_id, x.matter_id,
                        x.responsible as staff, x.due_on, x.closed_on,
                        coalesce(x.closed_on <= :closedBy and x.closed_on <= x.due_on, false) as on_time
                 from oneseal.rectification x
                 where x.day between :from and :to and x.state <> 'EXCLUDED'
                   and (x.closed_on <= :closedBy or x.due_on < :dueBefore)) f
                where\s""" + where;
    }

    String rectificationCounts() {
        return "select count(*) filter (where on_time) as on_time, count(*) as counted from " + rectifications();
    }

    /** {@link #rectificationCounts()} for each unit of {@link #ofUnits} ({@code unit}, {@code on_time}, {@code counted}). */
    String rectificationCountsByUnit(MetricDimension by) {
        String column = unitColumn(by);
        return "select " + column + " as unit, count(*) filter (where on_time) as on_time, count(*) as counted from "
                + rectifications() + " group by " + column;
    }

    /** One chunk of the counted rectifications (by day and id, as the ratings), with their ratings' object and level. */
    String rectificationRecords(boolean continued) {
        return """
                select g.*, r.object_type, r.object_id, r.case_id, r.level
                from (select f.* from %s%s order by f.day, f.id limit :limit%s) g
                join oneseal.rating r on r.id = g.rating_id
                order by g.day, g.id""".formatted(rectifications(), after(continued, "f.day", "f.id"),
                continued ? "" : " offset :offset");
    }

    /**
     * The moment the timely rate is taken at: the end of the period, or today while the period is not over. A
     * rectification closed by then counts (on time if closed by its due date); one still open counts as late once
     * its due day is over.
     */
    static Map<String, Object> cutOff(MetricQuery q, LocalDate today) {
        LocalDate closedBy = q.to().isBefore(today) ? q.to() : today;
        LocalDate dueBefore = q.to().plusDays(1).isBefore(today) ? q.to().plusDays(1) : today;
        return Map.of("closedBy", closedBy, "dueBefore", dueBefore);
    }
}

package org.oneseal.complaint;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.oneseal.shared.metrics.MetricQuery;

/**
 * The one condition of each 办不成事 metric, used by its count and by its records alike.
 *
 * @param where  the condition on {@code oneseal.complaint}
 * @param params its parameters
 */
record ComplaintMetricSql(String where, Map<String, Object> params) {

    /** What a figure counts, beside the region and the department. */
    enum Part {
        /** received in the period */
        RECEIVED,
        /** received in the period and answered (resolved or explained) by its end */
        ANSWERED,
        /** received before the cut-off, not answered by then, its due day over */
        OVERDUE
    }

    /**
     * @param root      null: the query's regions; else only this region (the city root, 市本级)
     * @param now       the present, for the cut-off of a period not over yet
     */
    static ComplaintMetricSql of(MetricQuery q, Part part, Long root, Instant now) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder();
        switch (part) {
            case RECEIVED, ANSWERED -> {
                where.append("received_at >= :from and received_at < :toExclusive");
                params.put("from", Timestamp.from(q.fromInstant()));
                params.put("toExclusive", Timestamp.from(q.toExclusive()));
                if (part == Part.ANSWERED) {
                    where.append(" and outcome is not null and answered_at < :toExclusive");
                }
            }
            case OVERDUE -> {
                Instant cutOff = q.toExclusive().isBefore(now) ? q.toExclusive() : now;
                where.append("received_at < :cutOff and (answered_at is null or answered_at >= :cutOff)")
                        .append(" and due_on < :cutOffDay");
                params.put("cutOff", Timestamp.from(cutOff));
                params.put("cutOffDay", LocalDate.ofInstant(cutOff, MetricQuery.ZONE));
            }
        }
        if (root != null) {
            where.append(" and region_id = :root");
            params.put("root", root);
        } else if (!q.wholeCity()) {
            where.append(" and region_id in (:regions)");
            params.put("regions", q.regionList());
        }
        if (q.department() != null) {
            where.append(" and department_id = :department");
            params.put("department", q.department());
        }
        return new ComplaintMetricSql(where.toString(), Map.copyOf(params));
    }

    String count() {
        return "select count(*) from oneseal.complaint where " + where;
    }

    /** The count for each department of {@code :units} ({@code unit}, {@code n}); the condition has no department. */
    String countByDepartment() {
        return "select department_id as unit, count(*) as n from oneseal.complaint where " + where
                + " and department_id in (:units) group by department_id";
    }

    /** One chunk of the records by the time received and id: from {@code :offset}, or after the chunk before. */
    String records(boolean continued) {
        return """
                select id, received_at, region_id, channel, category, matter_id, department_id, reporter_name, state,
                       outcome, answered_at, due_on
                from oneseal.complaint where\s""" + where
                + (continued ? " and (received_at, id) > (cast(:lastAt as timestamptz), :lastId)" : "")
                + " order by received_at, id limit :limit" + (continued ? "" : " offset :offset");
    }
}

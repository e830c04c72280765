package org.oneseal.hall;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oneseal.shared.metrics.MetricQuery;

/**
 * The one condition of each hall metric, used by its figure and by its records alike: the halls of the query's
 * regions, the period, the figure's own part and, for the queue figures, the window and the staff member who called.
 *
 * @param where  the condition on {@code appointment a join appointment_slot s} or on {@code queue_ticket t}
 * @param params its parameters
 */
record HallMetricSql(String where, Map<String, Object> params) {

    /** Appointments of slots of the period at the halls, of the figure's kinds and states. */
    static HallMetricSql appointments(MetricQuery q, List<Long> halls, boolean outsideNormalHoursServed) {
        Map<String, Object> params = period(q, halls);
        String where = "s.day between :from and :to and s.hall_id in (:halls) and "
                + (outsideNormalHoursServed
                        ? "s.kind in ('EXTENDED', 'STAGGERED', 'HOLIDAY') and a.state in ('SERVED', 'ARRIVED')"
                        : "a.state <> 'CANCELLED'");
        return new HallMetricSql(where, Map.copyOf(params));
    }

    /** What a queue figure counts of the tickets of the period at the halls. */
    enum Tickets {
        /** drawn at the machine or by appointment (a transfer's new ticket is the same visit) */
        ISSUED("t.transferred_from is null"),
        /** finished as served and not passed on to another group */
        SERVED("t.state = 'DONE' and not exists (select 1 from oneseal.queue_ticket n where n.transferred_from = t.id)"),
        /** drawn, and called to a window */
        CALLED("t.transferred_from is null and t.called_at is not null");

        private final String condition;

        Tickets(String condition) {
            this.condition = condition;
        }
    }

    static HallMetricSql tickets(MetricQuery q, List<Long> halls, Tickets part) {
        Map<String, Object> params = period(q, halls);
        StringBuilder where = new StringBuilder("t.day between :from and :to and t.hall_id in (:halls) and ")
                .append(part.condition);
        if (q.window() != null) {
            where.append(" and t.window_id = :window");
            params.put("window", q.window());
        }
        if (q.staff() != null) {
            where.append(" and t.called_by = :staff");
            params.put("staff", q.staff());
        }
        return new HallMetricSql(where.toString(), Map.copyOf(params));
    }

    private static Map<String, Object> period(MetricQuery q, List<Long> halls) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", q.from());
        params.put("to", q.to());
        params.put("halls", halls);
        return params;
    }

    String appointmentCount() {
        return "select count(*) from oneseal.appointment a join oneseal.appointment_slot s on s.id = a.slot_id where "
                + where;
    }

    String appointmentRecords() {
        return """
                select s.day, s.starts, s.ends, s.hall_id, s.group_code, s.kind, a.matter_id, a.state
                from oneseal.appointment a join oneseal.appointment_slot s on s.id = a.slot_id
                where\s""" + where + " order by s.day, s.starts, a.id offset :offset limit :limit";
    }

    /** The number of tickets and their mean wait in minutes (seconds from issue to call / 60). */
    String ticketFigures() {
        return """
                select count(*) as n, avg(extract(epoch from t.called_at - t.issued_at)) / 60 as wait
                from oneseal.queue_ticket t where\s""" + where;
    }

    String ticketRecords() {
        return """
                select t.day, t.number, t.hall_id, t.group_code, t.issued_at, t.called_at, t.window_id, t.state,
                       extract(epoch from t.called_at - t.issued_at) / 60 as wait
                from oneseal.queue_ticket t where\s""" + where + " order by t.day, t.id offset :offset limit :limit";
    }
}

package org.oneseal.hall;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oneseal.shared.metrics.MetricQuery;

/**
 * The one condition of each hall metric, used by its figure and by its records alike: the halls of the query's
 * regions, the period, the figure's own part and, for the queue figures, the window and the staff member who called.
 * The figures of one kind are counted together, one statement scanning the period's appointments or tickets once,
 * each figure with its own part as a {@code filter}; the records of one figure are read with its part in the
 * condition, in chunks ({@code :offset} for the first, after the last key of the one before for the next).
 *
 * @param where  the condition on {@code appointment a join appointment_slot s} or on {@code queue_ticket t}
 * @param params its parameters
 */
record HallMetricSql(String where, Map<String, Object> params) {

    /** What an appointment figure counts of the appointments of the period's slots at the halls. */
    enum Appointments {
        /** taken up (served or arrived) in extended, staggered or holiday hours */
        OUTSIDE_NORMAL_HOURS("s.kind in ('EXTENDED', 'STAGGERED', 'HOLIDAY') and a.state in ('SERVED', 'ARRIVED')"),
        /** not cancelled */
        STOOD("a.state <> 'CANCELLED'");

        private final String condition;

        Appointments(String condition) {
            this.condition = condition;
        }
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

    /** The appointments of the period's slots at the halls (every part). */
    static HallMetricSql appointments(MetricQuery q, List<Long> halls) {
        return new HallMetricSql("s.day between :from and :to and s.hall_id in (:halls)", Map.copyOf(period(q, halls)));
    }

    /** The appointments one figure counts. */
    static HallMetricSql appointments(MetricQuery q, List<Long> halls, Appointments part) {
        HallMetricSql all = appointments(q, halls);
        return new HallMetricSql(all.where + " and " + part.condition, all.params);
    }

    /** The tickets of the period at the halls, of the query's window and staff member if asked (every part). */
    static HallMetricSql tickets(MetricQuery q, List<Long> halls) {
        Map<String, Object> params = period(q, halls);
        StringBuilder where = new StringBuilder("t.day between :from and :to and t.hall_id in (:halls)");
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

    /** The tickets one figure counts. */
    static HallMetricSql tickets(MetricQuery q, List<Long> halls, Tickets part) {
        HallMetricSql all = tickets(q, halls);
        return new HallMetricSql(all.where + " and " + part.condition, all.params);
    }

    private static Map<String, Object> period(MetricQuery q, List<Long> halls) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", q.from());
        params.put("to", q.to());
        params.put("halls", halls);
        return params;
    }

    /** On {@link #appointments(MetricQuery, List)}: the count of each part, in the order of {@link Appointments}. */
    String appointmentCounts() {
        return "select " + String.join(", ", java.util.Arrays.stream(Appointments.values())
                .map(p -> "count(*) filter (where " + p.condition + ")").toList())
                + " from oneseal.appointment a join oneseal.appointment_slot s on s.id = a.slot_id where " + where;
    }

    /** One chunk of the appointments, by day, start and id. */
    String appointmentRecords(boolean continued) {
        return """
                select a.id, s.day, s.starts, s.ends, s.hall_id, s.group_code, s.kind, a.matter_id, a.state
                from oneseal.appointment a join oneseal.appointment_slot s on s.id = a.slot_id
                where\s""" + where + (continued ? " and (s.day, s.starts, a.id) > (cast(:lastDay as date),"
                        + " cast(:lastStarts as time), :lastId)" : "")
                + " order by s.day, s.starts, a.id limit :limit" + (continued ? "" : " offset :offset");
    }

    /**
     * On {@link #tickets(MetricQuery, List)}: the count of each part (in the order of {@link Tickets}) and the mean
     * wait for a call of the called ones, in minutes (seconds from issue to call / 60).
     */
    String ticketFigures() {
        return "select " + String.join(", ", java.util.Arrays.stream(Tickets.values())
                .map(p -> "count(*) filter (where " + p.condition + ")").toList())
                + ", avg(extract(epoch from t.called_at - t.issued_at)) filter (where " + Tickets.CALLED.condition
                + ") / 60 as wait from oneseal.queue_ticket t where " + where;
    }

    /** One chunk of the tickets, by day and id (index queue_ticket_day_idx). */
    String ticketRecords(boolean continued) {
        return """
                select t.id, t.day, t.number, t.hall_id, t.group_code, t.issued_at, t.called_at, t.window_id, t.state,
                       extract(epoch from t.called_at - t.issued_at) / 60 as wait
                from oneseal.queue_ticket t where\s""" + where
                + (continued ? " and (t.day, t.id) > (cast(:lastDay as date), :lastId)" : "")
                + " order by t.day, t.id limit :limit" + (continued ? "" : " offset :offset");
    }
}

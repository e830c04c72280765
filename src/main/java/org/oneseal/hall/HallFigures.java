package org.oneseal.hall;

import java.time.LocalDate;
import java.util.Map;
import org.oneseal.identity.CurrentUser;
import org.oneseal.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hall figures for the statistics module: appointments by kind of hours (normal, extended, staggered, holiday) and
 * their outcome (served, no-show, cancelled), tickets issued, and the mean and 90th-percentile waiting and service
 * times, over a period, for the halls of the caller's scope.
 */
@Service
public class HallFigures {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final HallMessages messages;

    HallFigures(JdbcClient jdbc, CurrentUser currentUser, HallMessages messages) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    /** Appointments per kind of hours and outcome; tickets; times in minutes. */
    public record Figures(LocalDate from, LocalDate to, Map<String, Map<String, Long>> appointments, long tickets,
                          long walkIns, Double meanWaitMinutes, Double p90WaitMinutes, Double meanServiceMinutes,
                          long absent) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('hall:read')")
    public Figures figures(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || to.isAfter(from.plusYears(1))) {
            throw InvalidInputException.of("to", messages.text("hall.figures.period"));
        }
        var scope = currentUser.scope();
        String halls = "hall_id in (select id from oneseal.org_unit where " + scope.condition("region_id") + ")";
        Map<String, Map<String, Long>> appointments = new java.util.TreeMap<>();
        scope.bind(jdbc.sql("""
                        select s.kind, a.state, count(*) from oneseal.appointment a join oneseal.appointment_slot s on s.id = a.slot_id
                        where s.day between :from and :to and s.""" + halls + " group by s.kind, a.state"))
                .param("from", from).param("to", to).query(rs -> {
                    appointments.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                });
        Map<String, Object> t = scope.bind(jdbc.sql("""
                        select count(*) tickets, count(*) filter (where appointment_id is null and transferred_from is null) walk_ins,
                               avg(extract(epoch from called_at - issued_at) / 60) mean_wait,
                               percentile_cont(0.9) within group (order by extract(epoch from called_at - issued_at) / 60) p90_wait,
                               avg(extract(epoch from finished_at - called_at) / 60) filter (where state = 'DONE') mean_service,
                               count(*) filter (where state = 'ABSENT') absent
                        from oneseal.queue_ticket where day between :from and :to and""" + " " + halls))
                .param("from", from).param("to", to).query().singleRow();
        return new Figures(from, to, appointments, ((Number) t.get("tickets")).longValue(),
                ((Number) t.get("walk_ins")).longValue(), number(t.get("mean_wait")), number(t.get("p90_wait")),
                number(t.get("mean_service")), ((Number) t.get("absent")).longValue());
    }

    private static Double number(Object o) {
        return o == null ? null : Math.round(((Number) o).doubleValue() * 10) / 10.0;
    }
}

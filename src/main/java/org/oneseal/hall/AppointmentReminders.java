package org.oneseal.hall;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.oneseal.identity.OrganisationManagement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 预约提醒: every evening (one node at a time) each appointment of the next day still booked is reminded of once — the
 * mark and the event in one transaction, so a crash neither loses nor repeats a reminder.
 */
@Component
class AppointmentReminders {

    private final JdbcClient jdbc;
    private final OrganisationManagement organisation;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    AppointmentReminders(JdbcClient jdbc, OrganisationManagement organisation, ApplicationEventPublisher events,
            TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${oneseal.hall.reminder-cron:0 0 18 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "hall-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void scheduled() {
        remind();
    }

    /** Returns how many reminders were sent. */
    int remind() {
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        List<Long> due = jdbc.sql("""
                select a.id from oneseal.appointment a join oneseal.appointment_slot s on s.id = a.slot_id
                where a.state = 'BOOKED' and a.reminded_at is null and s.day = :day order by a.id""")
                .param("day", tomorrow).query(Long.class).list();
        Map<Long, String> names = organisation.unitNames();
        int sent = 0;
        for (long id : due) {
            Boolean done = tx.execute(s -> {
                var row = jdbc.sql("""
                        update oneseal.appointment a set reminded_at = :at from oneseal.appointment_slot s
                        where a.id = :id and s.id = a.slot_id and a.state = 'BOOKED' and a.reminded_at is null
                        returning a.account_id, a.code, s.day, s.starts, s.hall_id""")
                        .param("at", Timestamp.from(clock.instant())).param("id", id).query().listOfRows();
                if (row.isEmpty()) {
                    return false;
                }
                var r = row.getFirst();
                events.publishEvent(new AppointmentReminderDue(id, ((Number) r.get("account_id")).longValue(),
                        (String) r.get("code"), ((java.sql.Date) r.get("day")).toLocalDate(),
                        ((java.sql.Time) r.get("starts")).toLocalTime(),
                        names.getOrDefault(((Number) r.get("hall_id")).longValue(), ""), clock.instant()));
                return true;
            });
            sent += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return sent;
    }
}

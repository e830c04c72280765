package org.oneseal.hall;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 爽约: an appointment still BOOKED when its slot has ended (nobody took a ticket with it) is recorded as a no-show —
 * every 15 minutes, one node at a time; idempotent.
 */
@Component
class NoShows {

    private final JdbcClient jdbc;
    private final Clock clock;

    NoShows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${oneseal.hall.no-show-cron:0 */15 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "hall-no-shows", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void scheduled() {
        mark();
    }

    /** Returns how many appointments became no-shows. */
    int mark() {
        return jdbc.sql("""
                update oneseal.appointment a set state = 'NO_SHOW' from oneseal.appointment_slot s
                where s.id = a.slot_id and a.state = 'BOOKED' and (s.day < :today or (s.day = :today and s.ends <= :now))""")
                .param("today", LocalDate.now(clock)).param("now", LocalTime.now(clock)).update();
    }
}

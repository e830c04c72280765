package org.oneseal.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.oneseal.calendar.WorkingDayCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 超期标记: a scheduled job (one node at a time, once per tick across nodes) that marks open cases past their
 * promised due date as overdue, and unmarks them when the due date moved (extension, pause). Each case changes
 * in a transaction of its own and the candidates are read afresh on every run, so a run cut off midway (its
 * node killed) leaves the rest to the next run, on whichever node.
 */
@Component
class OverdueMarking {

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final WorkingDayCalendar calendar;
    private final TransactionTemplate tx;
    private final Clock clock;

    OverdueMarking(JdbcClient jdbc, CaseRepository cases, WorkingDayCalendar calendar, TransactionTemplate tx,
            Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.calendar = calendar;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${oneseal.casework.overdue-cron:0 5 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "casework-overdue",
            lockAtMostFor = "${oneseal.casework.overdue-lock-at-most-for:PT30M}",
            lockAtLeastFor = "${oneseal.casework.overdue-lock-at-least-for:PT1M}")
    public void scheduled() {
        markAll();
    }

    /** Returns how many cases changed their overdue mark. */
    int markAll() {
        LocalDate today = LocalDate.now(clock);
        List<Long> candidates = jdbc.sql("""
                select id from oneseal.case_file
                where concluded_on is null and decided_on is null
                  and (overdue or promised_due < :today or (status = 'SUBMITTED' and receipt_due < :today))""").param("today", today).query(Long.class).list();
        int changed = 0;
        for (long id : candidates) {
            Boolean moved = tx.execute(s -> cases.lock(id).map(file -> {
                boolean c = file.markOverdue(today, calendar);
                if (c) {
                    cases.save(file);
                }
                return c;
            }).orElse(false));
            changed += Boolean.TRUE.equals(moved) ? 1 : 0;
        }
        return changed;
    }
}

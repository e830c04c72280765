package org.oneseal.partybuilding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deadlines of rectification items (hourly, one node at a time; idempotent): an open item whose deadline is within
 * {@code oneseal.party.reminder-days} (default 3) is marked reminded — it shows as due soon on its owner's and its
 * branch's pages — and one past its deadline is marked overdue; each once, with a step in the item's history. Each item
 * changes in a transaction of its own; the candidates are read afresh on every run.
 */
@Component
class RectificationDeadlines {

    private final JdbcClient jdbc;
    private final RectificationHistory history;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int reminderDays;

    RectificationDeadlines(JdbcClient jdbc, RectificationHistory history, TransactionTemplate tx,
            Clock clock, @Value("${oneseal.party.reminder-days:3}") int reminderDays) {
        if (reminderDays < 0 || reminderDays > 30) {
            throw new IllegalStateException("oneseal.party.reminder-days must be between 0 and 30, not " + reminderDays);
        }
        this.jdbc = jdbc;
        this.history = history;
        this.tx = tx;
        this.clock = clock;
        this.reminderDays = reminderDays;
    }

    @Scheduled(cron = "${oneseal.party.rectification-cron:0 25 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "party-rectification-deadlines", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void scheduled() {
        mark();
    }

    /** Returns how many items were reminded or marked overdue. */
    int mark() {
        LocalDate today = LocalDate.now(clock);
        int n = 0;
        for (long id : ids("overdue_since is null and deadline < :today", today)) {
            n += once(id, "update oneseal.party_rectification_item set overdue_since = :today where id = :id "
                    + "and status = 'OPEN' and overdue_since is null", today, "OVERDUE");
        }
        for (long id : ids("reminded_on is null and deadline between :today and :today + " + reminderDays, today)) {
            n += once(id, "update oneseal.party_rectification_item set reminded_on = :today where id = :id "
                    + "and status = 'OPEN' and reminded_on is null", today, "REMINDED");
        }
        return n;
    }

    private List<Long> ids(String condition, LocalDate today) {
        return jdbc.sql("select id from oneseal.party_rectification_item where status = 'OPEN' and " + condition
                + " order by id").param("today", today).query(Long.class).list();
    }

    private int once(long id, String update, LocalDate today, String kind) {
        Integer changed = tx.execute(s -> {
            int u = jdbc.sql(update).param("today", today).param("id", id).update();
            if (u == 1) {
                LocalDate deadline = jdbc.sql("select deadline from oneseal.party_rectification_item where id = :id")
                        .param("id", id).query(LocalDate.class).single();
                history.add(id, kind, deadline.toString(), null); // the note: the deadline (shown with the step's label)
            }
            return u;
        });
        return changed == null ? 0 : changed;
    }
}

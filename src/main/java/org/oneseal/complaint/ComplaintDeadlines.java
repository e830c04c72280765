package org.oneseal.complaint;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalation of 办不成事 (one node at a time, hourly): an open complaint past its deadline, or an office's chase past
 * its own without a reply, is escalated to the chiefs of the region (marked, shown first on their list, recorded in
 * the history) — once each. Each item changes in a transaction of its own; the candidates are read afresh.
 */
@Component
class ComplaintDeadlines {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    ComplaintDeadlines(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${oneseal.complaint.deadline-cron:0 20 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "complaint-deadlines", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void scheduled() {
        escalate();
    }

    /** Returns how many complaints and chases were escalated. */
    int escalate() {
        LocalDate today = LocalDate.now(clock);
        int n = 0;
        for (long id : jdbc.sql("""
                select id from oneseal.complaint where state in ('ASSIGNED', 'UNASSIGNED', 'COORDINATING')
                and escalated_at is null and due_on < :today order by id""").param("today", today)
                .query(Long.class).list()) {
            n += once("update oneseal.complaint set escalated_at = :at where id = :id and escalated_at is null", id, id,
                    "overdue: escalated to the chiefs of the region");
        }
        for (var chase : jdbc.sql("""
                select x.id, x.complaint_id from oneseal.complaint_chase x join oneseal.complaint c on c.id = x.complaint_id
                where x.reply is null and x.escalated_at is null and x.due_on < :today
                and c.state in ('ASSIGNED', 'UNASSIGNED', 'COORDINATING') order by x.id""").param("today", today).query().listOfRows()) {
            long chaseId = ((Number) chase.get("id")).longValue();
            n += once("update oneseal.complaint_chase set escalated_at = :at where id = :id and escalated_at is null",
                    chaseId, ((Number) chase.get("complaint_id")).longValue(), "an office did not reply by its deadline");
        }
        return n;
    }

    private int once(String update, long id, long complaintId, String note) {
        Integer changed = tx.execute(s -> {
            int u = jdbc.sql(update).param("at", Timestamp.from(clock.instant())).param("id", id).update();
            if (u == 1) {
                jdbc.sql("""
                        insert into oneseal.complaint_event (complaint_id, kind, actor, note, at)
                        values (:id, 'ESCALATED', null, :note, :at)""")
                        .param("id", complaintId).param("note", note).param("at", Timestamp.from(clock.instant())).update();
            }
            return u;
        });
        return changed == null ? 0 : changed;
    }
}

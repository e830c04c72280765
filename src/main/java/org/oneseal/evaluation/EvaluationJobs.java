package org.oneseal.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.oneseal.calendar.WorkingDayCalendar;
import org.oneseal.casework.CaseQueries;
import org.oneseal.casework.CaseStatusChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module's scheduled work, each one node at a time: the deadlines of rectifications (a warning the working day
 * before, an escalation to the region's leaders once overdue), the invitation to rate a case concluded 3 days ago
 * with no rating, and the daily roll-up of the figures. Each item changes in a transaction of its own and the
 * candidates are read afresh on every run, so a run cut off midway leaves the rest to the next one.
 */
@Component
class EvaluationJobs {

    static final int INVITE_AFTER_DAYS = 3;

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final CaseQueries cases;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    EvaluationJobs(JdbcClient jdbc, WorkingDayCalendar calendar, CaseQueries cases, ApplicationEventPublisher events,
            TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.cases = cases;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${oneseal.evaluation.deadline-cron:0 15 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "evaluation-deadlines", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void scheduledDeadlines() {
        deadlines();
    }

    @Scheduled(cron = "${oneseal.evaluation.invitation-cron:0 0 10 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "evaluation-invitations", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void scheduledInvitations() {
        invitations();
    }

    @Scheduled(cron = "${oneseal.evaluation.rollup-cron:0 30 0 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "evaluation-rollup", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    public void scheduledRollup() {
        rollup();
    }

    /** Warns of rectifications due by the next working day, escalates overdue ones; returns how many changed. */
    int deadlines() {
        LocalDate today = LocalDate.now(clock);
        LocalDate warnBy = calendar.addWorkingDays(today, 1);
        int changed = 0;
        for (long id : jdbc.sql("""
                select id from oneseal.rectification where state not in ('CLOSED', 'EXCLUDED') and warned_at is null
                and due_on <= :warnBy and due_on >= :today order by id""").param("warnBy", warnBy).param("today", today)
                .query(Long.class).list()) {
            changed += mark(id, "warned_at", "WARNED", "due soon");
        }
        for (long id : jdbc.sql("""
                select id from oneseal.rectification where state not in ('CLOSED', 'EXCLUDED') and escalated_at is null
                and due_on < :today order by id""").param("today", today).query(Long.class).list()) {
            changed += mark(id, "escalated_at", "ESCALATED", "overdue: escalated to the region's leaders");
        }
        return changed;
    }

    private int mark(long id, String column, String kind, String note) {
        Integer n = tx.execute(s -> {
            int updated = jdbc.sql("update oneseal.rectification set " + column + " = :at where id = :id and " + column
                            + " is null and state not in ('CLOSED', 'EXCLUDED')")
                    .param("at", Timestamp.from(clock.instant())).param("id", id).update();
            if (updated == 1) {
                jdbc.sql("""
                        insert into oneseal.rectification_event (rectification_id, kind, actor, note, at)
                        values (:id, :kind, null, :note, :at)""").param("id", id).param("kind", kind).param("note", note)
                        .param("at", Timestamp.from(clock.instant())).update();
            }
            return updated;
        });
        return n == null ? 0 : n;
    }

    /**
     * Invites the applicant of every case concluded 3 to 30 days ago with no rating of its conclusion (once per case):
     * a message through the notification module, pointing at the case's rating page.
     */
    int invitations() {
        LocalDate today = LocalDate.now(clock);
        int sent = 0;
        for (long caseId : cases.concludedWithAccount(today.minusDays(30), today.minusDays(INVITE_AFTER_DAYS))) {
            Boolean done = tx.execute(s -> {
                boolean rated = jdbc.sql("select exists (select 1 from oneseal.rating where case_id = :id and step = 'CONCLUSION')")
                        .param("id", caseId).query(Boolean.class).single();
                if (rated || jdbc.sql("insert into oneseal.rating_invitation (case_id, sent_at) values (:id, :at) on conflict do nothing")
                        .param("id", caseId).param("at", Timestamp.from(clock.instant())).update() == 0) {
                    return false;
                }
                cases.rated(caseId).ifPresent(c -> events.publishEvent(new CaseStatusChanged(c.id(), c.caseNumber(),
                        c.matterName(), c.applicantAccountId(), c.regionId(), "RATING_INVITED", c.status(), null, null,
                        clock.instant(), null)));
                return true;
            });
            sent += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return sent;
    }

    /** Rolls up every day before today that is not (or no longer) rolled up; returns how many days. */
    int rollup() {
        List<LocalDate> days = jdbc.sql("select day from oneseal.rating_day where not rolled and day < :today order by day")
                .param("today", LocalDate.now(clock)).query(LocalDate.class).list();
        for (LocalDate day : days) {
            tx.executeWithoutResult(s -> {
                jdbc.sql("select day from oneseal.rating_day where day = :day for update").param("day", day)
                        .query(LocalDate.class).single();
                jdbc.sql("delete from oneseal.rating_daily where day = :day").param("day", day).update();
                jdbc.sql("""
                        insert into oneseal.rating_daily (day, region_id, department_id, matter_id, window_id, staff, channel,
                            face_to_face, object_type, total, level5, level4, level3, level2, level1, excluded)
                        select day, region_id, department_id, matter_id, window_id, handled_by, channel, face_to_face,
                               object_type, count(*),
                               count(*) filter (where level = 5 and not excluded), count(*) filter (where level = 4 and not excluded),
                               count(*) filter (where level = 3 and not excluded), count(*) filter (where level = 2 and not excluded),
                               count(*) filter (where level = 1 and not excluded), count(*) filter (where excluded)
                        from oneseal.rating where day = :day
                        group by day, region_id, department_id, matter_id, window_id, handled_by, channel, face_to_face,
                                 object_type""").param("day", day).update();
                jdbc.sql("update oneseal.rating_day set rolled = true where day = :day").param("day", day).update();
            });
        }
        return days.size();
    }
}

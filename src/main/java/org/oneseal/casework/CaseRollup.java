package org.oneseal.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 办件日汇总: rolls each day before today up into {@code case_daily} (what happened that day, per region, department,
 * matter, channel and member of staff) and {@code case_stock_daily} (what was open and overdue at its end), the tables
 * the case figures read for rolled days. A change to a case un-rolls the days it touches (trigger of V68); this job,
 * one node at a time, rolls them again, each day in a transaction of its own (so a run cut off midway leaves the rest
 * to the next run). Every day from the first case on gets a row, also a day without any case: its stock is rolled too.
 */
@Component
class CaseRollup {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    CaseRollup(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${oneseal.casework.rollup-cron:0 40 0 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "casework-rollup", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    public void scheduled() {
        rollUp();
    }

    /** Rolls every day before today that is not (or no longer) rolled up; returns how many days. */
    int rollUp() {
        LocalDate today = LocalDate.now(clock);
        tx.executeWithoutResult(s -> jdbc.sql("""
                insert into oneseal.case_day (day, rolled)
                select d::date, false from generate_series(
                    (select min(%s) from oneseal.case_file where status <> 'DRAFT'), cast(:yesterday as date),
                    interval '1 day') d
                on conflict (day) do nothing""".formatted(CaseFacts.SUBMITTED_ON))
                .param("yesterday", today.minusDays(1)).update());
        List<LocalDate> days = jdbc.sql("select day from oneseal.case_day where not rolled and day < :today order by day")
                .param("today", today).query(LocalDate.class).list();
        days.forEach(this::roll);
        return days.size();
    }

    /** Rolls one day up (again), whatever its state. */
    void roll(LocalDate day) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("insert into oneseal.case_day (day, rolled) values (:day, false) on conflict (day) do nothing")
                    .param("day", day).update();
            // a change to a case of this day waits for this transaction, or this one for it (the trigger locks the day)
            jdbc.sql("select day from oneseal.case_day where day = :day for update").param("day", day)
                    .query(LocalDate.class).single();
            jdbc.sql("delete from oneseal.case_daily where day = :day").param("day", day).update();
            String columns = CaseFacts.Measure.columns();
            String sums = CaseFacts.measures().stream().map(m -> "sum(" + m.column + ")")
                    .collect(java.util.stream.Collectors.joining(", "));
            jdbc.sql("insert into oneseal.case_daily (day, " + CaseFacts.DIMENSIONS + ", " + columns + ")\n"
                            + "select cast(:day as date), " + CaseFacts.DIMENSIONS + ", " + sums + " from (\n"
                            + CaseFacts.factRows("= :day", "true", true) + "\n) f group by " + CaseFacts.DIMENSIONS)
                    .param("day", day).update();
            jdbc.sql("delete from oneseal.case_stock_daily where day = :day").param("day", day).update();
            jdbc.sql("""
                    insert into oneseal.case_stock_daily (day, %1$s, open, overdue)
                    select cast(:day as date), %1$s, count(*), count(*) filter (where %2$s)
                    from oneseal.case_file where %3$s group by %1$s""".formatted(CaseFacts.DIMENSIONS,
                            CaseFacts.OVERDUE_AT, CaseFacts.OPEN_AT))
                    .param("day", day).update();
            jdbc.sql("update oneseal.case_day set rolled = true where day = :day").param("day", day).update();
        });
    }
}

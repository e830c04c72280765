package org.oneseal.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Table {@code job_run}: one row per run of a scheduled job. Each statement commits on its own (the scheduler
 * thread has no transaction), so a run's row is visible while the job works and stays behind when its node
 * dies. Times are the database's clock, as for the ShedLock table, so that rows of several nodes compare.
 */
@Component
class JobRunLog {

    static final int MAX_ERROR_LENGTH = 500;

    private final JdbcClient jdbc;
    private final Duration retention;

    JobRunLog(JdbcClient jdbc, @Value("${oneseal.jobs.run-retention:P90D}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /**
     * Records the start of the job's run for this tick; empty when another run (another node) already took the
     * tick. Called under the job's cluster lock: any other run of the job still RUNNING belongs to a node that
     * stopped mid-run (or outran the lock), and is marked ABANDONED. Rows older than the retention are removed.
     */
    Optional<Long> start(String job, Instant tick, String node) {
        Optional<Long> run = jdbc.sql("""
                insert into oneseal.job_run (job_name, tick, node_id) values (:job, :tick, :node)
                on conflict (job_name, tick) do nothing
                returning id""")
                .param("job", job).param("tick", utc(tick)).param("node", node)
                .query(Long.class).optional();
        run.ifPresent(id -> {
            jdbc.sql("""
                    update oneseal.job_run set outcome = 'ABANDONED', finished_at = clock_timestamp()
                    where job_name = :job and outcome = 'RUNNING' and id <> :id""")
                    .param("job", job).param("id", id).update();
            jdbc.sql("delete from oneseal.job_run where job_name = :job and tick < :before")
                    .param("job", job).param("before", utc(tick.minus(retention))).update();
        });
        return run;
    }

    void succeeded(long run) {
        finish(run, "SUCCEEDED", null);
    }

    void failed(long run, Throwable error) {
        String text = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        finish(run, "FAILED", text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH));
    }

    private void finish(long run, String outcome, String error) {
        jdbc.sql("update oneseal.job_run set outcome = :outcome, error = :error, finished_at = clock_timestamp() where id = :id")
                .param("outcome", outcome).param("error", error).param("id", run).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

package org.oneseal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oneseal.audit.AuditTestSupport.uniqueAction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Many writers at once: one straight chain, consecutive seqs, no fork, nothing lost. */
@IntegrationTest
class ConcurrentAppendTests {

    static final int THREADS = 20;
    static final int ENTRIES_PER_THREAD = 40;

    @Autowired AuditLog auditLog;
    @Autowired ChainVerifier verifier;
    @Autowired HeadFile headFile;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void twentyConcurrentWritersNeverForkTheChain() throws Exception {
        AuditTestSupport.removeHeadFile(headFile);
        String action = uniqueAction("concurrent");
        long headBefore = head();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            writers.add(pool.submit(() -> write(start, action, thread)));
        }
        start.countDown();
        int committed = 0;
        for (Future<Integer> writer : writers) {
            committed += writer.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where action = ?").param(action)
                .query(Long.class).single()).isEqualTo(committed);
        long added = jdbc.sql("select count(*) from oneseal.audit_entry where seq > ?").param(headBefore)
                .query(Long.class).single();
        assertThat(head() - headBefore).as("seq strictly consecutive").isEqualTo(added);
        assertThat(jdbc.sql("select count(*) from (select prev_hash from oneseal.audit_entry "
                + "group by prev_hash having count(*) > 1) forks").query(Long.class).single()).as("forks").isZero();
        ChainVerification result = verifier.verify(Locale.SIMPLIFIED_CHINESE);
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.lastSeq()).isGreaterThanOrEqualTo(headBefore + committed);
    }

    /** Every seventh entry is written in a transaction that rolls back: it must leave no gap. */
    private int write(CountDownLatch start, String action, int thread) throws InterruptedException {
        start.await();
        int committed = 0;
        for (int i = 0; i < ENTRIES_PER_THREAD; i++) {
            AuditRecord record = AuditRecord.of(action, "Writer", thread + "-" + i).actor("writer-" + thread);
            if (i % 7 == 3) {
                transaction.executeWithoutResult(status -> {
                    auditLog.record(record);
                    status.setRollbackOnly();
                });
            } else {
                auditLog.record(record);
                committed++;
            }
        }
        return committed;
    }

    private long head() {
        return jdbc.sql("select coalesce(max(seq), 0) from oneseal.audit_entry").query(Long.class).single();
    }
}

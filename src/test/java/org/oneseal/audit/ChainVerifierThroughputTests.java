package org.oneseal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies a long chain (written directly, in a transaction that is rolled back) and logs the rate. The
 * rate is reported, not asserted: timing claims belong in bench/.
 */
@IntegrationTest
class ChainVerifierThroughputTests {

    static final int ENTRIES = 60_000;
    private static final Logger log = LoggerFactory.getLogger(ChainVerifierThroughputTests.class);

    @Autowired ChainVerifier verifier;
    @Autowired AuditEntryStore store;
    @Autowired HeadFile headFile;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired Clock clock;

    @Test
    void aLongChainIsVerifiedInBatches() {
        AuditTestSupport.removeHeadFile(headFile);
        ChainVerification result = transaction.execute(status -> {
            appendDirectly(ENTRIES);
            ChainVerification r = verifier.verify(Locale.SIMPLIFIED_CHINESE);
            status.setRollbackOnly();
            return r;
        });
        log.info("verified {} audit entries in {} ms: {} entries/s", result.entriesChecked(),
                result.took().toMillis(), result.entriesPerSecond());
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entriesChecked()).isGreaterThanOrEqualTo(ENTRIES);
    }

    /** Chained entries written by batch insert, as the application would have written them one by one. */
    private void appendDirectly(int n) {
        store.lockChain();
        AuditHead head = store.head().orElseGet(AuditHead::empty);
        String prev = head.hash();
        Instant at = ChainHashing.toStoredPrecision(clock.instant());
        List<Object[]> batch = new ArrayList<>();
        for (long seq = head.seq() + 1; seq <= head.seq() + n; seq++) {
            StoredEntry e = new StoredEntry(seq, at.plusMillis(seq), "bulk-" + (seq % 17), null,
                    "test.throughput.write", "Case", "C-" + seq, "SUCCESS", "批量写入的测试记录", 3202L, "10.0.0.1",
                    prev, null).sealed();
            batch.add(new Object[] {e.seq(), java.time.OffsetDateTime.ofInstant(e.occurredAt(), java.time.ZoneOffset.UTC),
                e.actor(), e.action(), e.objectType(), e.objectId(), e.outcome(), e.reason(), e.regionId(),
                e.clientIp(), e.prevHash(), e.hash()});
            prev = e.hash();
        }
        jdbc.batchUpdate("insert into oneseal.audit_entry (seq, occurred_at, actor, action, object_type, object_id, "
                + "outcome, reason, region_id, client_ip, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch);
    }
}

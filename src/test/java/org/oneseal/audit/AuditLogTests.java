package org.oneseal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oneseal.audit.AuditTestSupport.lastSeq;
import static org.oneseal.audit.AuditTestSupport.uniqueAction;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Writing entries: who, from where, when, in whose transaction, and that entries cannot be changed. */
@IntegrationTest
class AuditLogTests {

    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired AuditChainer chainer;
    @Autowired ChainVerifier verifier;

    @BeforeAll
    static void scratchTable(@Autowired JdbcClient jdbc) {
        jdbc.sql("create table if not exists oneseal.audit_test_scratch (id varchar(40) primary key)").update();
    }

    @AfterAll
    static void dropScratchTable(@Autowired JdbcClient jdbc) {
        jdbc.sql("drop table if exists oneseal.audit_test_scratch").update();
    }

    @Test
    void anEntryHoldsEveryFieldAndLinksToThePreviousOne() {
        String action = uniqueAction("fields");
        auditLog.record(AuditRecord.of(action, null, null));
        long previous = lastSeq(jdbc, action);
        auditLog.record(new AuditRecord("wang.wu", "li.si", action, "Case", "C-1", AuditOutcome.DENIED,
                "超出数据范围", 3202L));
        long seq = lastSeq(jdbc, action);
        Map<String, Object> row = row(seq);
        assertThat(row).containsEntry("actor", "wang.wu").containsEntry("acting_for", "li.si")
                .containsEntry("action", action).containsEntry("object_type", "Case")
                .containsEntry("object_id", "C-1").containsEntry("outcome", "DENIED")
                .containsEntry("reason", "超出数据范围").containsEntry("region_id", 3202L);
        assertThat(seq).isEqualTo(previous + 1);
        assertThat(row.get("prev_hash")).isEqualTo(row(previous).get("hash"));
        OffsetDateTime at = jdbc.sql("select occurred_at from oneseal.audit_entry where seq = ?").param(seq)
                .query(OffsetDateTime.class).single();
        assertThat(at).isCloseTo(OffsetDateTime.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
    }

    @Test
    void actorIsAnonymousWithoutAuthenticationAndIpIsEmptyWithoutRequest() {
        RequestContextHolder.resetRequestAttributes(); // the test framework provides a mock request
        String action = uniqueAction("anon");
        auditLog.record(AuditRecord.of(action, null, null));
        assertThat(row(lastSeq(jdbc, action))).containsEntry("actor", "anonymous").containsEntry("client_ip", null);
    }

    @Test
    @WithMockUser("zhao.liu")
    void actorIsTheAuthenticatedUserUnlessGiven() {
        String action = uniqueAction("auth");
        auditLog.record(AuditRecord.of(action, null, null));
        assertThat(row(lastSeq(jdbc, action))).containsEntry("actor", "zhao.liu");
        auditLog.record(AuditRecord.of(action, null, null).actor("system"));
        assertThat(row(lastSeq(jdbc, action))).containsEntry("actor", "system");
    }

    @Test
    void clientIpComesFromTheCurrentRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.20.30.40");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            String action = uniqueAction("ip");
            auditLog.record(AuditRecord.of(action, null, null));
            assertThat(row(lastSeq(jdbc, action))).containsEntry("client_ip", "10.20.30.40");
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Test
    void aFailedAuditWriteRollsBackTheCallersChange() {
        long headBefore = head();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.sql("insert into oneseal.audit_test_scratch (id) values ('rolled-back')").update();
            auditLog.record(AuditRecord.of("x".repeat(101), null, null)); // longer than the action column allows
        })).isInstanceOf(DataAccessException.class);
        assertThat(jdbc.sql("select count(*) from oneseal.audit_test_scratch where id = 'rolled-back'")
                .query(Long.class).single()).isZero();
        assertThat(head()).isEqualTo(headBefore);
    }

    @Test
    void anEntryOfARolledBackTransactionLeavesNoGap() {
        String action = uniqueAction("rollback");
        long headBefore = head();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("insert into oneseal.audit_test_scratch (id) values ('gone')").update();
            auditLog.record(AuditRecord.of(action, null, null));
            status.setRollbackOnly();
        });
        assertThat(head()).isEqualTo(headBefore);
        auditLog.record(AuditRecord.of(action, null, null));
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where action = ?").param(action)
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where seq > ?").param(headBefore)
                .query(Long.class).single()).as("no gap").isEqualTo(head() - headBefore);
    }

    @Test
    void entriesLeftPendingByAStoppedNodeAreChainedByTheNextPass() {
        String action = uniqueAction("left-pending");
        // what a node leaves when it dies between its commit and the chainer's pass
        jdbc.sql("insert into oneseal.audit_pending (occurred_at, actor, action, outcome) "
                + "values (now(), 'node-a', ?, 'SUCCESS'), (now(), 'node-a', ?, 'SUCCESS')")
                .params(action, action).update();
        long headBefore = head();

        assertThat(chainer.awaitChained()).isTrue();

        assertThat(jdbc.sql("select seq from oneseal.audit_entry where action = ? order by seq").param(action)
                .query(Long.class).list()).hasSize(2).allMatch(seq -> seq > headBefore);
        assertThat(jdbc.sql("select count(*) from oneseal.audit_pending where action = ?").param(action)
                .query(Long.class).single()).isZero();
        ChainVerification result = verifier.verify(java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(result.intact()).as(result.problem()).isTrue();
    }

    @Test
    void aCommittedEntryIsInTheChainWhenTheCallReturns() {
        String action = uniqueAction("at-once");
        for (int i = 0; i < 5; i++) {
            auditLog.record(AuditRecord.of(action, "Thing", String.valueOf(i)));
            assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where action = ?").param(action)
                    .query(Long.class).single()).isEqualTo(i + 1L);
        }
        assertThat(jdbc.sql("select count(*) from oneseal.audit_pending where action = ?").param(action)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anIndependentEntryStaysWhenTheCallerRollsBack() {
        String action = uniqueAction("independent");
        transaction.executeWithoutResult(status -> {
            auditLog.recordIndependently(AuditRecord.of(action, null, null).outcome(AuditOutcome.FAILURE));
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("select outcome from oneseal.audit_entry where action = ?").param(action)
                .query(String.class).single()).isEqualTo("FAILURE");
    }

    @Test
    void anIndependentEntryInsideATransactionThatRecordedOneIsWrittenAtOnceWithoutWaiting() {
        String first = uniqueAction("first");
        String second = uniqueAction("second");
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                transaction.executeWithoutResult(status -> {
                    auditLog.record(AuditRecord.of(first, null, null));
                    auditLog.recordIndependently(AuditRecord.of(second, null, null));
                    assertThat(count(first)).as("chained only when its transaction commits").isZero();
                    assertThat(count(second)).as("committed by its own transaction").isOne();
                }));
        assertThat(lastSeq(jdbc, first)).isGreaterThan(lastSeq(jdbc, second));
    }

    @Test
    void aNewTransactionInsideOneThatRecordedAnEntryCommitsItsOwnEntryFirst() {
        TransactionTemplate requiresNew = new TransactionTemplate(transaction.getTransactionManager());
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        String outer = uniqueAction("outer");
        String inner = uniqueAction("inner");
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                transaction.executeWithoutResult(status -> {
                    auditLog.record(AuditRecord.of(outer, null, null));
                    requiresNew.executeWithoutResult(t -> auditLog.record(AuditRecord.of(inner, null, null)));
                }));
        assertThat(count(outer)).isOne();
        assertThat(count(inner)).isOne();
        assertThat(lastSeq(jdbc, outer)).isEqualTo(lastSeq(jdbc, inner) + 1);
    }

    @Test
    void entriesOfOneTransactionAreChainedTogetherInTheOrderRecorded() {
        String action = uniqueAction("batch");
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 3; i++) {
                auditLog.record(AuditRecord.of(action, "Thing", i));
            }
        });
        java.util.List<Map<String, Object>> rows = jdbc.sql(
                "select seq, object_id, prev_hash, hash from oneseal.audit_entry where action = ? order by seq")
                .param(action).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("object_id")).containsExactly("0", "1", "2");
        assertThat((Long) rows.get(2).get("seq") - (Long) rows.get(0).get("seq")).isEqualTo(2);
        assertThat(rows.get(1).get("prev_hash")).isEqualTo(rows.get(0).get("hash"));
        assertThat(rows.get(2).get("prev_hash")).isEqualTo(rows.get(1).get("hash"));
    }

    @Test
    void entriesCanBeNeitherChangedNorDeletedNorTruncated() {
        String action = uniqueAction("immutable");
        auditLog.record(AuditRecord.of(action, null, null));
        long seq = lastSeq(jdbc, action);
        assertThatThrownBy(() -> jdbc.sql("update oneseal.audit_entry set actor = 'x' where seq = ?").param(seq).update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from oneseal.audit_entry where seq = ?").param(seq).update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate oneseal.audit_entry").update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate oneseal.audit_head_export").update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThat(row(seq)).containsEntry("seq", seq);
    }

    private Map<String, Object> row(long seq) {
        return jdbc.sql("select * from oneseal.audit_entry where seq = ?").param(seq).query().singleRow();
    }

    private long count(String action) {
        return jdbc.sql("select count(*) from oneseal.audit_entry where action = ?").param(action)
                .query(Long.class).single();
    }

    private long head() {
        return jdbc.sql("select coalesce(max(seq), 0) from oneseal.audit_entry").query(Long.class).single();
    }
}

package org.oneseal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oneseal.audit.AuditTestSupport.appendEntries;
import static org.oneseal.audit.AuditTestSupport.tamperAndRollBack;
import static org.oneseal.audit.AuditTestSupport.uniqueAction;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A DBA with superuser rights disables the append-only trigger and tampers with the table: the verifier
 * names the first broken entry. Each case runs in a transaction that is rolled back afterwards.
 */
@IntegrationTest
class TamperDetectionTests {

    @Autowired AuditLog auditLog;
    @Autowired ChainVerifier verifier;
    @Autowired HeadExporter exporter;
    @Autowired HeadFile headFile;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    List<Long> seqs;

    @BeforeEach
    void fiveEntries() {
        AuditTestSupport.removeHeadFile(headFile);
        seqs = appendEntries(auditLog, jdbc, uniqueAction("tamper"), 5);
        assertThat(verify().intact()).isTrue();
    }

    @AfterEach
    void chainIsIntactAgain() {
        ChainVerification after = verify();
        assertThat(after.intact()).as(after.problem()).isTrue();
    }

    @Test
    void editedFieldIsDetected() {
        long s3 = seqs.get(2);
        ChainVerification r = tampered(
                () -> sql("update oneseal.audit_entry set actor = 'mallory' where seq = ?", s3));
        assertBroken(r, s3, ChainProblem.EDITED);
        assertThat(r.problem()).isEqualTo("第 " + s3 + " 条记录的内容与它的散列不符：这条记录在写入后被修改过。");
    }

    @Test
    void deletedMiddleRowIsDetected() {
        long s3 = seqs.get(2);
        ChainVerification r = tampered(() -> sql("delete from oneseal.audit_entry where seq = ?", s3));
        assertBroken(r, s3, ChainProblem.MISSING);
        assertThat(r.problem()).isEqualTo("第 " + s3 + " 条记录缺失：这条记录被删除了。");
    }

    @Test
    void swappedRowsAreDetected() {
        long s2 = seqs.get(1);
        long s3 = seqs.get(2);
        ChainVerification r = tampered(() -> {
            sql("update oneseal.audit_entry set seq = 9000000000000000 where seq = ?", s2);
            sql("update oneseal.audit_entry set seq = ? where seq = ?", s2, s3);
            sql("update oneseal.audit_entry set seq = ? where seq = 9000000000000000", s3);
        });
        assertBroken(r, s2, ChainProblem.REORDERED);
        assertThat(r.problem()).contains("第 " + s2 + " 条记录不在原来的位置").contains("顺序被调换");
    }

    @Test
    void insertedForgedRowIsDetectedEvenWithAValidHash() {
        long s2 = seqs.get(1);
        ChainVerification r = tampered(() -> {
            sql("update oneseal.audit_entry set seq = seq + 1000000000000 where seq > ?", s2);
            sql("update oneseal.audit_entry set seq = seq - 1000000000000 + 1 where seq > 1000000000000");
            insertForgedAfter(s2);
        });
        assertBroken(r, s2 + 1, ChainProblem.INSERTED);
        assertThat(r.problem()).isEqualTo("第 " + (s2 + 1) + " 条记录是后来插入的：第 " + (s2 + 2)
                + " 条记录原本直接接在第 " + s2 + " 条记录之后。");
    }

    @Test
    void editWithRecomputedHashIsDetectedAtTheNextLink() {
        long s3 = seqs.get(2);
        ChainVerification r = tampered(() -> {
            StoredEntry e = jdbc.sql("select " + AuditEntryStore.COLUMNS + " from oneseal.audit_entry where seq = ?")
                    .param(s3).query(AuditEntryStore::row).single();
            StoredEntry forged = new StoredEntry(e.seq(), e.occurredAt(), "mallory", e.actingFor(), e.action(),
                    e.objectType(), e.objectId(), e.outcome(), e.reason(), e.regionId(), e.clientIp(),
                    e.prevHash(), null).sealed();
            sql("update oneseal.audit_entry set actor = ?, hash = ? where seq = ?", forged.actor(), forged.hash(), s3);
        });
        assertBroken(r, s3, ChainProblem.REHASHED);
    }

    @Test
    void truncatedTailIsDetectedAgainstTheExportedHead() {
        long s3 = seqs.get(2);
        ChainVerification r = tampered(() -> {
            exporter.export();
            sql("delete from oneseal.audit_entry where seq > ?", s3);
        });
        assertBroken(r, s3 + 1, ChainProblem.TRUNCATED);
        assertThat(r.problem()).startsWith("日志末尾被截断").contains("第 " + seqs.get(4) + " 条记录")
                .contains("现在日志只到第 " + s3 + " 条");
    }

    @Test
    void truncatedTailIsDetectedByTheHeadFileWhenTheExportTableIsEmptiedToo() {
        long s3 = seqs.get(2);
        ChainVerification r = tampered(() -> {
            exporter.export();
            sql("delete from oneseal.audit_head_export");
            sql("delete from oneseal.audit_entry where seq > ?", s3);
        });
        assertBroken(r, s3 + 1, ChainProblem.TRUNCATED);
        assertThat(r.problem()).contains("链头文件").contains(headFile.path().toString());
    }

    @Test
    void withoutAnExportedHeadATruncatedTailLooksLikeAShorterLog() {
        long s3 = seqs.get(2);
        ChainVerification r = tampered(() -> {
            sql("delete from oneseal.audit_head_export");
            sql("delete from oneseal.audit_entry where seq > ?", s3);
        });
        assertThat(r.intact()).isTrue();
        assertThat(r.lastSeq()).isEqualTo(s3);
    }

    @Test
    void rewrittenHeadIsDetectedAgainstTheExportedHead() {
        long s5 = seqs.get(4);
        ChainVerification r = tampered(() -> {
            exporter.export();
            StoredEntry last = jdbc.sql("select " + AuditEntryStore.COLUMNS + " from oneseal.audit_entry where seq = ?")
                    .param(s5).query(AuditEntryStore::row).single();
            StoredEntry forged = new StoredEntry(s5, last.occurredAt(), last.actor(), last.actingFor(), last.action(),
                    last.objectType(), last.objectId(), "DENIED", last.reason(), last.regionId(), last.clientIp(),
                    last.prevHash(), null).sealed();
            sql("update oneseal.audit_entry set outcome = ?, hash = ? where seq = ?", "DENIED", forged.hash(), s5);
        });
        assertBroken(r, s5, ChainProblem.HEAD_MISMATCH);
    }

    private void insertForgedAfter(long seq) {
        StoredEntry before = jdbc.sql("select " + AuditEntryStore.COLUMNS + " from oneseal.audit_entry where seq = ?")
                .param(seq).query(AuditEntryStore::row).single();
        StoredEntry forged = new StoredEntry(seq + 1, ChainHashing.toStoredPrecision(Instant.now()), "mallory",
                null, "identity.role.grant", "Account", "mallory", "SUCCESS", null, null, null, before.hash(), null)
                .sealed();
        new AuditEntryStore(jdbc).insertAll(java.util.List.of(forged));
    }

    private ChainVerification tampered(Runnable tamper) {
        return tamperAndRollBack(transaction, jdbc, tamper, this::verify);
    }

    private ChainVerification verify() {
        return verifier.verify(Locale.SIMPLIFIED_CHINESE);
    }

    private void sql(String sql, Object... params) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        spec.update();
    }

    private static void assertBroken(ChainVerification r, long seq, ChainProblem kind) {
        assertThat(r.intact()).isFalse();
        assertThat(r.kind()).as(r.problem()).isEqualTo(kind);
        assertThat(r.firstBrokenSeq()).as(r.problem()).isEqualTo(seq);
        assertThat(r.problem()).isNotBlank();
    }
}

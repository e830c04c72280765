package org.oneseal.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Helpers for the audit tests. The test contexts of one JVM share one database, so tests never assume an
 * empty log: they work with the entries they wrote themselves, and tampering happens inside a transaction
 * that is rolled back (other connections never see the damage, and the chain is intact afterwards).
 */
final class AuditTestSupport {

    private AuditTestSupport() {
    }

    /** A fresh action prefix for one test, e.g. {@code test.tamper.3f2a...}. */
    static String uniqueAction(String prefix) {
        return "test." + prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Appends {@code n} entries in separate transactions and returns their seqs. */
    static List<Long> appendEntries(AuditLog log, JdbcClient jdbc, String action, int n) {
        java.util.stream.IntStream.range(0, n).forEach(i -> log.record(AuditRecord.of(action, "Thing", i).actor("tester")));
        return jdbc.sql("select seq from oneseal.audit_entry where action = ? order by seq").param(action)
                .query(Long.class).list();
    }

    /** The seq of the last committed entry with this action. */
    static long lastSeq(JdbcClient jdbc, String action) {
        return jdbc.sql("select max(seq) from oneseal.audit_entry where action = ?").param(action)
                .query(Long.class).single();
    }

    /**
     * Runs {@code tamper} and then {@code inspect} in one transaction with the append-only triggers disabled
     * (as a DBA with superuser rights would), then rolls everything back.
     */
    static <T> T tamperAndRollBack(TransactionTemplate transaction, JdbcClient jdbc, Runnable tamper,
            Supplier<T> inspect) {
        return transaction.execute(status -> {
            jdbc.sql("alter table oneseal.audit_entry disable trigger user").update();
            jdbc.sql("alter table oneseal.audit_head_export disable trigger user").update();
            tamper.run();
            T result = inspect.get();
            status.setRollbackOnly();
            return result;
        });
    }

    /**
     * The head file outlives the test JVM (its database does not): a file left by an earlier run names a
     * head of another chain, so tests start without it.
     */
    static void removeHeadFile(HeadFile file) {
        try {
            Files.deleteIfExists(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

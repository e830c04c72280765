package org.oneseal.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends hash-chained entries. An entry is taken down when it is recorded (actor, request address, what
 * happened) and written, unchained, to {@code audit_pending} just before its transaction commits — one insert,
 * no lock, atomic with the business data: no change without its entry, and a rolled-back transaction leaves
 * nothing. After the commit the writer waits for the {@link AuditChainer}'s next pass, which gives the
 * entries their sequence numbers and hashes under the chain lock, together with those of every other
 * transaction committed meanwhile. So concurrent writers never fork the chain, there is never a gap, and
 * business transactions are not serialised behind each other (docs/audit.md).
 */
@Service
class ChainedAuditLog implements AuditLog {

    static final String ANONYMOUS = "anonymous";

    private final AuditEntryStore store;
    private final AuditChainer chainer;
    private final Clock clock;

    ChainedAuditLog(AuditEntryStore store, AuditChainer chainer, Clock clock) {
        this.store = store;
        this.chainer = chainer;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditRecord record) {
        pendingEntries().add(record.actor(actorOf(record)), clientIp());
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordIndependently(AuditRecord record) {
        pendingEntries().add(record.actor(actorOf(record)), clientIp());
    }

    /** The entries of the current transaction (synchronisations are suspended with their transaction). */
    private PendingEntries pendingEntries() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof PendingEntries pending) {
                return pending;
            }
        }
        PendingEntries pending = new PendingEntries();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    /** Writes the transaction's entries just before it commits (after every other synchronisation). */
    private final class PendingEntries implements TransactionSynchronization {

        private final List<AuditRecord> records = new ArrayList<>();
        private final List<String> clientIps = new ArrayList<>();
        private boolean written;

        void add(AuditRecord record, String clientIp) {
            records.add(record);
            clientIps.add(nullToEmpty(clientIp));
            if (written) { // recorded by a synchronisation that ran after ours: still inside the transaction
                write(List.of(record), List.of(nullToEmpty(clientIp)));
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!records.isEmpty()) {
                write(records, clientIps);
            }
            written = true;
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED && !records.isEmpty()) {
                chainer.awaitChained();
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        private void write(List<AuditRecord> batch, List<String> ips) {
            Instant at = ChainHashing.toStoredPrecision(clock.instant());
            List<StoredEntry> entries = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                AuditRecord r = batch.get(i);
                String ip = ips.get(i);
                entries.add(new StoredEntry(0, at, r.actor(), r.actingFor(), r.action(), r.objectType(), r.objectId(),
                        r.outcome().name(), r.reason(), r.regionId(), ip.isEmpty() ? null : ip, null, null));
            }
            store.insertPending(entries);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static String actorOf(AuditRecord record) {
        if (record.actor() != null && !record.actor().isBlank()) {
            return record.actor();
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || auth.getName() == null) {
            return ANONYMOUS;
        }
        return auth.getName();
    }

    /** The remote address of the current request (behind a proxy: configure forwarded headers). */
    static String clientIp() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}

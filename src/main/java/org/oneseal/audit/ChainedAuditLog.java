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
 * happened) and chained when its transaction commits: just before the commit the transaction takes the
 * chain lock (a transaction-scoped advisory lock), reads the head, inserts its entries as head + 1, head + 2,
 * … and commits, which releases the lock. The lock is so held only for those inserts and the commit — not
 * while the business work of the transaction runs — so concurrent writers never fork the chain, a
 * rolled-back transaction leaves no gap, and unrelated transactions are not serialised behind each other.
 */
@Service
class ChainedAuditLog implements AuditLog {

    static final String ANONYMOUS = "anonymous";

    private final AuditEntryStore store;
    private final Clock clock;

    ChainedAuditLog(AuditEntryStore store, Clock clock) {
        this.store = store;
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

    /** Chains the transaction's entries just before it commits; runs after every other synchronisation. */
    private final class PendingEntries implements TransactionSynchronization {

        private final List<AuditRecord> records = new ArrayList<>();
        private final List<String> clientIps = new ArrayList<>();
        private boolean chained;

        void add(AuditRecord record, String clientIp) {
            if (chained) { // recorded by a synchronisation after ours: we hold the lock already
                append(store.head().orElseGet(AuditHead::empty), List.of(record), List.of(nullToEmpty(clientIp)));
                return;
            }
            records.add(record);
            clientIps.add(nullToEmpty(clientIp));
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!records.isEmpty()) {
                // while the lock is held: the head, one insert of every entry, then the commit. (Lock and head
                // cannot share a statement: its snapshot would be taken before the wait, and miss the head.)
                store.lockChain();
                AuditHead head = store.head().orElseGet(AuditHead::empty);
                chained = true;
                append(head, records, clientIps);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        private void append(AuditHead head, List<AuditRecord> batch, List<String> ips) {
            Instant at = ChainHashing.toStoredPrecision(clock.instant());
            long seq = head.seq();
            String prev = head.hash();
            List<StoredEntry> entries = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                AuditRecord r = batch.get(i);
                String ip = ips.get(i);
                StoredEntry entry = new StoredEntry(++seq, at, r.actor(), r.actingFor(), r.action(), r.objectType(),
                        r.objectId(), r.outcome().name(), r.reason(), r.regionId(), ip.isEmpty() ? null : ip, prev,
                        null).sealed();
                entries.add(entry);
                prev = entry.hash();
            }
            store.insertAll(entries);
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

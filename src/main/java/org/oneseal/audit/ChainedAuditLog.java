package org.oneseal.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import javax.sql.DataSource;
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
 * Appends hash-chained entries. Appends are serialised by a transaction-scoped advisory lock: the writer
 * takes the lock, reads the head, inserts head + 1 and keeps the lock until its transaction ends, so
 * concurrent writers never fork the chain and a rolled-back entry leaves no gap.
 */
@Service
class ChainedAuditLog implements AuditLog {

    static final String ANONYMOUS = "anonymous";
    /** Bound to the connection holder of the thread's transaction that holds the chain lock. */
    private static final Object LOCK_HOLDER = new Object();

    private final AuditEntryStore store;
    private final Clock clock;
    private final DataSource dataSource;

    ChainedAuditLog(AuditEntryStore store, Clock clock, DataSource dataSource) {
        this.store = store;
        this.clock = clock;
        this.dataSource = dataSource;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public long record(AuditRecord record) {
        return append(record);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long recordIndependently(AuditRecord record) {
        return append(record);
    }

    private long append(AuditRecord record) {
        Object transaction = TransactionSynchronizationManager.getResource(dataSource);
        refuseSelfDeadlock(transaction);
        store.lockChain();
        rememberLockHolder(transaction);
        AuditHead head = store.head().orElseGet(AuditHead::empty);
        StoredEntry entry = new StoredEntry(head.seq() + 1, ChainHashing.toStoredPrecision(clock.instant()),
                actorOf(record), record.actingFor(), record.action(), record.objectType(), record.objectId(),
                record.outcome().name(), record.reason(), record.regionId(), clientIp(), head.hash(), null).sealed();
        store.insert(entry);
        return entry.seq();
    }

    /**
     * A suspended transaction of this thread that already holds the chain lock keeps it until it ends, and it
     * cannot end while this thread waits: fail instead of waiting forever.
     */
    private static void refuseSelfDeadlock(Object transaction) {
        Object holder = TransactionSynchronizationManager.getResource(LOCK_HOLDER);
        if (holder != null && holder != transaction) {
            throw new IllegalStateException("an audit entry cannot be written in a new transaction while a "
                    + "suspended transaction of the same thread has written one; write it in that transaction or "
                    + "after it has ended");
        }
    }

    private static void rememberLockHolder(Object transaction) {
        if (TransactionSynchronizationManager.hasResource(LOCK_HOLDER)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(LOCK_HOLDER, transaction);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(LOCK_HOLDER);
            }
        });
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

package org.oneseal.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
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
    /** Marks the current thread's transaction as holding the chain lock. */
    private static final Object LOCK_HELD = new Object();

    private final AuditEntryStore store;
    private final Clock clock;

    ChainedAuditLog(AuditEntryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public long record(AuditRecord record) {
        return append(record);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long recordIndependently(AuditRecord record) {
        if (TransactionSynchronizationManager.hasResource(LOCK_HELD)) {
            // the suspended outer transaction holds the lock until it ends: waiting here would never end
            throw new IllegalStateException("recordIndependently() was called while this thread's transaction "
                    + "has already written an audit entry; record it with record() or after that transaction ends");
        }
        return append(record);
    }

    private long append(AuditRecord record) {
        store.lockChain();
        rememberLockHeld();
        AuditHead head = store.head().orElseGet(AuditHead::empty);
        StoredEntry entry = new StoredEntry(head.seq() + 1, ChainHashing.toStoredPrecision(clock.instant()),
                actorOf(record), record.actingFor(), record.action(), record.objectType(), record.objectId(),
                record.outcome().name(), record.reason(), record.regionId(), clientIp(), head.hash(), null).sealed();
        store.insert(entry);
        return entry.seq();
    }

    private static void rememberLockHeld() {
        if (TransactionSynchronizationManager.hasResource(LOCK_HELD)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(LOCK_HELD, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(LOCK_HELD);
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

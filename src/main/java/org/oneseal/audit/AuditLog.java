package org.oneseal.audit;

/**
 * The audit log facade. {@link #record} joins the caller's transaction (or opens one); the entry is chained
 * (given its sequence number and hash) when that transaction commits, and the commit fails — rolling back
 * the caller's change — when the entry cannot be written.
 */
public interface AuditLog {

    /**
     * Appends an entry with the current transaction: it is written when, and only if, that transaction commits.
     * Not from an {@code afterCommit}/{@code afterCompletion} callback (that transaction has ended): use
     * {@link #recordIndependently} there.
     */
    void record(AuditRecord record);

    /** Appends an entry in a transaction of its own (for failures whose business transaction rolls back). */
    void recordIndependently(AuditRecord record);
}

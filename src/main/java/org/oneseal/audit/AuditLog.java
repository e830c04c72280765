package org.oneseal.audit;

/**
 * The audit log facade. {@link #record} joins the caller's transaction (or opens one) and appends one
 * hash-chained entry; it throws when the entry cannot be written, so that the caller's change rolls back.
 */
public interface AuditLog {

    /** Appends an entry in the current transaction; returns its sequence number. */
    long record(AuditRecord record);

    /** Appends an entry in a transaction of its own (for failures whose business transaction rolls back). */
    long recordIndependently(AuditRecord record);
}

package org.oneseal.audit;

/** How the audited attempt ended. */
public enum AuditOutcome {
    SUCCESS, FAILURE, DENIED
}

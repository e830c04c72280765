package org.oneseal.audit;

import java.time.OffsetDateTime;

/** One audit entry as the auditor reads it (time in Asia/Shanghai). */
public record AuditEntry(long seq, OffsetDateTime occurredAt, String actor, String actingFor, String action,
                         String objectType, String objectId, AuditOutcome outcome, String reason, Long regionId,
                         String clientIp, String hash) {
}

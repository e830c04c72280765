package org.oneseal.audit;

/**
 * What to write into the audit log. {@code actor} null means "the authenticated user of the current
 * request" (or {@code anonymous}); {@code actingFor} names the person a mandate acts for, if any.
 *
 * @param action     dotted verb, e.g. {@code identity.login}, {@code identity.region.update}
 * @param objectType e.g. {@code Region}, {@code Account}; may be null
 * @param objectId   the object's id; may be null
 * @param regionId   region the object belongs to (for the auditor's filter); may be null
 */
public record AuditRecord(String actor, String actingFor, String action, String objectType, String objectId,
                          AuditOutcome outcome, String reason, Long regionId) {

    public AuditRecord {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit record needs an action");
        }
        if (outcome == null) {
            outcome = AuditOutcome.SUCCESS;
        }
    }

    public static AuditRecord of(String action, String objectType, Object objectId) {
        return new AuditRecord(null, null, action, objectType, objectId == null ? null : objectId.toString(),
                AuditOutcome.SUCCESS, null, null);
    }

    public AuditRecord actor(String newActor) {
        return new AuditRecord(newActor, actingFor, action, objectType, objectId, outcome, reason, regionId);
    }

    public AuditRecord actingFor(String principal) {
        return new AuditRecord(actor, principal, action, objectType, objectId, outcome, reason, regionId);
    }

    public AuditRecord outcome(AuditOutcome newOutcome) {
        return new AuditRecord(actor, actingFor, action, objectType, objectId, newOutcome, reason, regionId);
    }

    public AuditRecord reason(String newReason) {
        return new AuditRecord(actor, actingFor, action, objectType, objectId, outcome, newReason, regionId);
    }

    public AuditRecord region(Long newRegionId) {
        return new AuditRecord(actor, actingFor, action, objectType, objectId, outcome, reason, newRegionId);
    }
}

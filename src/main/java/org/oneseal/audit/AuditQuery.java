package org.oneseal.audit;

import java.time.LocalDate;

/**
 * The auditor's filter; every field may be null (no condition). Results come newest first, 50 a page.
 *
 * @param actor        exact actor (login name)
 * @param actionPrefix action starts with this, e.g. {@code identity.} or {@code identity.login}
 * @param outcome      exact outcome
 * @param objectType   exact object type
 * @param objectId     exact object id
 * @param from         first day (Asia/Shanghai), inclusive
 * @param to           last day (Asia/Shanghai), inclusive
 * @param beforeSeq    keyset cursor: only entries with a smaller seq (the next page)
 */
public record AuditQuery(String actor, String actionPrefix, AuditOutcome outcome, String objectType,
                         String objectId, LocalDate from, LocalDate to, Long beforeSeq) {

    public static final int PAGE_SIZE = 50;

    public AuditQuery {
        actor = blankToNull(actor);
        actionPrefix = blankToNull(actionPrefix);
        objectType = blankToNull(objectType);
        objectId = blankToNull(objectId);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
    }

    /** No filter: the newest entries. */
    public static AuditQuery latest() {
        return new AuditQuery(null, null, null, null, null, null, null, null);
    }

    public AuditQuery before(Long seq) {
        return new AuditQuery(actor, actionPrefix, outcome, objectType, objectId, from, to, seq);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

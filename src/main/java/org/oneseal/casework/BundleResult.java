package org.oneseal.casework;

/**
 * The result of a 一件事 application follows its most severe sub-result: DENIED (denied, not accepted or
 * terminated) > NEEDS_REVISION (a department asks for a correction) > IN_PROGRESS (still being handled) >
 * GRANTED_WITH_CONDITIONS > GRANTED (granted, filed, or delivered after a grant) > NOT_REQUIRED (a member the
 * applicant does not need).
 */
public enum BundleResult {
    DENIED, NEEDS_REVISION, IN_PROGRESS, GRANTED_WITH_CONDITIONS, GRANTED, NOT_REQUIRED;

    /** The result of one sub-case; {@code denied}: its decision was a denial; {@code conditional}: a grant with conditions. */
    static BundleResult of(CaseStatus status, boolean denied, boolean conditional) {
        BundleResult granted = conditional ? GRANTED_WITH_CONDITIONS : GRANTED;
        return switch (status) {
            case DENIED, REFUSED, TERMINATED -> DENIED;
            case DELIVERED -> denied ? DENIED : granted;
            case CORRECTION_REQUESTED -> NEEDS_REVISION;
            case GRANTED -> granted;
            case FILED -> GRANTED;
            case NOT_REQUIRED -> NOT_REQUIRED;
            default -> IN_PROGRESS;
        };
    }

    /** As above, for a case without conditions. */
    static BundleResult of(CaseStatus status, boolean denied) {
        return of(status, denied, false);
    }

    /** The most severe of two. */
    BundleResult worst(BundleResult other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}

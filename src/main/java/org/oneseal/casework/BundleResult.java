package org.oneseal.casework;

/**
 * The result of a 一件事 application follows its most severe sub-result: DENIED (a sub-case denied, not accepted
 * or terminated) over NEEDS_REVISION (a department asks for a correction) over IN_PROGRESS over GRANTED (every
 * sub-case granted, filed or delivered after a grant).
 */
public enum BundleResult {
    DENIED, NEEDS_REVISION, IN_PROGRESS, GRANTED;

    /** The result of one sub-case; {@code denied}: its decision was a denial. */
    static BundleResult of(CaseStatus status, boolean denied) {
        return switch (status) {
            case DENIED, REFUSED, TERMINATED -> DENIED;
            case DELIVERED -> denied ? DENIED : GRANTED;
            case CORRECTION_REQUESTED -> NEEDS_REVISION;
            case GRANTED, FILED -> GRANTED;
            default -> IN_PROGRESS;
        };
    }

    /** The most severe of two. */
    BundleResult worst(BundleResult other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}

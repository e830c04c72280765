package org.oneseal.license;

/**
 * The answer of a verification: the outcome, a readable Chinese reason, and the licence as registered (null
 * when unknown or unreadable).
 */
record Verdict(Outcome outcome, String reason, LicenceView licence) {

    /** VALID only when the signature matches and the register says the licence is in force. */
    enum Outcome { VALID, TAMPERED, CHANGED, REVOKED, EXPIRED, UNKNOWN, UNREADABLE }

    boolean valid() {
        return outcome == Outcome.VALID;
    }
}

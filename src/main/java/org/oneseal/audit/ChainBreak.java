package org.oneseal.audit;

/** The first broken entry as the walk found it, with the message key and arguments that explain it. */
record ChainBreak(long seq, ChainProblem kind, String messageKey, Object... args) {

    static ChainBreak of(long seq, ChainProblem kind, Object... args) {
        return new ChainBreak(seq, kind, "audit.chain.problem." + kind.name().toLowerCase(java.util.Locale.ROOT),
                args);
    }

    ChainBreak withKey(String key) {
        return new ChainBreak(seq, kind, key, args);
    }
}

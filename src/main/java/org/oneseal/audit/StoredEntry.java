package org.oneseal.audit;

import java.time.Instant;

/**
 * One row of {@code oneseal.audit_entry} exactly as stored (outcome kept as text, so that the verifier
 * recomputes the hash of what is in the table, whatever it is).
 */
record StoredEntry(long seq, Instant occurredAt, String actor, String actingFor, String action,
                   String objectType, String objectId, String outcome, String reason, Long regionId,
                   String clientIp, String prevHash, String hash) {

    /** The same content with the hash computed by {@link ChainHashing}. */
    StoredEntry sealed() {
        return withHash(ChainHashing.hash(this));
    }

    StoredEntry withHash(String newHash) {
        return new StoredEntry(seq, occurredAt, actor, actingFor, action, objectType, objectId, outcome, reason,
                regionId, clientIp, prevHash, newHash);
    }
}

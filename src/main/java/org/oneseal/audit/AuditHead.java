package org.oneseal.audit;

import java.time.OffsetDateTime;

/**
 * The head of the chain: the last entry's seq and hash. An empty log has seq 0 and the genesis hash
 * (64 zeros) and no time.
 *
 * @param occurredAt when the head entry was written (Asia/Shanghai), null for an empty log
 */
public record AuditHead(long seq, String hash, OffsetDateTime occurredAt) {

    static AuditHead empty() {
        return new AuditHead(0, ChainHashing.GENESIS, null);
    }
}

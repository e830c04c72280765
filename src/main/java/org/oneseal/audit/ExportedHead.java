package org.oneseal.audit;

import java.time.OffsetDateTime;

/** A head export: the chain head (seq, hash) as it was at {@code exportedAt} (Asia/Shanghai). */
public record ExportedHead(long seq, String hash, OffsetDateTime exportedAt) {
}

package org.oneseal.audit;

import java.io.Serializable;
import java.time.Duration;

/**
 * The result of walking the audit chain.
 *
 * @param intact          true when every entry links to its predecessor, matches its hash and the
 *                        exported heads
 * @param entriesChecked  entries read and checked (up to and including the first broken one)
 * @param firstBrokenSeq  seq of the first broken entry, null when intact
 * @param kind            what is wrong there, null when intact
 * @param problem         readable reason (from the audit message bundle), null when intact
 * @param took            time the walk took
 * @param lastSeq         seq of the last entry read (the head when intact; 0 for an empty log)
 * @param lastHash        hash of the last entry read (the genesis hash for an empty log)
 */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenSeq, ChainProblem kind,
                                String problem, Duration took, long lastSeq, String lastHash)
        implements Serializable {

    /** Entries checked per second (0 when nothing was checked). */
    public long entriesPerSecond() {
        long nanos = took.toNanos();
        return nanos <= 0 || entriesChecked == 0 ? 0 : Math.round(entriesChecked * 1e9 / nanos);
    }
}

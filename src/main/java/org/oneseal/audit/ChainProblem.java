package org.oneseal.audit;

/** What kind of damage the verifier found at the first broken entry. */
public enum ChainProblem {
    /** An entry's content no longer matches its hash: a field was changed. */
    EDITED,
    /** seq has a gap: entries were deleted. */
    MISSING,
    /** An entry stands after the wrong predecessor: entries were swapped or moved. */
    REORDERED,
    /** Entries that were not in the chain were inserted between two linked entries. */
    INSERTED,
    /** An entry was changed and its hash recomputed, so its successor's link no longer fits. */
    REHASHED,
    /** The log ends before an exported head: its tail was removed. */
    TRUNCATED,
    /** The entry at an exported head's seq has another hash: the chain up to there was rewritten. */
    HEAD_MISMATCH
}

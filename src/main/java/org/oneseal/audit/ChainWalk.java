package org.oneseal.audit;

import java.util.Optional;
import java.util.function.Function;

/**
 * One pass over the chain in seq order. Each entry must carry the next seq, link to the previous entry's
 * hash (the first one to the genesis hash), match its own recomputed hash and agree with any exported head
 * at its seq. At the first mismatch the walk explains what happened; that needs one extra lookup ("which
 * entry has the hash this entry links to?"), done only then.
 */
final class ChainWalk {

    private final Function<String, Optional<Long>> seqOfHash;
    private final ExportedHeads exportedHeads;
    private final ChainHashing.Hasher hasher = new ChainHashing.Hasher();
    private long expectedSeq = 1;
    private String expectedPrev = ChainHashing.GENESIS;
    private long checked;
    private long lastSeq;
    private String lastHash = ChainHashing.GENESIS;

    ChainWalk(Function<String, Optional<Long>> seqOfHash, ExportedHeads exportedHeads) {
        this.seqOfHash = seqOfHash;
        this.exportedHeads = exportedHeads;
    }

    /** Checks the next entry; returns the break it shows, or null when it is sound. */
    ChainBreak accept(StoredEntry e) {
        checked++;
        ChainBreak broken = check(e);
        if (broken == null) {
            broken = exportedHeads.check(e);
        }
        lastSeq = e.seq();
        lastHash = e.hash();
        expectedSeq = e.seq() + 1;
        expectedPrev = e.hash();
        return broken;
    }

    /** After the last entry: is the log shorter than an exported head says? */
    ChainBreak finish() {
        return exportedHeads.checkEnd(lastSeq);
    }

    long checked() {
        return checked;
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    private ChainBreak check(StoredEntry e) {
        if (e.seq() != expectedSeq) {
            return missing(expectedSeq, e.seq() - 1);
        }
        boolean linked = expectedPrev.equals(e.prevHash());
        boolean sealed = hasher.hash(e).equals(e.hash());
        if (linked && sealed) {
            return null;
        }
        if (linked) {
            return ChainBreak.of(e.seq(), ChainProblem.EDITED, text(e.seq()));
        }
        return explainBrokenLink(e, sealed);
    }

    /** The entry does not link to the entry before it: find the entry it does link to. */
    private ChainBreak explainBrokenLink(StoredEntry e, boolean sealed) {
        Optional<Long> predecessor = seqOfHash.apply(e.prevHash());
        if (predecessor.isEmpty()) {
            return sealed && e.seq() > 1
                    ? ChainBreak.of(e.seq() - 1, ChainProblem.REHASHED, text(e.seq() - 1), text(e.seq()))
                    : ChainBreak.of(e.seq(), ChainProblem.EDITED, text(e.seq()));
        }
        long q = predecessor.get();
        if (q < e.seq() - 1) {
            ChainBreak inserted = ChainBreak.of(q + 1, ChainProblem.INSERTED, text(q + 1), text(e.seq() - 1),
                    text(q), text(e.seq()));
            return q + 1 == e.seq() - 1 ? inserted.withKey(inserted.messageKey() + ".one") : inserted;
        }
        if (q > e.seq() - 1) {
            return ChainBreak.of(e.seq(), ChainProblem.REORDERED, text(e.seq()), text(q));
        }
        return ChainBreak.of(e.seq(), ChainProblem.EDITED, text(e.seq()));
    }

    private static ChainBreak missing(long from, long to) {
        ChainBreak gap = ChainBreak.of(from, ChainProblem.MISSING, text(from), text(to));
        return from == to ? gap.withKey(gap.messageKey() + ".one") : gap;
    }

    /** Numbers as plain digits in messages (no grouping separators). */
    static String text(long n) {
        return Long.toString(n);
    }
}

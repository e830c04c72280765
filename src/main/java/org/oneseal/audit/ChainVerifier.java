package org.oneseal.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Walks the whole chain in seq order, in batches read by keyset pagination ({@code seq > last}), and
 * reports the first broken entry. Runs without a transaction of its own (inside one, it sees that
 * transaction's view). Needs no permission itself: the facade, the actuator endpoint and the command-line
 * runner decide who may run it.
 */
@Component
class ChainVerifier {

    static final int BATCH_SIZE = 5_000;
    private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);

    private final AuditEntryStore entries;
    private final HeadExportStore exports;
    private final HeadFile headFile;
    private final MessageSource messages;
    private final Clock clock;

    ChainVerifier(AuditEntryStore entries, HeadExportStore exports, HeadFile headFile, MessageSource messages,
            Clock clock) {
        this.entries = entries;
        this.exports = exports;
        this.headFile = headFile;
        this.messages = messages;
        this.clock = clock;
    }

    /** Verifies the chain; the reason of a break is written in the given language. */
    ChainVerification verify(Locale locale) {
        long started = System.nanoTime();
        ChainWalk walk = new ChainWalk(entries::seqOfHash, exportedHeads());
        ChainBreak broken = walkAll(walk);
        if (broken == null) {
            broken = walk.finish();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        ChainVerification result = broken == null
                ? new ChainVerification(true, walk.checked(), null, null, null, took, walk.lastSeq(), walk.lastHash())
                : new ChainVerification(false, walk.checked(), broken.seq(), broken.kind(),
                        messages.getMessage(broken.messageKey(), broken.args(), locale), took, walk.lastSeq(),
                        walk.lastHash());
        logResult(result);
        return result;
    }

    private ChainBreak walkAll(ChainWalk walk) {
        long after = 0;
        List<StoredEntry> batch;
        do {
            batch = entries.batchAfter(after, BATCH_SIZE);
            for (StoredEntry e : batch) {
                ChainBreak broken = walk.accept(e);
                if (broken != null) {
                    return broken;
                }
                after = e.seq();
            }
        } while (batch.size() == BATCH_SIZE);
        return null;
    }

    private ExportedHeads exportedHeads() {
        List<ExportedHeads.Known> known = new ArrayList<>(exports.all());
        headFile.read().ifPresent(known::add);
        return new ExportedHeads(known, clock.getZone());
    }

    private static void logResult(ChainVerification r) {
        if (r.intact()) {
            log.info("audit chain intact: {} entries checked in {} ms, head seq {}", r.entriesChecked(),
                    r.took().toMillis(), r.lastSeq());
        } else {
            log.warn("audit chain BROKEN at seq {} ({}): {}", r.firstBrokenSeq(), r.kind(), r.problem());
        }
    }
}

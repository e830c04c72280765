package org.oneseal.audit;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Heads exported earlier (the export table and the head file): the chain must still contain each of
 * them, with the same hash, and must not end before the newest one.
 */
final class ExportedHeads {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One exported head and where it was found ({@code file} is null for the export table). */
    record Known(long seq, String hash, OffsetDateTime exportedAt, String file) {
    }

    private final Map<Long, List<Known>> bySeq = new HashMap<>();
    private final Known newest;
    private final ZoneId zone;

    ExportedHeads(Collection<Known> heads, ZoneId zone) {
        this.zone = zone;
        for (Known head : heads) {
            if (head.seq() > 0) {
                bySeq.computeIfAbsent(head.seq(), s -> new java.util.ArrayList<>()).add(head);
            }
        }
        this.newest = heads.stream().filter(h -> h.seq() > 0).max(Comparator.comparingLong(Known::seq)).orElse(null);
    }

    static ExportedHeads none() {
        return new ExportedHeads(List.of(), ZoneId.of("Asia/Shanghai"));
    }

    Optional<Known> newest() {
        return Optional.ofNullable(newest);
    }

    /** An entry at an exported seq must carry the exported hash. */
    ChainBreak check(StoredEntry e) {
        for (Known head : bySeq.getOrDefault(e.seq(), List.of())) {
            if (!head.hash().equals(e.hash())) {
                return ChainBreak.of(e.seq(), ChainProblem.HEAD_MISMATCH, ChainWalk.text(e.seq()),
                        time(head), source(head));
            }
        }
        return null;
    }

    /** The log must reach the newest exported head. */
    ChainBreak checkEnd(long lastSeq) {
        if (newest == null || newest.seq() <= lastSeq) {
            return null;
        }
        return ChainBreak.of(lastSeq + 1, ChainProblem.TRUNCATED, ChainWalk.text(newest.seq()), time(newest),
                source(newest), ChainWalk.text(lastSeq));
    }

    private String time(Known head) {
        return head.exportedAt() == null ? "?" : TIME.format(head.exportedAt().atZoneSameInstant(zone));
    }

    private static MessageSourceResolvable source(Known head) {
        return head.file() == null
                ? new DefaultMessageSourceResolvable(new String[] {"audit.chain.source.table"}, null, "table")
                : new DefaultMessageSourceResolvable(new String[] {"audit.chain.source.file"},
                        new Object[] {head.file()}, head.file());
    }
}

package org.oneseal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The walk's rules on an in-memory chain (the same cases run against PostgreSQL in TamperDetectionTests). */
class ChainWalkTests {

    static List<StoredEntry> chain(int n) {
        List<StoredEntry> entries = new ArrayList<>();
        String prev = ChainHashing.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            StoredEntry e = entry(seq, prev, "test.walk." + seq);
            entries.add(e);
            prev = e.hash();
        }
        return entries;
    }

    static StoredEntry entry(long seq, String prev, String action) {
        return new StoredEntry(seq, Instant.parse("2026-01-05T01:00:00Z").plusSeconds(seq), "tester", null, action,
                "Thing", Long.toString(seq), "SUCCESS", null, null, null, prev, null).sealed();
    }

    static ChainBreak walk(List<StoredEntry> entries, ExportedHeads heads) {
        ChainWalk walk = new ChainWalk(h -> entries.stream().filter(e -> e.hash().equals(h))
                .map(StoredEntry::seq).findFirst(), heads);
        for (StoredEntry e : entries) {
            ChainBreak b = walk.accept(e);
            if (b != null) {
                return b;
            }
        }
        return walk.finish();
    }

    static ChainBreak walk(List<StoredEntry> entries) {
        return walk(entries, ExportedHeads.none());
    }

    static StoredEntry renumbered(StoredEntry e, long seq) {
        return new StoredEntry(seq, e.occurredAt(), e.actor(), e.actingFor(), e.action(), e.objectType(),
                e.objectId(), e.outcome(), e.reason(), e.regionId(), e.clientIp(), e.prevHash(), e.hash());
    }

    @Test
    void anIntactChainHasNoBreak() {
        assertThat(walk(chain(10))).isNull();
        assertThat(walk(List.of())).isNull();
    }

    @Test
    void anEditedFieldIsNamed() {
        List<StoredEntry> c = chain(6);
        StoredEntry e = c.get(3);
        c.set(3, new StoredEntry(e.seq(), e.occurredAt(), "mallory", e.actingFor(), e.action(), e.objectType(),
                e.objectId(), e.outcome(), e.reason(), e.regionId(), e.clientIp(), e.prevHash(), e.hash()));
        ChainBreak b = walk(c);
        assertThat(b.kind()).isEqualTo(ChainProblem.EDITED);
        assertThat(b.seq()).isEqualTo(4);
    }

    @Test
    void aDeletedRowShowsAsAGap() {
        List<StoredEntry> c = chain(6);
        c.remove(2);
        ChainBreak b = walk(c);
        assertThat(b.kind()).isEqualTo(ChainProblem.MISSING);
        assertThat(b.seq()).isEqualTo(3);
        assertThat(b.messageKey()).isEqualTo("audit.chain.problem.missing.one");
    }

    @Test
    void deletedFirstRowsShowAsAGapFromOne() {
        List<StoredEntry> c = chain(6);
        c.subList(0, 2).clear();
        ChainBreak b = walk(c);
        assertThat(b.kind()).isEqualTo(ChainProblem.MISSING);
        assertThat(b.seq()).isEqualTo(1);
        assertThat(b.args()).containsExactly("1", "2");
    }

    @Test
    void swappedRowsAreReported() {
        List<StoredEntry> c = chain(6);
        StoredEntry third = c.get(2);
        StoredEntry fourth = c.get(3);
        c.set(2, renumbered(fourth, 3));
        c.set(3, renumbered(third, 4));
        ChainBreak b = walk(c);
        assertThat(b.kind()).isEqualTo(ChainProblem.REORDERED);
        assertThat(b.seq()).isEqualTo(3);
    }

    @Test
    void aForgedRowWithAValidHashIsReportedAsInserted() {
        List<StoredEntry> original = chain(6);
        List<StoredEntry> c = new ArrayList<>(original.subList(0, 2));
        c.add(entry(3, original.get(1).hash(), "test.walk.forged"));
        for (StoredEntry e : original.subList(2, 6)) {
            c.add(renumbered(e, e.seq() + 1));
        }
        ChainBreak b = walk(c);
        assertThat(b.kind()).isEqualTo(ChainProblem.INSERTED);
        assertThat(b.seq()).isEqualTo(3);
        assertThat(b.messageKey()).isEqualTo("audit.chain.problem.inserted.one");
    }

    @Test
    void anEditWithARecomputedHashBreaksTheNextLink() {
        List<StoredEntry> c = chain(6);
        StoredEntry e = c.get(2);
        c.set(2, new StoredEntry(e.seq(), e.occurredAt(), e.actor(), e.actingFor(), e.action(), e.objectType(),
                e.objectId(), "FAILURE", e.reason(), e.regionId(), e.clientIp(), e.prevHash(), null).sealed());
        ChainBreak b = walk(c);
        assertThat(b.kind()).isEqualTo(ChainProblem.REHASHED);
        assertThat(b.seq()).isEqualTo(3);
    }

    @Test
    void aTruncatedTailIsFoundAgainstTheExportedHead() {
        List<StoredEntry> c = chain(6);
        ExportedHeads heads = new ExportedHeads(List.of(new ExportedHeads.Known(6, c.get(5).hash(),
                OffsetDateTime.parse("2026-01-05T10:00:00+08:00"), null)), ZoneId.of("Asia/Shanghai"));
        assertThat(walk(c, heads)).isNull();
        ChainBreak b = walk(c.subList(0, 4), heads);
        assertThat(b.kind()).isEqualTo(ChainProblem.TRUNCATED);
        assertThat(b.seq()).isEqualTo(5);
    }

    @Test
    void aRewrittenTailIsFoundAgainstTheExportedHead() {
        List<StoredEntry> c = chain(6);
        ExportedHeads heads = new ExportedHeads(List.of(new ExportedHeads.Known(6, c.get(5).hash(),
                OffsetDateTime.parse("2026-01-05T10:00:00+08:00"), "/tmp/head.json")), ZoneId.of("Asia/Shanghai"));
        c.set(5, entry(6, c.get(4).hash(), "test.walk.rewritten"));
        ChainBreak b = walk(c, heads);
        assertThat(b.kind()).isEqualTo(ChainProblem.HEAD_MISMATCH);
        assertThat(b.seq()).isEqualTo(6);
    }

    @Test
    void aWrongGenesisLinkIsAnEdit() {
        List<StoredEntry> c = chain(3);
        c.set(0, entry(1, "f".repeat(64), "test.walk.1"));
        Optional<ChainBreak> b = Optional.ofNullable(walk(c));
        assertThat(b).map(ChainBreak::seq).contains(1L);
    }
}

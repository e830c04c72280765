package org.oneseal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ChainHashingTests {

    static final Instant AT = Instant.parse("2026-03-01T02:03:04.123456Z");

    static StoredEntry sample() {
        return new StoredEntry(7, AT, "zhangsan", null, "casework.case.accept", "Case", "C-2026-0001", "SUCCESS",
                "受理", 3202L, "10.0.0.8", ChainHashing.GENESIS, null);
    }

    @Test
    void sm3MatchesTheStandardTestVector() {
        // GB/T 32905-2016, example 1: SM3("abc")
        assertThat(HexFormat.of().formatHex(ChainHashing.sm3("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void hashIsLowercaseHexOf64CharactersAndStable() {
        String hash = ChainHashing.hash(sample());
        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(ChainHashing.hash(sample()));
        // the documented test vector of docs/audit.md: changing the encoding breaks every stored chain
        assertThat(hash).isEqualTo(DOCUMENTED_VECTOR);
    }

    /** Computed independently (Python hashlib SM3 over the encoding described in docs/audit.md). */
    static final String DOCUMENTED_VECTOR = "ce2937f77e166a6fb9c5d34feb4c096216fd61837cd74b421df2c80ccb44912a";

    @Test
    void canonicalEncodingIsLengthPrefixedUtf8StartingWithTheVersionTag() {
        byte[] bytes = ChainHashing.canonical(sample());
        assertThat(bytes[0]).isZero();
        assertThat(bytes[3]).isEqualTo((byte) ChainHashing.VERSION.length());
        assertThat(new String(bytes, 4, ChainHashing.VERSION.length(), StandardCharsets.UTF_8))
                .isEqualTo("oneseal-audit-v1");
        // the reason "受理" is 6 bytes of UTF-8
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("受理").contains("1772330584123456");
    }

    @Test
    void theStreamingHasherHashesExactlyTheCanonicalBytes() {
        ChainHashing.Hasher reused = new ChainHashing.Hasher();
        for (StoredEntry e : List.of(sample(), ChainWalkTests.entry(1, ChainHashing.GENESIS, "测试.动作"), sample())) {
            assertThat(reused.hash(e)).isEqualTo(HexFormat.of().formatHex(ChainHashing.sm3(ChainHashing.canonical(e))));
        }
    }

    @Test
    void nullAndEmptyFieldsHashDifferently() {
        StoredEntry withNull = sample();
        StoredEntry withEmpty = new StoredEntry(7, AT, "zhangsan", "", "casework.case.accept", "Case", "C-2026-0001",
                "SUCCESS", "受理", 3202L, "10.0.0.8", ChainHashing.GENESIS, null);
        assertThat(ChainHashing.hash(withNull)).isNotEqualTo(ChainHashing.hash(withEmpty));
    }

    @Test
    void movingTextAcrossAFieldBoundaryChangesTheHash() {
        StoredEntry a = new StoredEntry(1, AT, "ab", "c", "x", null, null, "SUCCESS", null, null, null,
                ChainHashing.GENESIS, null);
        StoredEntry b = new StoredEntry(1, AT, "a", "bc", "x", null, null, "SUCCESS", null, null, null,
                ChainHashing.GENESIS, null);
        assertThat(ChainHashing.hash(a)).isNotEqualTo(ChainHashing.hash(b));
    }

    @Test
    void everyFieldIsCoveredByTheHash() {
        StoredEntry s = sample();
        List<UnaryOperator<StoredEntry>> edits = List.of(
                e -> copy(e, 8, e.occurredAt(), e.actor(), e.reason(), e.regionId(), e.prevHash()),
                e -> copy(e, e.seq(), e.occurredAt().plusNanos(1_000), e.actor(), e.reason(), e.regionId(), e.prevHash()),
                e -> copy(e, e.seq(), e.occurredAt(), "lisi", e.reason(), e.regionId(), e.prevHash()),
                e -> copy(e, e.seq(), e.occurredAt(), e.actor(), "不予受理", e.regionId(), e.prevHash()),
                e -> copy(e, e.seq(), e.occurredAt(), e.actor(), e.reason(), 3203L, e.prevHash()),
                e -> copy(e, e.seq(), e.occurredAt(), e.actor(), e.reason(), null, e.prevHash()),
                e -> copy(e, e.seq(), e.occurredAt(), e.actor(), e.reason(), e.regionId(), "1".repeat(64)),
                e -> new StoredEntry(e.seq(), e.occurredAt(), e.actor(), "wangwu", e.action(), e.objectType(),
                        e.objectId(), e.outcome(), e.reason(), e.regionId(), e.clientIp(), e.prevHash(), null),
                e -> new StoredEntry(e.seq(), e.occurredAt(), e.actor(), e.actingFor(), "casework.case.reject",
                        e.objectType(), e.objectId(), e.outcome(), e.reason(), e.regionId(), e.clientIp(), e.prevHash(), null),
                e -> new StoredEntry(e.seq(), e.occurredAt(), e.actor(), e.actingFor(), e.action(), "License",
                        e.objectId(), e.outcome(), e.reason(), e.regionId(), e.clientIp(), e.prevHash(), null),
                e -> new StoredEntry(e.seq(), e.occurredAt(), e.actor(), e.actingFor(), e.action(), e.objectType(),
                        "C-2026-0002", e.outcome(), e.reason(), e.regionId(), e.clientIp(), e.prevHash(), null),
                e -> new StoredEntry(e.seq(), e.occurredAt(), e.actor(), e.actingFor(), e.action(), e.objectType(),
                        e.objectId(), "DENIED", e.reason(), e.regionId(), e.clientIp(), e.prevHash(), null),
                e -> new StoredEntry(e.seq(), e.occurredAt(), e.actor(), e.actingFor(), e.action(), e.objectType(),
                        e.objectId(), e.outcome(), e.reason(), e.regionId(), "10.0.0.9", e.prevHash(), null));
        Set<String> hashes = new HashSet<>();
        hashes.add(ChainHashing.hash(s));
        edits.forEach(edit -> hashes.add(ChainHashing.hash(edit.apply(s))));
        assertThat(hashes).hasSize(edits.size() + 1);
    }

    @Test
    void timestampsAreHashedAsEpochMicrosecondsAfterTruncation() {
        Instant precise = Instant.parse("2026-03-01T02:03:04.123456789Z");
        Instant stored = ChainHashing.toStoredPrecision(precise);
        assertThat(stored).isEqualTo(AT);
        assertThat(ChainHashing.epochMicros(stored)).isEqualTo(1_772_330_584_123_456L);
        assertThat(ChainHashing.epochMicros(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1L);
    }

    private static StoredEntry copy(StoredEntry e, long seq, Instant at, String actor, String reason, Long region,
            String prev) {
        return new StoredEntry(seq, at, actor, e.actingFor(), e.action(), e.objectType(), e.objectId(), e.outcome(),
                reason, region, e.clientIp(), prev, null);
    }
}

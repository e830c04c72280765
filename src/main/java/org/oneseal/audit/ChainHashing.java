package org.oneseal.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The hash of an audit entry: {@code hash = SM3(canonical(entry))}, lowercase hex (64 characters).
 *
 * <p>The canonical encoding is the concatenation of these fields, in this order, each written as a 4-byte
 * big-endian signed length followed by that many bytes of UTF-8 (a null field is the length {@code -1}
 * and no bytes, so null and "" differ and no two field lists encode alike):
 * <ol>
 *   <li>the version tag {@code oneseal-audit-v1}</li>
 *   <li>prev_hash (64 hex characters; the first entry uses 64 zeros)</li>
 *   <li>seq, decimal</li>
 *   <li>occurred_at as microseconds since 1970-01-01T00:00:00Z, decimal (PostgreSQL keeps microseconds)</li>
 *   <li>actor, acting_for, action, object_type, object_id, outcome, reason</li>
 *   <li>region_id, decimal</li>
 *   <li>client_ip</li>
 * </ol>
 * docs/audit.md describes the same encoding for independent (offline) verifiers.
 */
final class ChainHashing {

    /** prev_hash of the first entry. */
    static final String GENESIS = "0".repeat(64);
    static final String VERSION = "oneseal-audit-v1";
    private static final HexFormat HEX = HexFormat.of();

    private ChainHashing() {
    }

    static String hash(StoredEntry e) {
        return new Hasher().hash(e);
    }

    /** The bytes that are hashed (for tests and independent verifiers; hashing streams them instead). */
    static byte[] canonical(StoredEntry e) {
        Encoder out = new Encoder();
        writeFields(e, out::field);
        return out.toByteArray();
    }

    private static void writeFields(StoredEntry e, Consumer<String> out) {
        out.accept(VERSION);
        out.accept(e.prevHash());
        out.accept(Long.toString(e.seq()));
        out.accept(Long.toString(epochMicros(e.occurredAt())));
        out.accept(e.actor());
        out.accept(e.actingFor());
        out.accept(e.action());
        out.accept(e.objectType());
        out.accept(e.objectId());
        out.accept(e.outcome());
        out.accept(e.reason());
        out.accept(e.regionId() == null ? null : Long.toString(e.regionId()));
        out.accept(e.clientIp());
    }

    static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /** PostgreSQL's timestamptz keeps microseconds: what is hashed must be what is stored. */
    static Instant toStoredPrecision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static byte[] sm3(byte[] input) {
        SM3Digest digest = new SM3Digest();
        digest.update(input, 0, input.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /**
     * Streams the encoding straight into one reusable SM3 digest (the verifier keeps one per walk).
     * Not thread-safe.
     */
    static final class Hasher {

        private final SM3Digest digest = new SM3Digest();
        private final byte[] length = new byte[4];
        private final byte[] out = new byte[32];

        String hash(StoredEntry e) {
            writeFields(e, this::field);
            digest.doFinal(out, 0);
            return HEX.formatHex(out);
        }

        private void field(String value) {
            if (value == null) {
                writeLength(-1);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            writeLength(bytes.length);
            digest.update(bytes, 0, bytes.length);
        }

        private void writeLength(int n) {
            length[0] = (byte) (n >>> 24);
            length[1] = (byte) (n >>> 16);
            length[2] = (byte) (n >>> 8);
            length[3] = (byte) n;
            digest.update(length, 0, 4);
        }
    }

    /** Length-prefixed UTF-8 fields into a byte array. */
    private static final class Encoder extends ByteArrayOutputStream {

        Encoder() {
            super(256);
        }

        void field(String value) {
            if (value == null) {
                writeLength(-1);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            writeLength(bytes.length);
            write(bytes, 0, bytes.length);
        }

        private void writeLength(int n) {
            write(n >>> 24);
            write(n >>> 16);
            write(n >>> 8);
            write(n);
        }
    }
}

package org.oneseal.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
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
        return HEX.formatHex(sm3(canonical(e)));
    }

    static byte[] canonical(StoredEntry e) {
        Encoder out = new Encoder();
        out.field(VERSION);
        out.field(e.prevHash());
        out.field(Long.toString(e.seq()));
        out.field(Long.toString(epochMicros(e.occurredAt())));
        out.field(e.actor());
        out.field(e.actingFor());
        out.field(e.action());
        out.field(e.objectType());
        out.field(e.objectId());
        out.field(e.outcome());
        out.field(e.reason());
        out.field(e.regionId() == null ? null : Long.toString(e.regionId()));
        out.field(e.clientIp());
        return out.toByteArray();
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

    /** Length-prefixed UTF-8 fields. */
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

        private void writeLength(int length) {
            write(length >>> 24);
            write(length >>> 16);
            write(length >>> 8);
            write(length);
        }
    }
}

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Appends N entries to the audit chain of a OneSeal database, hashed as docs/audit.md specifies (an
 * implementation of its own, so that the benchmark also checks the published encoding), with COPY: the
 * verifier then has a long chain to walk. Takes the chain lock as the application does.
 *
 * Usage: java -cp 'lib/*' AuditSeed.java JDBC_URL USER PASSWORD N
 */
public class AuditSeed {

    static final long CHAIN_LOCK_KEY = 0x4F_53_41_55_44_49_54L;
    static final HexFormat HEX = HexFormat.of();

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[3]);
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            c.setAutoCommit(false);
            long seq = 0;
            String prev = "0".repeat(64);
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + CHAIN_LOCK_KEY + ")");
                try (ResultSet rs = s.executeQuery("select seq, hash from oneseal.audit_entry order by seq desc limit 1")) {
                    if (rs.next()) {
                        seq = rs.getLong(1);
                        prev = rs.getString(2);
                    }
                }
            }
            long micros = Instant.now().getEpochSecond() * 1_000_000L;
            CopyIn copy = ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI().copyIn(
                    "copy oneseal.audit_entry (seq, occurred_at, actor, acting_for, action, object_type, object_id, "
                            + "outcome, reason, region_id, client_ip, prev_hash, hash) from stdin");
            StringBuilder csv = new StringBuilder(1 << 20);
            for (int i = 0; i < n; i++) {
                seq++;
                long at = micros + i;
                String actor = "bench-" + (seq % 23);
                String action = "bench.seed." + (i % 5 == 0 ? "view" : "update");
                String objectId = "C-" + seq;
                String reason = i % 3 == 0 ? "批量写入的基准测试记录" : null;
                long region = 1 + seq % 5;
                String hash = hash(prev, seq, at, actor, null, action, "Case", objectId, "SUCCESS", reason, region, "127.0.0.1");
                OffsetDateTime t = Instant.ofEpochSecond(at / 1_000_000, (at % 1_000_000) * 1000).atOffset(ZoneOffset.UTC);
                csv.append(seq).append('\t').append(t).append('\t').append(actor).append("\t\\N\t").append(action)
                        .append("\tCase\t").append(objectId).append("\tSUCCESS\t").append(reason == null ? "\\N" : reason)
                        .append('\t').append(region).append("\t127.0.0.1\t").append(prev).append('\t').append(hash).append('\n');
                prev = hash;
                if (csv.length() > 1_000_000 || i == n - 1) { // streamed in slices: memory stays small for any N
                    byte[] slice = csv.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(slice, 0, slice.length);
                    csv.setLength(0);
                }
            }
            copy.endCopy();
            c.commit();
            System.out.printf("# appended %d audit entries (head now %d) in %.1f s%n", n, seq, (System.nanoTime() - started) / 1e9);
        }
    }

    static String hash(String prev, long seq, long micros, String actor, String actingFor, String action, String objectType,
            String objectId, String outcome, String reason, Long region, String ip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (String f : new String[] {"oneseal-audit-v1", prev, Long.toString(seq), Long.toString(micros), actor, actingFor,
                action, objectType, objectId, outcome, reason, region == null ? null : region.toString(), ip}) {
            if (f == null) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] b = f.getBytes(StandardCharsets.UTF_8);
                out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
                out.writeBytes(b);
            }
        }
        byte[] in = out.toByteArray();
        SM3Digest d = new SM3Digest();
        d.update(in, 0, in.length);
        byte[] h = new byte[32];
        d.doFinal(h, 0);
        return HEX.formatHex(h);
    }
}

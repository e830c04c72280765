package org.oneseal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL on {@code oneseal.audit_entry}: the chain lock, the head, appends and the verifier's batches. */
@Repository
class AuditEntryStore {

    /** Key of the transaction-scoped advisory lock that serialises appends ("OSAUDIT" in ASCII). */
    static final long CHAIN_LOCK_KEY = 0x4F_53_41_55_44_49_54L;

    static final String COLUMNS = "seq, occurred_at, actor, acting_for, action, object_type, object_id, outcome, "
            + "reason, region_id, client_ip, prev_hash, hash";

    private final JdbcClient jdbc;

    AuditEntryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for the chain lock; it is released when the current transaction ends. */
    void lockChain() {
        // a wait that cannot end (e.g. an audited transaction started from inside a committing one of the same
        // thread) fails after a minute instead of hanging
        jdbc.sql("select set_config('lock_timeout', '60s', true)").query().listOfRows();
        jdbc.sql("select 1 from pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK_KEY).query().listOfRows();
    }

    /** Inserts entries in one statement (one round trip while the chain lock is held). */
    void insertAll(List<StoredEntry> entries) {
        StringBuilder sql = new StringBuilder("insert into oneseal.audit_entry (" + COLUMNS + ") values ");
        org.springframework.jdbc.core.namedparam.MapSqlParameterSource params =
                new org.springframework.jdbc.core.namedparam.MapSqlParameterSource();
        for (int i = 0; i < entries.size(); i++) {
            StoredEntry e = entries.get(i);
            sql.append(i == 0 ? "" : ", ").append("(:seq").append(i).append(", :occurredAt").append(i)
                    .append(", :actor").append(i).append(", :actingFor").append(i).append(", :action").append(i)
                    .append(", :objectType").append(i).append(", :objectId").append(i).append(", :outcome").append(i)
                    .append(", :reason").append(i).append(", :regionId").append(i).append(", :clientIp").append(i)
                    .append(", :prevHash").append(i).append(", :hash").append(i).append(')');
            params.addValue("seq" + i, e.seq())
                    .addValue("occurredAt" + i, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC))
                    .addValue("actor" + i, e.actor()).addValue("actingFor" + i, e.actingFor())
                    .addValue("action" + i, e.action()).addValue("objectType" + i, e.objectType())
                    .addValue("objectId" + i, e.objectId()).addValue("outcome" + i, e.outcome())
                    .addValue("reason" + i, e.reason()).addValue("regionId" + i, e.regionId())
                    .addValue("clientIp" + i, e.clientIp()).addValue("prevHash" + i, e.prevHash())
                    .addValue("hash" + i, e.hash());
        }
        jdbc.sql(sql.toString()).paramSource(params).update();
    }

    /** The last entry (seq and hash), if any. */
    Optional<AuditHead> head() {
        return jdbc.sql("select seq, hash, occurred_at from oneseal.audit_entry order by seq desc limit 1")
                .query((rs, n) -> new AuditHead(rs.getLong("seq"), rs.getString("hash"),
                        rs.getObject("occurred_at", OffsetDateTime.class)))
                .optional();
    }

    /** Up to {@code limit} entries with seq greater than {@code afterSeq}, in seq order (keyset pagination). */
    List<StoredEntry> batchAfter(long afterSeq, int limit) {
        return jdbc.sql("select " + COLUMNS + " from oneseal.audit_entry where seq > :after order by seq limit :limit")
                .param("after", afterSeq)
                .param("limit", limit)
                .query(AuditEntryStore::row)
                .list();
    }

    /** The seq of the entry whose hash this is (hashes are unique), used once to explain a broken link. */
    Optional<Long> seqOfHash(String hash) {
        return jdbc.sql("select seq from oneseal.audit_entry where hash = :hash")
                .param("hash", hash)
                .query(Long.class)
                .optional();
    }

    static StoredEntry row(ResultSet rs, int rowNum) throws SQLException {
        return new StoredEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), (Long) rs.getObject(10, Long.class), rs.getString(11),
                rs.getString(12), rs.getString(13));
    }
}

package org.oneseal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL on {@code oneseal.audit_entry} and {@code oneseal.audit_pending}: the chain lock, the head, pending
 * entries, appends and the verifier's batches.
 */
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

    /** Rows per insert statement: 13 parameters each stays far below PostgreSQL's 65,535 per statement. */
    static final int ROWS_PER_STATEMENT = 1000;

    /** Inserts chained entries, up to {@link #ROWS_PER_STATEMENT} per statement. */
    void insertAll(List<StoredEntry> entries) {
        for (int from = 0; from < entries.size(); from += ROWS_PER_STATEMENT) {
            List<StoredEntry> chunk = entries.subList(from, Math.min(entries.size(), from + ROWS_PER_STATEMENT));
            insertRows("oneseal.audit_entry (" + COLUMNS + ")", chunk, true);
        }
    }

    /** Inserts entries not yet chained (their seq, prev_hash and hash are ignored), with the caller's transaction. */
    void insertPending(List<StoredEntry> entries) {
        for (int from = 0; from < entries.size(); from += ROWS_PER_STATEMENT) {
            List<StoredEntry> chunk = entries.subList(from, Math.min(entries.size(), from + ROWS_PER_STATEMENT));
            insertRows("oneseal.audit_pending (" + PENDING_COLUMNS + ")", chunk, false);
        }
    }

    static final String PENDING_COLUMNS = "occurred_at, actor, acting_for, action, object_type, object_id, outcome, "
            + "reason, region_id, client_ip";

    private void insertRows(String table, List<StoredEntry> rows, boolean chained) {
        StringBuilder sql = new StringBuilder("insert into ").append(table).append(" values ");
        MapSqlParameterSource params = new MapSqlParameterSource();
        for (int i = 0; i < rows.size(); i++) {
            StoredEntry e = rows.get(i);
            sql.append(i == 0 ? "(" : ", (");
            if (chained) {
                sql.append(":seq").append(i).append(", ");
                params.addValue("seq" + i, e.seq());
            }
            sql.append(":occurredAt").append(i).append(", :actor").append(i).append(", :actingFor").append(i)
                    .append(", :action").append(i).append(", :objectType").append(i).append(", :objectId").append(i)
                    .append(", :outcome").append(i).append(", :reason").append(i).append(", :regionId").append(i)
                    .append(", :clientIp").append(i);
            if (chained) {
                sql.append(", :prevHash").append(i).append(", :hash").append(i);
                params.addValue("prevHash" + i, e.prevHash()).addValue("hash" + i, e.hash());
            }
            sql.append(')');
            params.addValue("occurredAt" + i, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC))
                    .addValue("actor" + i, e.actor()).addValue("actingFor" + i, e.actingFor())
                    .addValue("action" + i, e.action()).addValue("objectType" + i, e.objectType())
                    .addValue("objectId" + i, e.objectId()).addValue("outcome" + i, e.outcome())
                    .addValue("reason" + i, e.reason()).addValue("regionId" + i, e.regionId())
                    .addValue("clientIp" + i, e.clientIp());
        }
        jdbc.sql(sql.toString()).paramSource(params).update();
    }

    /** A row of {@code audit_pending}: its id and its content (seq 0, no hashes yet). */
    record PendingEntry(long id, StoredEntry entry) {
    }

    /** Up to {@code limit} pending entries, oldest id first (call with the chain lock held). */
    List<PendingEntry> pendingBatch(int limit) {
        return jdbc.sql("select id, " + PENDING_COLUMNS + " from oneseal.audit_pending order by id limit :limit")
                .param("limit", limit)
                .query((rs, n) -> new PendingEntry(rs.getLong(1), new StoredEntry(0,
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        (Long) rs.getObject(10, Long.class), rs.getString(11), null, null)))
                .list();
    }

    /** Removes chained entries from {@code audit_pending} (with the chain transaction). */
    void deletePending(List<Long> ids) {
        jdbc.sql("delete from oneseal.audit_pending where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .update();
    }

    /** Whether entries wait to be chained (e.g. left by a node that stopped between a commit and its pass). */
    long pendingCount() {
        return jdbc.sql("select count(*) from oneseal.audit_pending").query(Long.class).single();
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

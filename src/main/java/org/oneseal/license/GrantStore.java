package org.oneseal.license;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL on {@code licence_grant} and {@code licence_pull} (免证办), and the holder's licences. */
@Repository
class GrantStore {

    private final JdbcClient jdbc;

    GrantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Current licence ids of a holder (by ID card number or credit code), newest first. */
    List<String> licencesOf(String holderIdentifier) {
        return jdbc.sql("select licence_id from oneseal.licence where holder_identifier = :h and successor_id is null "
                        + "order by signed_at desc limit 200")
                .param("h", holderIdentifier).query(String.class).list();
    }

    long insert(String licenceId, long holder, long windowUnitId, String purpose, String token, String code,
            Instant from, Instant until) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into oneseal.licence_grant (licence_id, holder_account_id, window_unit_id, purpose, token, code,
                                                   valid_from, valid_until, created_at)
                values (:licence, :holder, :window, :purpose, :token, :code, :from, :until, :from)""")
                .param("licence", licenceId).param("holder", holder).param("window", windowUnitId)
                .param("purpose", purpose).param("token", token).param("code", code)
                .param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String GRANT = """
            select id, licence_id, holder_account_id, window_unit_id, purpose, token, code, code_used_at, valid_from,
                   valid_until, revoked_at, created_at from oneseal.licence_grant""";

    Optional<Grant> byId(long id) {
        return jdbc.sql(GRANT + " where id = :id").param("id", id).query(GrantStore::grant).optional();
    }

    Optional<Grant> byToken(String token) {
        return jdbc.sql(GRANT + " where token = :t for update").param("t", token).query(GrantStore::grant).optional();
    }

    /** The grants whose one-time code this is and is unused (codes are short: several grants may share one). */
    List<Grant> byCode(String code) {
        return jdbc.sql(GRANT + " where code = :c and code_used_at is null for update")
                .param("c", code).query(GrantStore::grant).list();
    }

    List<Grant> ofHolder(long holder) {
        return jdbc.sql(GRANT + " where holder_account_id = :h order by created_at desc limit 200").param("h", holder)
                .query(GrantStore::grant).list();
    }

    void codeUsed(long id, Instant at) {
        jdbc.sql("update oneseal.licence_grant set code_used_at = :at where id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void revoked(long id, Instant at) {
        jdbc.sql("update oneseal.licence_grant set revoked_at = :at where id = :id and revoked_at is null")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** Records a pull by the grant's window, which lies in {@code windowRegionId}. */
    void pulled(Grant g, long windowRegionId, String by, Instant at) {
        jdbc.sql("""
                insert into oneseal.licence_pull (grant_id, licence_id, window_unit_id, window_region_id, pulled_by,
                                                  pulled_at)
                values (:grant, :licence, :window, :region, :by, :at)""")
                .param("grant", g.id()).param("licence", g.licenceId()).param("window", g.windowUnitId())
                .param("region", windowRegionId).param("by", by).param("at", Timestamp.from(at)).update();
    }

    /** Whether the grant's window has pulled with it (presented its QR token or code) at least once. */
    boolean pulledBy(long grantId, long windowUnitId) {
        return jdbc.sql("select exists (select 1 from oneseal.licence_pull where grant_id = :g and window_unit_id = :w)")
                .param("g", grantId).param("w", windowUnitId).query(Boolean.class).single();
    }

    /** The pulls of a holder's grants, newest first: grant id, licence, window, staff member, time. */
    List<Pull> pullsOf(long holder) {
        return jdbc.sql("""
                select p.grant_id, p.licence_id, p.window_unit_id, p.pulled_by, p.pulled_at
                from oneseal.licence_pull p join oneseal.licence_grant g on g.id = p.grant_id
                where g.holder_account_id = :h order by p.pulled_at desc limit 500""")
                .param("h", holder)
                .query((rs, n) -> new Pull(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    private static Grant grant(ResultSet rs, int n) throws SQLException {
        return new Grant(rs.getLong("id"), rs.getString("licence_id"), rs.getLong("holder_account_id"),
                rs.getLong("window_unit_id"), rs.getString("purpose"), rs.getString("token"), rs.getString("code"),
                instant(rs, "code_used_at"), instant(rs, "valid_from"), instant(rs, "valid_until"),
                instant(rs, "revoked_at"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A stored grant. */
    record Grant(long id, String licenceId, long holderAccountId, long windowUnitId, String purpose, String token,
                 String code, Instant codeUsedAt, Instant validFrom, Instant validUntil, Instant revokedAt,
                 Instant createdAt) {

        boolean validAt(Instant now) {
            return revokedAt == null && !now.isBefore(validFrom) && now.isBefore(validUntil);
        }
    }

    /** A stored pull. */
    record Pull(long grantId, String licenceId, long windowUnitId, String pulledBy, Instant pulledAt) {
    }
}

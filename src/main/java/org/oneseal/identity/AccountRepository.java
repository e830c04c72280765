package org.oneseal.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Accounts and their roles, with the lockout and second-factor updates done in single statements. */
@Repository
class AccountRepository {

    private static final String SELECT = """
            select a.*, coalesce((select string_agg(r.role, ',') from oneseal.account_role r
                                  where r.account_id = a.id), '') as roles
            from oneseal.account a
            """;

    private final JdbcClient jdbc;
    private final SecretBox secrets;

    AccountRepository(JdbcClient jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql(SELECT + " where lower(a.username) = lower(:u)").param("u", username)
                .query(this::map).optional();
    }

    Optional<Account> findById(long id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(this::map).optional();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from oneseal.account where lower(username) = lower(:u)")
                .param("u", username).query(Long.class).single() > 0;
    }

    boolean anyWithRole(Role role) {
        return jdbc.sql("select count(*) from oneseal.account_role where role = :r").param("r", role.name())
                .query(Long.class).single() > 0;
    }

    long insert(Account a, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into oneseal.account (username, password_hash, kind, display_name, region_id, org_unit_id,
                    city_wide, enabled, totp_secret, totp_confirmed_at, created_at)
                values (:username, :hash, :kind, :displayName, :regionId, :orgUnitId, :cityWide, :enabled,
                    :totpSecret, :totpConfirmedAt, :now)
                """)
                .param("username", a.username()).param("hash", a.passwordHash()).param("kind", a.kind().name())
                .param("displayName", a.displayName()).param("regionId", a.regionId())
                .param("orgUnitId", a.orgUnitId()).param("cityWide", a.cityWide()).param("enabled", a.enabled())
                .param("totpSecret", secrets.encrypt(a.totpSecret())).param("totpConfirmedAt", ts(a.totpConfirmedAt()))
                .param("now", ts(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        replaceRoles(id, a.roles());
        return id;
    }

    void updateStaff(long id, String displayName, long regionId, Long orgUnitId, boolean cityWide, boolean enabled,
            Set<Role> roles) {
        jdbc.sql("""
                update oneseal.account set display_name = :d, region_id = :r, org_unit_id = :o, city_wide = :c,
                    enabled = :e, version = version + 1 where id = :id and kind = 'STAFF'
                """).param("d", displayName).param("r", regionId).param("o", orgUnitId).param("c", cityWide)
                .param("e", enabled).param("id", id).update();
        replaceRoles(id, roles);
    }

    private void replaceRoles(long id, Set<Role> roles) {
        jdbc.sql("delete from oneseal.account_role where account_id = :id").param("id", id).update();
        for (Role role : roles) {
            jdbc.sql("insert into oneseal.account_role (account_id, role) values (:id, :role)")
                    .param("id", id).param("role", role.name()).update();
        }
    }

    /** Counts a failure; locks the account when the limit is reached. Returns the new lock end or null. */
    Instant recordFailure(long id, Instant now, int maxFailures, Instant lockUntil) {
        Instant current = jdbc.sql("select locked_until from oneseal.account where id = :id for update").param("id", id)
                .query((rs, n) -> toInstant(rs.getTimestamp(1))).optional().orElse(null);
        if (current != null && current.isAfter(now)) {
            return current; // already locked: attempts during the lock do not prolong it
        }
        return jdbc.sql("""
                update oneseal.account set
                    failed_attempts = case when locked_until is not null and locked_until <= :now then 1
                                           else failed_attempts + 1 end,
                    locked_until = case
                        when (case when locked_until is not null and locked_until <= :now then 1
                                   else failed_attempts + 1 end) >= :max then :lockUntil
                        when locked_until is not null and locked_until <= :now then null
                        else locked_until end
                where id = :id
                returning locked_until
                """).param("now", ts(now)).param("max", maxFailures).param("lockUntil", ts(lockUntil))
                .param("id", id).query((rs, n) -> toInstant(rs.getTimestamp(1))).optional().orElse(null);
    }

    void recordSuccess(long id, Instant now) {
        jdbc.sql("update oneseal.account set failed_attempts = 0, locked_until = null, last_login_at = :now where id = :id")
                .param("now", ts(now)).param("id", id).update();
    }

    void unlock(long id) {
        jdbc.sql("update oneseal.account set failed_attempts = 0, locked_until = null where id = :id")
                .param("id", id).update();
    }

    /** Stores the secret of a first enrolment; false when the account has a confirmed secret already. */
    boolean confirmTotp(long id, String secret, Instant now) {
        return jdbc.sql("""
                update oneseal.account set totp_secret = :s, totp_confirmed_at = :now, totp_last_step = null,
                    version = version + 1
                where id = :id and totp_confirmed_at is null""")
                .param("s", secrets.encrypt(secret)).param("now", ts(now)).param("id", id).update() == 1;
    }

    void resetTotp(long id) {
        jdbc.sql("""
                update oneseal.account set totp_secret = null, totp_confirmed_at = null, totp_last_step = null,
                    version = version + 1 where id = :id""")
                .param("id", id).update();
        jdbc.sql("delete from oneseal.recovery_code where account_id = :id").param("id", id).update();
    }

    /** Marks a time step as used; false when it (or a later one) was used already (replay). */
    boolean useTotpStep(long id, long step) {
        return jdbc.sql("""
                update oneseal.account set totp_last_step = :step
                where id = :id and (totp_last_step is null or totp_last_step < :step)
                """).param("step", step).param("id", id).update() == 1;
    }

    /** The account's change counter and whether it may sign in (checked on every request). */
    java.util.Optional<int[]> freshness(long id) {
        return jdbc.sql("select version, case when enabled then 1 else 0 end from oneseal.account where id = :id")
                .param("id", id).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).optional();
    }

    void changePassword(long id, String hash) {
        jdbc.sql("update oneseal.account set password_hash = :h where id = :id").param("h", hash).param("id", id).update();
    }

    List<String> unusedRecoveryCodeHashes(long accountId) {
        return jdbc.sql("select code_hash from oneseal.recovery_code where account_id = :id and used_at is null")
                .param("id", accountId).query(String.class).list();
    }

    void replaceRecoveryCodes(long accountId, List<String> hashes) {
        jdbc.sql("delete from oneseal.recovery_code where account_id = :id").param("id", accountId).update();
        hashes.forEach(h -> jdbc.sql("insert into oneseal.recovery_code (account_id, code_hash) values (:id, :h)")
                .param("id", accountId).param("h", h).update());
    }

    boolean useRecoveryCode(long accountId, String hash, Instant now) {
        return jdbc.sql("""
                update oneseal.recovery_code set used_at = :now
                where account_id = :id and code_hash = :h and used_at is null
                """).param("now", ts(now)).param("id", accountId).param("h", hash).update() == 1;
    }

    private Account map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = Arrays.stream(rs.getString("roles").split(",")).filter(s -> !s.isBlank())
                .map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                AccountKind.valueOf(rs.getString("kind")), rs.getString("display_name"),
                (Long) rs.getObject("region_id"), (Long) rs.getObject("org_unit_id"), rs.getBoolean("city_wide"),
                rs.getBoolean("enabled"), rs.getInt("version"), rs.getInt("failed_attempts"), toInstant(rs.getTimestamp("locked_until")),
                secrets.decrypt(rs.getString("totp_secret")), toInstant(rs.getTimestamp("totp_confirmed_at")),
                (Long) rs.getObject("totp_last_step"), roles);
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant toInstant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}

package org.oneseal.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.oneseal.shared.BusinessRuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Idempotency-Key handling for submissions, inside the submission's own transaction: the same key gives
 * the same case; the same key with a different body is refused; concurrent duplicates wait on the key's
 * row and then see the first one's case, so exactly one case is created.
 */
@Component
class IdempotentSubmissions {

    private final JdbcClient jdbc;
    private final CaseworkMessages messages;

    IdempotentSubmissions(JdbcClient jdbc, CaseworkMessages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** Empty: go on and create the case (then call {@link #complete}); present: the case made earlier. */
    Optional<Long> begin(long accountId, String key, String requestHash, Instant now) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        if (key.length() > 100) {
            throw new BusinessRuleViolation("casework.idempotency.key", messages.text("casework.idempotency.keyTooLong"));
        }
        int inserted = jdbc.sql("""
                insert into oneseal.idempotent_submission (idempotency_key, account_id, request_hash, created_at)
                values (:key, :account, :hash, :now) on conflict do nothing""")
                .param("key", key).param("account", accountId).param("hash", requestHash)
                .param("now", Timestamp.from(now)).update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select request_hash, case_id from oneseal.idempotent_submission
                where account_id = :account and idempotency_key = :key""")
                .param("account", accountId).param("key", key)
                .query((rs, n) -> {
                    if (!rs.getString("request_hash").equals(requestHash)) {
                        throw new BusinessRuleViolation("casework.idempotency.mismatch",
                                messages.text("casework.idempotency.mismatch"));
                    }
                    return rs.getLong("case_id");
                }).optional();
    }

    void complete(long accountId, String key, long caseId) {
        if (key == null || key.isBlank()) {
            return;
        }
        jdbc.sql("update oneseal.idempotent_submission set case_id = :caseId where account_id = :account and idempotency_key = :key")
                .param("caseId", caseId).param("account", accountId).param("key", key).update();
    }
}

package org.oneseal.seal;

import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only seal ledger (table oneseal.seal_ledger; triggers refuse UPDATE, DELETE and TRUNCATE). */
@Repository
class SealLedger {

    private final JdbcClient jdbc;

    SealLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long append(SealLedgerEntry entry) {
        return jdbc.sql("""
                insert into oneseal.seal_ledger (used_at, document_hash, purpose, case_id, document_id, signer, key_id)
                values (:usedAt, :hash, :purpose, :caseId, :documentId, :signer, :keyId) returning id""")
                .param("usedAt", Timestamp.from(entry.usedAt()))
                .param("hash", entry.documentHash())
                .param("purpose", entry.use().purpose())
                .param("caseId", entry.use().caseId())
                .param("documentId", entry.use().documentId())
                .param("signer", entry.signer())
                .param("keyId", entry.keyId())
                .query(Long.class).single();
    }

    long countFor(String documentId) {
        return jdbc.sql("select count(*) from oneseal.seal_ledger where document_id = :id")
                .param("id", documentId).query(Long.class).single();
    }
}

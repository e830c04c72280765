package org.oneseal.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL on {@code oneseal.audit_head_export}, the record of every head export. */
@Repository
class HeadExportStore {

    private final JdbcClient jdbc;

    HeadExportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AuditHead head, OffsetDateTime exportedAt, String file) {
        jdbc.sql("insert into oneseal.audit_head_export (exported_at, seq, hash, file) "
                        + "values (:at, :seq, :hash, :file)")
                .param("at", exportedAt)
                .param("seq", head.seq())
                .param("hash", head.hash())
                .param("file", file)
                .update();
    }

    /** Every export (they are few: one per run of the export job). */
    List<ExportedHeads.Known> all() {
        return jdbc.sql("select seq, hash, exported_at from oneseal.audit_head_export order by id")
                .query((rs, n) -> new ExportedHeads.Known(rs.getLong("seq"), rs.getString("hash"),
                        rs.getObject("exported_at", OffsetDateTime.class), null))
                .list();
    }

    Optional<ExportedHeads.Known> latest() {
        return jdbc.sql("select seq, hash, exported_at, file from oneseal.audit_head_export order by id desc limit 1")
                .query((rs, n) -> new ExportedHeads.Known(rs.getLong("seq"), rs.getString("hash"),
                        rs.getObject("exported_at", OffsetDateTime.class), rs.getString("file")))
                .optional();
    }
}

package org.oneseal.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Submitted materials, stored in PostgreSQL with their SM3 hash; a replaced file stays, marked superseded. */
@Repository
class CaseMaterials {

    private final JdbcClient jdbc;

    CaseMaterials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void store(long caseId, String requirementCode, String fileName, String contentType, byte[] content, String sm3,
            Instant at, String by) {
        jdbc.sql("""
                update oneseal.case_material set superseded_at = :at
                where case_id = :caseId and requirement_code = :code and superseded_at is null""")
                .param("at", Timestamp.from(at)).param("caseId", caseId).param("code", requirementCode).update();
        jdbc.sql("""
                insert into oneseal.case_material (case_id, requirement_code, file_name, content_type, size_bytes, sm3,
                    content, uploaded_at, uploaded_by)
                values (:caseId, :code, :name, :type, :size, :sm3, :content, :at, :by)""")
                .param("caseId", caseId).param("code", requirementCode).param("name", fileName)
                .param("type", contentType).param("size", (long) content.length).param("sm3", sm3)
                .param("content", content).param("at", Timestamp.from(at)).param("by", by).update();
    }

    List<MaterialView> current(long caseId) {
        return jdbc.sql("""
                select id, requirement_code, file_name, content_type, size_bytes, sm3, uploaded_at, uploaded_by
                from oneseal.case_material where case_id = :caseId and superseded_at is null order by id""")
                .param("caseId", caseId)
                .query((rs, n) -> new MaterialView(rs.getLong("id"), rs.getString("requirement_code"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                        rs.getString("sm3"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by")))
                .list();
    }

    Optional<StoredFile> file(long caseId, long materialId) {
        return jdbc.sql("""
                select file_name, content_type, content from oneseal.case_material
                where case_id = :caseId and id = :id""").param("caseId", caseId).param("id", materialId)
                .query((rs, n) -> new StoredFile(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content"))).optional();
    }

    record StoredFile(String fileName, String contentType, byte[] content) {
    }
}

package org.oneseal.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The uploaded templates (table {@code report_template}). */
@Component
class TemplateStore {

    private static final String COLUMNS = """
            id, kind, name, file_name, size_bytes, placeholders, uploaded_by, uploaded_at, active, deactivated_by,
            deactivated_at""";

    private final JdbcClient jdbc;

    TemplateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a template; empty when an active template of the kind has that name already. */
    Optional<Long> insert(ReportKind kind, String name, String fileName, byte[] content, List<String> placeholders,
            String uploadedBy, Instant at) {
        try {
            return Optional.of(insertRow(kind, name, fileName, content, placeholders, uploadedBy, at));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    private long insertRow(ReportKind kind, String name, String fileName, byte[] content, List<String> placeholders,
            String uploadedBy, Instant at) {
        return jdbc.sql("""
                insert into oneseal.report_template (kind, name, file_name, content, size_bytes, placeholders,
                    uploaded_by, uploaded_at)
                values (:kind, :name, :fileName, :content, :size, :placeholders, :by, :at) returning id""")
                .param("kind", kind.name()).param("name", name).param("fileName", fileName).param("content", content)
                .param("size", content.length).param("placeholders", String.join("\n", placeholders))
                .param("by", uploadedBy).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    boolean activeNameTaken(ReportKind kind, String name) {
        return jdbc.sql("select count(*) from oneseal.report_template where kind = :kind and name = :name and active")
                .param("kind", kind.name()).param("name", name).query(Long.class).single() > 0;
    }

    Optional<TemplateInfo> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from oneseal.report_template where id = :id").param("id", id)
                .query(TemplateStore::info).optional();
    }

    Optional<byte[]> content(long id) {
        return jdbc.sql("select content from oneseal.report_template where id = :id").param("id", id)
                .query(byte[].class).optional();
    }

    /** Templates of a kind (null: both), newest first; only the active ones unless {@code all}. */
    List<TemplateInfo> list(ReportKind kind, boolean all) {
        return jdbc.sql("select " + COLUMNS + """
                 from oneseal.report_template
                where (cast(:kind as varchar) is null or kind = :kind) and (:all or active)
                order by kind, uploaded_at desc, id desc""")
                .param("kind", kind == null ? null : kind.name()).param("all", all).query(TemplateStore::info).list();
    }

    boolean deactivate(long id, String by, Instant at) {
        return jdbc.sql("""
                update oneseal.report_template set active = false, deactivated_by = :by, deactivated_at = :at
                where id = :id and active""").param("id", id).param("by", by).param("at", Timestamp.from(at))
                .update() == 1;
    }

    private static TemplateInfo info(ResultSet rs, int n) throws SQLException {
        Timestamp deactivated = rs.getTimestamp("deactivated_at");
        String placeholders = rs.getString("placeholders");
        return new TemplateInfo(rs.getLong("id"), ReportKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("file_name"), rs.getInt("size_bytes"),
                placeholders.isEmpty() ? List.of() : Arrays.asList(placeholders.split("\n")),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant(), rs.getBoolean("active"),
                rs.getString("deactivated_by"), deactivated == null ? null : deactivated.toInstant());
    }
}

package org.oneseal.matter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes matters and their versions; a version's elements are one jsonb document. */
@Component
class MatterStore {

    private static final String VERSION_COLUMNS = """
            id, matter_id, version_number, state, content::text as content, created_at, updated_at, published_at,
            superseded_at, lock_version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MatterStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Matter insertMatter(String matterCode, String implementationCode, long regionId, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into oneseal.matter (matter_code, implementation_code, region_id, created_at)
                values (:code, :impl, :region, :now)""")
                .param("code", matterCode).param("impl", implementationCode).param("region", regionId)
                .param("now", ts(now)).update(keys, "id");
        return new Matter(keys.getKey().longValue(), matterCode, implementationCode, regionId, now);
    }

    Optional<Matter> matter(long id) {
        return jdbc.sql("select * from oneseal.matter where id = :id").param("id", id).query(this::matterRow).optional();
    }

    Optional<Matter> matterByImplementationCode(String code) {
        return jdbc.sql("select * from oneseal.matter where implementation_code = :code").param("code", code)
                .query(this::matterRow).optional();
    }

    MatterVersion insert(MatterVersion v) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into oneseal.matter_version (matter_id, version_number, state, name, department_id, service_object,
                    content, created_at, updated_at, published_at, superseded_at)
                values (:matter, :number, :state, :name, :department, :object, cast(:content as jsonb), :created,
                    :updated, :published, :superseded)""")
                .paramSource(columns(v).addValue("matter", v.matterId()).addValue("number", v.number())
                        .addValue("created", ts(v.createdAt()))).update(keys, "id");
        return version(keys.getKey().longValue()).orElseThrow();
    }

    /** Saves a changed version; a concurrent change in between (other lock version) fails. */
    void update(MatterVersion v) {
        int rows = jdbc.sql("""
                update oneseal.matter_version set state = :state, name = :name, department_id = :department,
                    service_object = :object, content = cast(:content as jsonb), updated_at = :updated,
                    published_at = :published, superseded_at = :superseded, lock_version = lock_version + 1
                where id = :id and lock_version = :lock""")
                .paramSource(columns(v).addValue("id", v.id()).addValue("lock", v.lockVersion())).update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("matter version " + v.id() + " changed meanwhile");
        }
    }

    Optional<MatterVersion> version(long id) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from oneseal.matter_version where id = :id").param("id", id)
                .query(this::versionRow).optional();
    }

    Optional<MatterVersion> inState(long matterId, MatterVersionState state) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from oneseal.matter_version where matter_id = :m and state = :s")
                .param("m", matterId).param("s", state.name()).query(this::versionRow).optional();
    }

    List<MatterVersion> versions(long matterId) {
        return jdbc.sql("select " + VERSION_COLUMNS
                        + " from oneseal.matter_version where matter_id = :m order by version_number desc")
                .param("m", matterId).query(this::versionRow).list();
    }

    int nextNumber(long matterId) {
        return jdbc.sql("select coalesce(max(version_number), 0) + 1 from oneseal.matter_version where matter_id = :m")
                .param("m", matterId).query(Integer.class).single();
    }

    String toJson(MatterElements elements) {
        return json.writeValueAsString(elements);
    }

    MatterElements fromJson(String text) {
        return json.readValue(text, MatterElements.class);
    }

    private org.springframework.jdbc.core.namedparam.MapSqlParameterSource columns(MatterVersion v) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("state", v.state().name()).addValue("name", v.elements().name())
                .addValue("department", v.elements().departmentId())
                .addValue("object", v.elements().serviceObject().name())
                .addValue("content", toJson(v.elements())).addValue("updated", ts(v.updatedAt()))
                .addValue("published", ts(v.publishedAt())).addValue("superseded", ts(v.supersededAt()));
    }

    private Matter matterRow(ResultSet rs, int n) throws SQLException {
        return new Matter(rs.getLong("id"), rs.getString("matter_code"), rs.getString("implementation_code"),
                rs.getLong("region_id"), instant(rs, "created_at"));
    }

    private MatterVersion versionRow(ResultSet rs, int n) throws SQLException {
        return new MatterVersion(rs.getLong("id"), rs.getLong("matter_id"), rs.getInt("version_number"),
                MatterVersionState.valueOf(rs.getString("state")), fromJson(rs.getString("content")),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "published_at"),
                instant(rs, "superseded_at"), rs.getInt("lock_version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

package org.oneseal.matter;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.oneseal.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalogue as in force at a moment: every matter with a published version in force then — its first published
 * version against that one, with all the reform figures count of it — and every bundle (一件事) published then, with
 * its members as in force then. The one computation behind {@link ReformFigures} (a caller's scope, one region) and
 * {@link MatterMetrics} (the statistics' regions, a department): a version is in force from its publication until
 * it is superseded; a bundle from its publication until it is withdrawn or changed (V72).
 */
@Component
class CatalogueSnapshot {

    /**
     * Which matters and bundles count.
     *
     * @param regions      the regions (a data scope: every region when city-wide)
     * @param regionId     one exact region among them, or null for all of them
     * @param departmentId the department of the version in force (matters only), or null for all
     */
    record Filter(DataScope regions, Long regionId, Long departmentId) {
    }

    /** A bundle published at the moment, with its members as in force then (a member without one is left out). */
    record BundleAt(long bundleId, String code, String name, long regionId, Integer targetWorkingDays,
                    List<MemberAt> members) {

        /** The members' required materials one by one (before the bundle merged them). */
        int materialsBefore() {
            return members.stream().mapToInt(m -> m.requiredMaterials().size()).sum();
        }

        /** The required materials of the merged list: materials of the same name are one. */
        int materialsAfter() {
            return (int) members.stream().flatMap(m -> m.requiredMaterials().stream()).distinct().count();
        }

        /** The members' promised limits added up (applied for one after the other). */
        int daysBefore() {
            return members.stream().mapToInt(MemberAt::promisedDays).sum();
        }

        /** The bundle's target, or without one the longest member limit (they run in parallel). */
        int daysAfter() {
            return targetWorkingDays != null ? targetWorkingDays
                    : members.stream().mapToInt(MemberAt::promisedDays).max().orElse(0);
        }

        /** 一照含证: the business licence carries at least one of its permits. */
        boolean licenceCarries() {
            return members.stream().anyMatch(MemberAt::carriedByLicence);
        }
    }

    /** A member of a bundle as in force: its required materials by name (stripped). */
    record MemberAt(long matterId, String matterCode, String implementationCode, String name, long departmentId,
                    int promisedDays, List<String> requiredMaterials, boolean carriedByLicence) {
    }

    /** The version of each matter in force at {@code :asOf} (published, not yet superseded), and its first one. */
    private static final String IN_FORCE = """
            with firsts as (
                select distinct on (matter_id) matter_id, version_number, content from oneseal.matter_version
                where published_at is not null and published_at <= :asOf
                order by matter_id, version_number),
            current as (
                select distinct on (matter_id) matter_id, version_number, department_id, published_at, content
                from oneseal.matter_version
                where published_at is not null and published_at <= :asOf
                  and (superseded_at is null or superseded_at > :asOf)
                order by matter_id, version_number desc)
            """;

    private static final String REQUIRED = "'$.materials[*] ? (@.required == true)'";
    private static final String REQUIRED_NAMES = "'$.materials[*] ? (@.required == true).name'";

    private final JdbcClient jdbc;

    CatalogueSnapshot(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The matters in force at the moment, by region and implementation code. */
    List<ReformFigures.MatterReform> matters(Filter filter, Instant asOf) {
        String sql = IN_FORCE + """
                select m.id, m.matter_code, m.implementation_code, m.region_id, c.content->>'name' as name,
                       c.department_id, c.content->>'type' as type, c.content->>'competence' as competence,
                       f.version_number as first_version, c.version_number as current_version, c.published_at,
                       jsonb_array_length(jsonb_path_query_array(f.content, %1$s)) as mb,
                       jsonb_array_length(jsonb_path_query_array(c.content, %1$s)) as ma,
                       (f.content->>'promisedLimitDays')::int as pb, (c.content->>'promisedLimitDays')::int as pa,
                       (f.content->>'legalLimitDays')::int as lb, (c.content->>'legalLimitDays')::int as la,
                       (c.content->>'onsiteVisits')::int = 0 as no_visit,
                       coalesce((c.content->>'certificateFree')::boolean, false) as certificate_free,
                       coalesce((c.content->>'bundleMember')::boolean, false) as bundle_member,
                       coalesce((c.content->>'cityWide')::boolean, false) as city_wide,
                       coalesce((c.content->>'crossProvince')::boolean, false) as cross_province,
                       coalesce((c.content->>'transferred')::boolean, false) as transferred,
                       coalesce((c.content->>'delegated')::boolean, false) as delegated,
                       c.content->>'reformMode' as reform_mode,
                       array(select jsonb_array_elements_text(jsonb_path_query_array(c.content,
                           '$.materials[*] ? (@.replaceableByCommitment == true).name'))) as commitment_materials
                from oneseal.matter m join current c on c.matter_id = m.id join firsts f on f.matter_id = m.id
                where %2$s and (cast(:region as bigint) is null or m.region_id = :region)
                  and (cast(:department as bigint) is null or c.department_id = :department)
                order by m.region_id, m.implementation_code""".formatted(REQUIRED,
                filter.regions().condition("m.region_id"));
        return filter.regions().bind(jdbc.sql(sql)).param("asOf", Timestamp.from(asOf))
                .param("region", filter.regionId()).param("department", filter.departmentId())
                .query(CatalogueSnapshot::matter).list();
    }

    /** The bundles published at the moment, by region and code, their members in order. */
    List<BundleAt> bundles(Filter filter, Instant asOf) {
        String sql = IN_FORCE + """
                select b.id, b.code, b.name, p.region_id, p.target_working_days, pm.matter_id, pm.carried_by_licence,
                       m.matter_code, m.implementation_code, c.content->>'name' as matter_name, c.department_id,
                       (c.content->>'promisedLimitDays')::int as promised,
                       array(select btrim(x) from jsonb_array_elements_text(
                           jsonb_path_query_array(c.content, %1$s)) x) as required
                from oneseal.bundle_publication p join oneseal.bundle b on b.id = p.bundle_id
                join oneseal.bundle_publication_member pm on pm.publication_id = p.id
                join oneseal.matter m on m.id = pm.matter_id join current c on c.matter_id = pm.matter_id
                where p.published_from <= :asOf and (p.published_until is null or p.published_until > :asOf)
                  and %2$s and (cast(:region as bigint) is null or p.region_id = :region)
                order by p.region_id, b.code, pm.sort_order""".formatted(REQUIRED_NAMES,
                filter.regions().condition("p.region_id"));
        Map<Long, List<MemberAt>> members = new LinkedHashMap<>();
        Map<Long, BundleAt> bundles = new LinkedHashMap<>();
        filter.regions().bind(jdbc.sql(sql)).param("asOf", Timestamp.from(asOf)).param("region", filter.regionId())
                .query(rs -> {
                    long id = rs.getLong("id");
                    List<MemberAt> list = members.computeIfAbsent(id, k -> new ArrayList<>());
                    bundles.computeIfAbsent(id, k -> bundle(rs, list));
                    list.add(new MemberAt(rs.getLong("matter_id"), rs.getString("matter_code"),
                            rs.getString("implementation_code"), rs.getString("matter_name"),
                            rs.getLong("department_id"), rs.getInt("promised"), texts(rs.getArray("required")),
                            rs.getBoolean("carried_by_licence")));
                });
        return List.copyOf(bundles.values());
    }

    private static BundleAt bundle(ResultSet rs, List<MemberAt> members) {
        try {
            return new BundleAt(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getLong("region_id"),
                    (Integer) rs.getObject("target_working_days", Integer.class), members);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReformFigures.MatterReform matter(ResultSet rs, int n) throws SQLException {
        return new ReformFigures.MatterReform(rs.getLong("id"), rs.getString("matter_code"),
                rs.getString("implementation_code"), rs.getLong("region_id"), rs.getString("name"),
                rs.getLong("department_id"), enumOf(MatterType.class, rs.getString("type")),
                enumOf(CompetenceLevel.class, rs.getString("competence")), rs.getInt("first_version"),
                rs.getInt("current_version"), MatterStore.instant(rs, "published_at"), rs.getInt("mb"), rs.getInt("ma"),
                rs.getInt("pb"), rs.getInt("pa"), rs.getInt("lb"), rs.getInt("la"), rs.getBoolean("no_visit"),
                rs.getBoolean("certificate_free"), rs.getBoolean("bundle_member"), rs.getBoolean("city_wide"),
                rs.getBoolean("cross_province"), rs.getBoolean("transferred"), rs.getBoolean("delegated"),
                rs.getString("reform_mode"), texts(rs.getArray("commitment_materials")));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of()
                : Arrays.stream((Object[]) array.getArray()).map(Objects::toString).toList();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}

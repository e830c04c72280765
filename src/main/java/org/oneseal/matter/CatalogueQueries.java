package org.oneseal.matter;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oneseal.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read models of the catalogue: the staff list (within a data scope) and the public guide search. */
@Component
class CatalogueQueries {

    private final JdbcClient jdbc;

    CatalogueQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<MatterRow> list(DataScope scope, MatterFilter filter) {
        String sql = """
                select m.id, m.matter_code, m.implementation_code, m.region_id, v.id as version_id, v.version_number,
                       v.state, v.name, v.content->>'departmentName' as department_name,
                       exists (select 1 from oneseal.matter_version p where p.matter_id = m.id and p.state = 'PUBLISHED')
                           as has_published
                from oneseal.matter m
                join oneseal.matter_version v on v.matter_id = m.id and v.version_number =
                     (select max(x.version_number) from oneseal.matter_version x where x.matter_id = m.id)
                where %s
                  and (cast(:region as bigint) is null or m.region_id = :region)
                  and (cast(:department as bigint) is null or v.department_id = :department)
                  and (cast(:state as varchar) is null or v.state = :state)
                  and (cast(:text as varchar) is null or v.name ilike :text escape '\\'
                       or m.matter_code ilike :text escape '\\' or m.implementation_code ilike :text escape '\\')
                order by m.region_id, m.implementation_code
                limit 1000""".formatted(scope.condition("m.region_id"));
        return scope.bind(jdbc.sql(sql))
                .param("region", filter.regionId()).param("department", filter.departmentId())
                .param("state", filter.state() == null ? null : filter.state().name())
                .param("text", contains(filter.text()))
                .query((rs, n) -> new MatterRow(rs.getLong("id"), rs.getString("matter_code"),
                        rs.getString("implementation_code"), rs.getLong("region_id"), rs.getLong("version_id"),
                        rs.getInt("version_number"), MatterVersionState.valueOf(rs.getString("state")),
                        rs.getString("name"), rs.getString("department_name"), rs.getBoolean("has_published")))
                .list();
    }

    /** Published versions matching the query; a person or enterprise also finds matters serving both. */
    List<GuideSummary> search(GuideQuery query) {
        String sql = """
                select m.id, v.id as version_id, m.matter_code, m.implementation_code, m.region_id, v.name,
                       v.content->>'departmentName' as department_name, v.service_object,
                       (v.content->>'legalLimitDays')::int as legal, (v.content->>'promisedLimitDays')::int as promised,
                       (v.content->>'onsiteVisits')::int as visits, (v.content->>'online')::boolean as online
                from oneseal.matter m join oneseal.matter_version v on v.matter_id = m.id and v.state = 'PUBLISHED'
                where (cast(:q as varchar) is null or v.name ilike :q escape '\\' or m.matter_code ilike :q escape '\\'
                       or m.implementation_code ilike :q escape '\\' or v.content->>'conditions' ilike :q escape '\\'
                       or v.content->>'lifeEvents' ilike :q escape '\\')
                  and (cast(:department as bigint) is null or v.department_id = :department)
                  and (cast(:object as varchar) is null or v.service_object in (:object, 'BOTH'))
                  and (cast(:event as varchar) is null or v.content->'lifeEvents' @> jsonb_build_array(cast(:event as varchar)))
                  and (cast(:region as bigint) is null or m.region_id = :region)
                order by (v.name ilike :q escape '\\') desc nulls last, m.region_id, v.name
                limit 200""";
        return jdbc.sql(sql).param("q", contains(query.q())).param("department", query.departmentId())
                .param("object", query.serviceObject() == null ? null : query.serviceObject().name())
                .param("event", blankToNull(query.lifeEvent())).param("region", query.regionId())
                .query((rs, n) -> new GuideSummary(rs.getLong("id"), rs.getLong("version_id"),
                        rs.getString("matter_code"), rs.getString("implementation_code"), rs.getLong("region_id"),
                        rs.getString("name"), rs.getString("department_name"),
                        ServiceObject.valueOf(rs.getString("service_object")), rs.getInt("legal"),
                        rs.getInt("promised"), rs.getInt("visits"), rs.getBoolean("online")))
                .list();
    }

    /** Departments that have at least one published matter: id → name. */
    List<Choice> publishedDepartments() {
        return jdbc.sql("""
                select distinct department_id, content->>'departmentName' as name from oneseal.matter_version
                where state = 'PUBLISHED' order by name""")
                .query((rs, n) -> new Choice(String.valueOf(rs.getLong(1)), rs.getString(2))).list();
    }

    List<String> publishedLifeEvents() {
        return jdbc.sql("""
                select distinct jsonb_array_elements_text(content->'lifeEvents') as e from oneseal.matter_version
                where state = 'PUBLISHED' order by e""").query(String.class).list();
    }

    List<Long> publishedVersionIds(Long regionId) {
        return jdbc.sql("""
                select v.id from oneseal.matter_version v join oneseal.matter m on m.id = v.matter_id
                where v.state = 'PUBLISHED' and (cast(:region as bigint) is null or m.region_id = :region)
                order by m.region_id, m.implementation_code""")
                .param("region", regionId).query(Long.class).list();
    }

    Map<Long, String> publishedNames(Collection<Long> matterIds) {
        Map<Long, String> names = new HashMap<>();
        if (!matterIds.isEmpty()) {
            jdbc.sql("select matter_id, name from oneseal.matter_version where state = 'PUBLISHED' and matter_id = any(:ids)")
                    .param("ids", matterIds.stream().distinct().toArray(Long[]::new))
                    .query(rs -> {
                        names.put(rs.getLong("matter_id"), rs.getString("name"));
                    });
        }
        return names;
    }

    static String contains(String text) {
        String t = blankToNull(text);
        return t == null ? null : "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A value and label of a select list. */
    record Choice(String value, String label) {
    }
}

package org.oneseal.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.oneseal.identity.ApplicantDirectory;
import org.oneseal.identity.ApplicantProfile;
import org.oneseal.identity.RegionManagement;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.shared.Masking;
import org.oneseal.shared.metrics.MetricQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 免费帮办代办服务次数: one service is one mandate recorded at a window (帮办代办), counted on the day it was recorded,
 * in the region of its matter. Not the applications made under mandates: {@code agent_mandate.case_id} keeps only
 * the last one, and corrections or supplies made under a mandate are no application at all.
 */
@Component
class MandateFigures {

    static final List<String> COLUMNS = List.of("metric.column.mandate.createdAt", "metric.column.mandate.staff",
            "metric.column.mandate.applicant", "metric.column.mandate.matter", "metric.column.mandate.region",
            "metric.column.mandate.validUntil", "metric.column.mandate.endedAt");

    private final JdbcClient jdbc;
    private final ApplicantDirectory applicants;
    private final MatterCatalogue catalogue;
    private final RegionManagement regions;

    MandateFigures(JdbcClient jdbc, ApplicantDirectory applicants, MatterCatalogue catalogue, RegionManagement regions) {
        this.jdbc = jdbc;
        this.applicants = applicants;
        this.catalogue = catalogue;
        this.regions = regions;
    }

    long count(MetricQuery q) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from oneseal.agent_mandate where " + where(q, params)).params(params)
                .query(Long.class).single();
    }

    /**
     * The mandates from {@code offset}, at most {@code limit}, in chunks by (created, id); each chunk's applicants and
     * the matters not named yet looked up in one statement each.
     */
    void list(MetricQuery q, int offset, int limit, Consumer<List<Object>> row) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, params);
        Map<Long, String> regionNames = new HashMap<>();
        regions.all().forEach(r -> regionNames.put(r.id(), r.name()));
        Map<Long, String> matterNames = new HashMap<>();
        int left = limit;
        Mandate last = null;
        while (left > 0) {
            int chunk = Math.min(left, CaseRecords.CHUNK);
            Map<String, Object> p = new HashMap<>(params);
            p.put("limit", chunk);
            p.put("offset", offset);
            p.put("lastAt", last == null ? null : Timestamp.from(last.createdAt()));
            p.put("lastId", last == null ? 0 : last.id());
            String sql = "select * from oneseal.agent_mandate where " + where
                    + (last == null ? "" : " and (created_at, id) > (:lastAt, :lastId)")
                    + " order by created_at, id limit :limit" + (last == null ? " offset :offset" : "");
            List<Mandate> mandates = jdbc.sql(sql).params(p).query((rs, n) -> new Mandate(rs.getLong("id"),
                    rs.getTimestamp("created_at").toInstant(), rs.getString("staff"), rs.getLong("applicant_account_id"),
                    rs.getLong("matter_id"), rs.getLong("region_id"), rs.getObject("valid_until", LocalDate.class),
                    rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant())).list();
            Map<Long, ApplicantProfile> applicantsOfChunk = mandates.isEmpty() ? Map.of()
                    : applicants.profiles(mandates.stream().map(Mandate::applicant).collect(Collectors.toSet()));
            Set<Long> unnamed = mandates.stream().map(Mandate::matter).filter(m -> !matterNames.containsKey(m))
                    .collect(Collectors.toSet());
            if (!unnamed.isEmpty()) {
                Map<Long, String> found = catalogue.publishedNames(unnamed);
                unnamed.forEach(m -> matterNames.put(m, found.get(m)));
            }
            for (Mandate m : mandates) {
                ApplicantProfile applicant = applicantsOfChunk.get(m.applicant());
                row.accept(Arrays.asList(m.createdAt(), m.staff(), applicant == null ? null : masked(applicant),
                        matterNames.get(m.matter()), regionNames.get(m.region()), m.validUntil(), m.endedAt()));
            }
            left -= mandates.size();
            if (mandates.size() < chunk) {
                return;
            }
            last = mandates.getLast();
        }
    }

    /** One mandate as listed. */
    private record Mandate(long id, Instant createdAt, String staff, long applicant, long matter, long region,
            LocalDate validUntil, Instant endedAt) {
    }

    private static String masked(ApplicantProfile p) {
        return p.kind() == org.oneseal.identity.AccountKind.ENTERPRISE ? Masking.middle(p.name(), 2, 2)
                : Masking.name(p.name());
    }

    /** The one condition of the count and the list. */
    private static String where(MetricQuery q, Map<String, Object> params) {
        if (q.department() != null || q.window() != null) {
            throw new IllegalArgumentException("agent services have no department or window dimension");
        }
        params.put("fromAt", Timestamp.from(q.fromInstant()));
        params.put("toAt", Timestamp.from(q.toExclusive()));
        StringBuilder where = new StringBuilder("created_at >= :fromAt and created_at < :toAt");
        if (!q.wholeCity()) {
            where.append(" and region_id in (:regions)");
            params.put("regions", q.regionList());
        }
        if (q.staff() != null) {
            where.append(" and staff = :staff");
            params.put("staff", q.staff());
        }
        return where.toString();
    }
}

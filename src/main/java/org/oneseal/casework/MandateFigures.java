package org.oneseal.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.oneseal.identity.ApplicantDirectory;
import org.oneseal.identity.ApplicantProfile;
import org.oneseal.identity.RegionManagement;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.matter.MatterVersionView;
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

    void list(MetricQuery q, int offset, int limit, Consumer<List<Object>> row) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, params);
        Map<Long, String> regionNames = new HashMap<>();
        regions.all().forEach(r -> regionNames.put(r.id(), r.name()));
        Map<Long, String> matterNames = new HashMap<>();
        Map<Long, String> applicantNames = new HashMap<>();
        int left = limit;
        Instant lastAt = null;
        long lastId = 0;
        while (left > 0) {
            int chunk = Math.min(left, CaseRecords.CHUNK);
            Map<String, Object> p = new HashMap<>(params);
            p.put("limit", chunk);
            p.put("offset", offset);
            p.put("lastAt", lastAt == null ? null : Timestamp.from(lastAt));
            p.put("lastId", lastId);
            String sql = "select * from oneseal.agent_mandate where " + where
                    + (lastAt == null ? "" : " and (created_at, id) > (:lastAt, :lastId)")
                    + " order by created_at, id limit :limit" + (lastAt == null ? " offset :offset" : "");
            List<Object[]> keys = new ArrayList<>();
            jdbc.sql(sql).params(p).query(rs -> {
                Instant created = rs.getTimestamp("created_at").toInstant();
                long matter = rs.getLong("matter_id");
                long account = rs.getLong("applicant_account_id");
                Timestamp ended = rs.getTimestamp("ended_at");
                List<Object> cells = new ArrayList<>(COLUMNS.size());
                cells.add(created);
                cells.add(rs.getString("staff"));
                cells.add(applicantNames.computeIfAbsent(account, a -> applicants.profile(a)
                        .map(MandateFigures::masked).orElse(null)));
                cells.add(matterNames.computeIfAbsent(matter, m -> catalogue.currentPublished(m)
                        .map(MatterVersionView::name).orElse(null)));
                cells.add(regionNames.get(rs.getLong("region_id")));
                cells.add(rs.getObject("valid_until", LocalDate.class));
                cells.add(ended == null ? null : ended.toInstant());
                row.accept(cells);
                keys.add(new Object[] {created, rs.getLong("id")});
            });
            left -= keys.size();
            if (keys.size() < chunk) {
                return;
            }
            lastAt = (Instant) keys.getLast()[0];
            lastId = (Long) keys.getLast()[1];
        }
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

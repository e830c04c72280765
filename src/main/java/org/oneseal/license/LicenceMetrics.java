package org.oneseal.license;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricQuery;
import org.oneseal.shared.metrics.MetricSource;
import org.oneseal.shared.metrics.MetricUnit;
import org.oneseal.shared.metrics.MetricValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 授权提取 (免证办) figures: what the electronic licences that service windows pulled with their holders' consent in the
 * period involve — their issuing departments, issuing matters and licence kinds. A pull counts in the region of the
 * window that pulled. Each figure's records are the departments, matters or kinds themselves (in the order of their
 * names' code points), with their pulls.
 */
@Component
class LicenceMetrics implements MetricSource {

    /** A figure: what it counts distinct, and the columns of one record. */
    private enum Figure {
        DEPARTMENTS("license.grantDepartments", "l.issuer_name", "l.issuer_name",
                List.of("metric.column.licence.department")),
        MATTERS("license.grantMatters", "l.matter_code", "l.matter_code, max(l.matter_name)",
                List.of("metric.column.licence.matterCode", "metric.column.licence.matterName")),
        KINDS("license.grantLicenseKinds", "l.licence_kind", "l.licence_kind",
                List.of("metric.column.licence.kind"));

        final String id;
        final String key;
        final String label;
        final List<String> columns;

        Figure(String id, String key, String label, List<String> columns) {
            this.id = id;
            this.key = key;
            this.label = label;
            this.columns = columns;
        }

        static Figure of(String id) {
            for (Figure f : values()) {
                if (f.id.equals(id)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("not a figure of the licence module: " + id);
        }
    }

    private static final String PULLS = "oneseal.licence_pull p join oneseal.licence l on l.licence_id = p.licence_id";

    private static final List<String> PULL_COLUMNS = List.of("metric.column.licence.pulls",
            "metric.column.licence.licences", "metric.column.licence.firstPull", "metric.column.licence.lastPull");

    private final JdbcClient jdbc;

    LicenceMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<MetricDefinition> definitions() {
        List<MetricDefinition> all = new ArrayList<>();
        for (Figure f : Figure.values()) {
            all.add(MetricDefinition.flow(f.id, "license", MetricUnit.COUNT));
        }
        return all;
    }

    @Override
    public Map<String, MetricValue> compute(Collection<String> ids, MetricQuery query) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, params);
        StringBuilder select = new StringBuilder();
        for (Figure f : Figure.values()) {
            select.append(select.isEmpty() ? "" : ", ").append("count(distinct ").append(f.key).append(")");
        }
        long[] counts = jdbc.sql("select " + select + " from " + PULLS + " where " + where).params(params)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        Map<String, MetricValue> values = new LinkedHashMap<>();
        for (String id : ids) {
            values.put(id, MetricValue.count(counts[Figure.of(id).ordinal()]));
        }
        return values;
    }

    @Override
    public List<String> recordColumns(String id) {
        List<String> columns = new ArrayList<>(Figure.of(id).columns);
        columns.addAll(PULL_COLUMNS);
        return columns;
    }

    @Override
    public void records(String id, MetricQuery query, int offset, int limit, Consumer<List<Object>> row) {
        Figure f = Figure.of(id);
        Map<String, Object> params = new HashMap<>();
        String where = where(query, params);
        params.put("offset", offset);
        params.put("limit", limit);
        int labels = f.columns.size();
        jdbc.sql("select " + f.label + ", count(*), count(distinct p.licence_id), min(p.pulled_at), max(p.pulled_at)"
                        + " from " + PULLS + " where " + where + " group by " + f.key + " order by " + f.key
                        + " collate \"C\" offset :offset limit :limit")
                .params(params).query(rs -> {
                    List<Object> cells = new ArrayList<>(labels + PULL_COLUMNS.size());
                    for (int i = 1; i <= labels; i++) {
                        cells.add(rs.getString(i));
                    }
                    cells.add(rs.getLong(labels + 1));
                    cells.add(rs.getLong(labels + 2));
                    cells.add(rs.getTimestamp(labels + 3).toInstant());
                    cells.add(rs.getTimestamp(labels + 4).toInstant());
                    row.accept(cells);
                });
    }

    /** The one condition of a figure's count and its records: the pulls of the period in the query's regions. */
    private static String where(MetricQuery q, Map<String, Object> params) {
        if (q.department() != null || q.window() != null || q.staff() != null) {
            throw new IllegalArgumentException("licence figures have no department, window or staff dimension");
        }
        params.put("fromAt", Timestamp.from(q.fromInstant()));
        params.put("toAt", Timestamp.from(q.toExclusive()));
        if (q.wholeCity()) {
            return "p.pulled_at >= :fromAt and p.pulled_at < :toAt";
        }
        params.put("regions", q.regionList());
        return "p.pulled_at >= :fromAt and p.pulled_at < :toAt and p.window_region_id in (:regions)";
    }
}

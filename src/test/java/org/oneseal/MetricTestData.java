package org.oneseal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.oneseal.shared.metrics.MetricQuery;
import org.oneseal.shared.metrics.MetricSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Regions and org units of the metric tests' own (so that the shared test database's demo data and other tests'
 * records never count in them), queries, and the records behind a figure.
 */
public final class MetricTestData {

    private final JdbcClient jdbc;

    public MetricTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The city root (市本级). */
    public long root() {
        return jdbc.sql("select id from oneseal.region where parent_id is null").query(Long.class).single();
    }

    /** A county directly below the root, made on first use. */
    public long county(String code, String name) {
        jdbc.sql("""
                insert into oneseal.region (code, name, level, parent_id, sort_order, active, created_at, updated_at)
                values (:code, :name, 'COUNTY', :root, 90, true, now(), now()) on conflict (code) do nothing""")
                .param("code", code).param("name", name).param("root", root()).update();
        return jdbc.sql("select id from oneseal.region where code = :code").param("code", code).query(Long.class).single();
    }

    /** An active org unit (a window when kind is WINDOW), made on first use. */
    public long unit(long region, Long parent, String kind, String code, String name) {
        jdbc.sql("""
                insert into oneseal.org_unit (region_id, parent_id, kind, window_kind, code, name, sort_order, active,
                    created_at, updated_at)
                values (:region, :parent, :kind, :windowKind, :code, :name, 0, true, now(), now())
                on conflict (code) do nothing""")
                .param("region", region).param("parent", parent).param("kind", kind)
                .param("windowKind", "WINDOW".equals(kind) ? "GENERAL" : null).param("code", code).param("name", name)
                .update();
        return jdbc.sql("select id from oneseal.org_unit where code = :code").param("code", code).query(Long.class).single();
    }

    public Set<Long> allRegions() {
        return Set.copyOf(jdbc.sql("select id from oneseal.region").query(Long.class).list());
    }

    public static MetricQuery query(LocalDate from, LocalDate to, Set<Long> regions) {
        return new MetricQuery(from, to, regions, false, null, null, null);
    }

    /** Every record behind a figure, read in pages of {@code pageSize}. */
    public static List<List<Object>> records(MetricSource source, String id, MetricQuery q, int pageSize) {
        List<List<Object>> rows = new ArrayList<>();
        for (int offset = 0; ; offset += pageSize) {
            int before = rows.size();
            source.records(id, q, offset, pageSize, rows::add);
            if (rows.size() - before < pageSize) {
                return rows;
            }
        }
    }

    /** A moment of a day in Asia/Shanghai. */
    public static Instant at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(MetricQuery.ZONE).toInstant();
    }

    public static Timestamp ts(LocalDate day, int hour, int minute) {
        return Timestamp.from(at(day, hour, minute));
    }
}

package org.oneseal.complaint;

import static org.oneseal.shared.metrics.MetricDimension.DEPARTMENT;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.oneseal.complaint.ComplaintMetricSql.Part;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.identity.RegionLevel;
import org.oneseal.identity.RegionManagement;
import org.oneseal.identity.RegionView;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.shared.Masking;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricDimension;
import org.oneseal.shared.metrics.MetricQuery;
import org.oneseal.shared.metrics.MetricSource;
import org.oneseal.shared.metrics.MetricUnit;
import org.oneseal.shared.metrics.MetricValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual report's 办不成事 figures as metrics (docs/complaints.md, "Metrics"): complaints received in a period and
 * those of them answered by its end, for the query's regions (全市 when the statistics module passes the whole city)
 * and for 市本级 — the records of the city root region only —, and the complaints overdue at the end of the period.
 */
@Component
class ComplaintMetrics implements MetricSource {

    static final String CITY_WIDE_RECEIVED = "complaint.cityWide.received";
    static final String CITY_WIDE_RESOLVED = "complaint.cityWide.resolved";
    static final String CITY_LEVEL_RECEIVED = "complaint.cityLevel.received";
    static final String CITY_LEVEL_RESOLVED = "complaint.cityLevel.resolved";
    static final String OVERDUE = "complaint.overdue";
    static final String CITY_LEVEL_ONLY = "metric.reason.complaint.cityLevelOnly";
    static final String NO_BREAKDOWN = "metric.reason.complaint.noBreakdown";

    /** Rows read per statement when listing records. */
    static final int CHUNK = 2000;

    private static final String MODULE = "complaint";
    private static final List<String> COLUMNS = Arrays.stream(new String[] {"received", "region", "channel",
        "category", "matter", "department", "reporter", "state", "outcome", "answered", "dueOn"})
            .map(c -> "metric.column.complaint." + c).toList();

    private final JdbcClient jdbc;
    private final RegionManagement regions;
    private final OrganisationManagement organisation;
    private final MatterCatalogue matters;
    private final ComplaintMessages messages;
    private final Clock clock;

    /** Rows read per statement (a test makes it small to see the chunks join up). */
    int chunk = CHUNK;

    ComplaintMetrics(JdbcClient jdbc, RegionManagement regions, OrganisationManagement organisation,
            MatterCatalogue matters, ComplaintMessages messages, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.organisation = organisation;
        this.matters = matters;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public List<MetricDefinition> definitions() {
        return List.of(MetricDefinition.flow(CITY_WIDE_RECEIVED, MODULE, MetricUnit.COUNT, DEPARTMENT),
                MetricDefinition.flow(CITY_WIDE_RESOLVED, MODULE, MetricUnit.COUNT, DEPARTMENT),
                MetricDefinition.flow(CITY_LEVEL_RECEIVED, MODULE, MetricUnit.COUNT, DEPARTMENT),
                MetricDefinition.flow(CITY_LEVEL_RESOLVED, MODULE, MetricUnit.COUNT, DEPARTMENT),
                MetricDefinition.stock(OVERDUE, MODULE, MetricUnit.COUNT, DEPARTMENT));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, MetricValue> compute(Collection<String> ids, MetricQuery query) {
        Map<String, MetricValue> values = new LinkedHashMap<>();
        for (String id : ids) {
            Optional<ComplaintMetricSql> sql = sql(id, query);
            values.put(id, sql.map(s -> MetricValue.count(jdbc.sql(s.count()).params(s.params()).query(Long.class)
                    .single())).orElseGet(() -> MetricValue.notApplicable(unavailable(query))));
        }
        return values;
    }

    /**
     * The figures of many departments at once: one statement per figure grouped by department; each department's
     * values equal {@link #compute} for the query narrowed to it (a department without complaints counts 0). Windows
     * are no breakdown of complaints: unit by unit, as {@link #compute} says.
     */
    @Override
    @Transactional(readOnly = true)
    public Map<Long, Map<String, MetricValue>> computeByUnit(Collection<String> ids, MetricQuery query,
            MetricDimension by, Collection<Long> units) {
        if (by != DEPARTMENT || units.isEmpty()) {
            return MetricSource.super.computeByUnit(ids, query, by, units);
        }
        Map<Long, Map<String, MetricValue>> values = new LinkedHashMap<>();
        units.forEach(u -> values.put(u, new LinkedHashMap<>()));
        MetricQuery all = new MetricQuery(query.from(), query.to(), query.regions(), query.wholeCity(), null,
                query.window(), query.staff());
        for (String id : ids) {
            Optional<ComplaintMetricSql> sql = sql(id, all);
            Map<Long, Long> counts = new HashMap<>();
            sql.ifPresent(s -> jdbc.sql(s.countByDepartment()).params(s.params()).param("units", List.copyOf(units))
                    .query(rs -> {
                        counts.put(rs.getLong("unit"), rs.getLong("n"));
                    }));
            values.forEach((unit, v) -> v.put(id, sql.isPresent() ? MetricValue.count(counts.getOrDefault(unit, 0L))
                    : MetricValue.notApplicable(unavailable(all))));
        }
        return values;
    }

    @Override
    public List<String> recordColumns(String id) {
        definition(id);
        return COLUMNS;
    }

    /**
     * The records in chunks of {@link #chunk}: the first from {@code offset}, each next one after the last (received,
     * id) of the one before (index complaint_received_idx); each chunk's matters named in one statement — an export
     * holds one chunk at a time.
     */
    @Override
    @Transactional(readOnly = true)
    public void records(String id, MetricQuery query, int offset, int limit, Consumer<List<Object>> row) {
        Optional<ComplaintMetricSql> sql = sql(id, query);
        if (sql.isEmpty()) {
            return;
        }
        Map<Long, String> regionNames = new HashMap<>();
        regions.all().forEach(r -> regionNames.put(r.id(), r.name()));
        Map<Long, String> units = organisation.unitNames();
        Map<Long, String> matterNames = new HashMap<>();
        int left = Math.max(0, limit);
        Object[] last = null;
        while (left > 0) {
            int size = Math.min(left, chunk);
            Map<String, Object> p = new HashMap<>(sql.get().params());
            p.put("limit", size);
            if (last == null) {
                p.put("offset", Math.max(0, offset));
            } else {
                p.put("lastAt", Timestamp.from((Instant) last[0]));
                p.put("lastId", last[11]);
            }
            List<Object[]> rows = new ArrayList<>(size);
            jdbc.sql(sql.get().records(last != null)).params(p).query(rs -> {
                rows.add(new Object[] {rs.getTimestamp("received_at").toInstant(), rs.getObject("region_id"),
                    rs.getString("channel"), rs.getString("category"), rs.getObject("matter_id"),
                    rs.getObject("department_id"), rs.getString("reporter_name"), rs.getString("state"),
                    rs.getString("outcome"), rs.getTimestamp("answered_at") == null ? null
                            : rs.getTimestamp("answered_at").toInstant(), rs.getObject("due_on", LocalDate.class),
                    rs.getLong("id")});
            });
            names(matterNames, rows);
            for (Object[] r : rows) {
                row.accept(Arrays.asList(r[0], name(regionNames, r[1]), messages.text("complaint.channel." + r[2]),
                        messages.text("complaint.category." + r[3]), name(matterNames, r[4]), name(units, r[5]),
                        Masking.name((String) r[6]), messages.text("complaint.state." + r[7]),
                        r[8] == null ? null : messages.text("complaint.outcome." + r[8]), r[9], r[10]));
            }
            left -= rows.size();
            if (rows.size() < size) {
                return;
            }
            last = rows.getLast();
        }
    }

    /** Names the matters of a chunk not named yet, in one statement ("#id" for one not published). */
    private void names(Map<Long, String> names, List<Object[]> rows) {
        Set<Long> missing = rows.stream().map(r -> (Number) r[4]).filter(Objects::nonNull).map(Number::longValue)
                .filter(m -> !names.containsKey(m)).collect(Collectors.toSet());
        if (!missing.isEmpty()) {
            Map<Long, String> found = matters.publishedNames(missing);
            missing.forEach(m -> names.put(m, found.getOrDefault(m, "#" + m)));
        }
    }

    /** The figure's condition, or empty when it cannot be given for this query (see {@link #unavailable}). */
    private Optional<ComplaintMetricSql> sql(String id, MetricQuery query) {
        definition(id);
        if (query.window() != null || query.staff() != null) {
            return Optional.empty();
        }
        Long root = null;
        if (CITY_LEVEL_RECEIVED.equals(id) || CITY_LEVEL_RESOLVED.equals(id)) {
            root = root();
            if (!query.wholeCity() && !query.regions().contains(root)) {
                return Optional.empty();
            }
        }
        Part part = switch (id) {
            case CITY_WIDE_RESOLVED, CITY_LEVEL_RESOLVED -> Part.ANSWERED;
            case OVERDUE -> Part.OVERDUE;
            default -> Part.RECEIVED;
        };
        return Optional.of(ComplaintMetricSql.of(query, part, root, clock.instant()));
    }

    private static String unavailable(MetricQuery query) {
        return query.window() != null || query.staff() != null ? NO_BREAKDOWN : CITY_LEVEL_ONLY;
    }

    private long root() {
        return regions.all().stream().filter(r -> r.level() == RegionLevel.CITY && r.parentId() == null)
                .map(RegionView::id).findFirst().orElseThrow(() -> new IllegalStateException("no city region"));
    }

    private MetricDefinition definition(String id) {
        return definitions().stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a metric of the complaint module: " + id));
    }

    private static String name(Map<Long, String> names, Object id) {
        return id == null ? null : names.getOrDefault(((Number) id).longValue(), "#" + id);
    }
}

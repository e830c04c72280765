package org.oneseal.evaluation;

import static org.oneseal.shared.metrics.MetricDimension.DEPARTMENT;
import static org.oneseal.shared.metrics.MetricDimension.STAFF;
import static org.oneseal.shared.metrics.MetricDimension.WINDOW;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
 * The annual report's 好差评 figures as metrics (docs/evaluation.md, "Metrics"): the ratings counted (not excluded by
 * an upheld appeal), the good-rating rate, the bad reviews, and the timely rectification rate, for any period,
 * regions, department, window or staff member. Ratings are counted from the daily roll-up for rolled-up days and live
 * for the rest, in one statement; rectifications live (one statement, by {@code rectification_day_idx}). A breakdown
 * by window or department runs the same two statements grouped by the unit.
 */
@Component
class EvaluationMetrics implements MetricSource {

    static final String TOTAL = "evaluation.total";
    static final String GOOD_RATE = "evaluation.goodRate";
    static final String BAD = "evaluation.bad";
    static final String TIMELY = "evaluation.timelyRectificationRate";

    private static final String MODULE = "evaluation";
    private static final List<String> RATING_COLUMNS = columns("day", "object", "matter", "level", "channel",
            "region", "department", "window");
    private static final List<String> RECTIFICATION_COLUMNS = columns("day", "object", "matter", "level", "region",
            "department", "responsible", "dueOn", "closedOn", "onTime");

    /** Rows read per statement when listing records. */
    static final int CHUNK = 2000;

    private final JdbcClient jdbc;
    private final EvaluationMetricLabels labels;
    private final Clock clock;

    /** Rows read per statement (a test makes it small to see the chunks join up). */
    int chunk = CHUNK;

    EvaluationMetrics(JdbcClient jdbc, EvaluationMetricLabels labels, Clock clock) {
        this.jdbc = jdbc;
        this.labels = labels;
        this.clock = clock;
    }

    @Override
    public List<MetricDefinition> definitions() {
        return List.of(MetricDefinition.flow(TOTAL, MODULE, MetricUnit.COUNT, DEPARTMENT, WINDOW, STAFF),
                MetricDefinition.flow(GOOD_RATE, MODULE, MetricUnit.PERCENT, DEPARTMENT, WINDOW, STAFF),
                MetricDefinition.flow(BAD, MODULE, MetricUnit.COUNT, DEPARTMENT, WINDOW, STAFF),
                MetricDefinition.flow(TIMELY, MODULE, MetricUnit.PERCENT, DEPARTMENT, WINDOW, STAFF));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, MetricValue> compute(Collection<String> ids, MetricQuery query) {
        ids.forEach(EvaluationMetrics::known);
        RatingMetricSql sql = RatingMetricSql.of(query);
        Map<String, MetricValue> values = new LinkedHashMap<>();
        if (ids.contains(TOTAL) || ids.contains(GOOD_RATE) || ids.contains(BAD)) {
            ratings(values, jdbc.sql(sql.ratingCounts()).params(sql.params())
                    .query((rs, n) -> new long[] {rs.getLong("good"), rs.getLong("bad")}).single());
        }
        if (ids.contains(TIMELY)) {
            timely(values, jdbc.sql(sql.rectificationCounts()).params(sql.params())
                    .params(RatingMetricSql.cutOff(query, LocalDate.now(clock)))
                    .query((rs, n) -> new long[] {rs.getLong("on_time"), rs.getLong("counted")}).single());
        }
        values.keySet().retainAll(ids);
        return values;
    }

    /**
     * The figures of many windows or departments at once: the ratings in one statement grouped by the unit (roll-up
     * and live tail alike), the rectifications in one more; each unit's values equal {@link #compute} for the query
     * narrowed to it (a unit without ratings counts 0, as it would alone).
     */
    @Override
    @Transactional(readOnly = true)
    public Map<Long, Map<String, MetricValue>> computeByUnit(Collection<String> ids, MetricQuery query,
            MetricDimension by, Collection<Long> units) {
        if (by == STAFF) {
            return MetricSource.super.computeByUnit(ids, query, by, units);
        }
        ids.forEach(EvaluationMetrics::known);
        Map<Long, Map<String, MetricValue>> values = new LinkedHashMap<>();
        units.forEach(u -> values.put(u, new LinkedHashMap<>()));
        if (units.isEmpty()) {
            return values;
        }
        RatingMetricSql sql = RatingMetricSql.ofUnits(query, by, units);
        if (ids.contains(TOTAL) || ids.contains(GOOD_RATE) || ids.contains(BAD)) {
            Map<Long, long[]> counts = new HashMap<>();
            jdbc.sql(sql.ratingCountsByUnit(by)).params(sql.params()).query(rs -> {
                counts.put(rs.getLong("unit"), new long[] {rs.getLong("good"), rs.getLong("bad")});
            });
            values.forEach((unit, v) -> ratings(v, counts.getOrDefault(unit, new long[2])));
        }
        if (ids.contains(TIMELY)) {
            Map<Long, long[]> counts = new HashMap<>();
            jdbc.sql(sql.rectificationCountsByUnit(by)).params(sql.params())
                    .params(RatingMetricSql.cutOff(query, LocalDate.now(clock))).query(rs -> {
                        counts.put(rs.getLong("unit"), new long[] {rs.getLong("on_time"), rs.getLong("counted")});
                    });
            values.forEach((unit, v) -> timely(v, counts.getOrDefault(unit, new long[2])));
        }
        values.values().forEach(v -> v.keySet().retainAll(ids));
        return values;
    }

    /** The rating figures from the good and bad ratings counted. */
    private static void ratings(Map<String, MetricValue> values, long[] goodBad) {
        long counted = goodBad[0] + goodBad[1];
        values.put(TOTAL, MetricValue.count(counted));
        values.put(GOOD_RATE, MetricValue.rate(goodBad[0], counted, counted, "metric.reason.evaluation.noRatings"));
        values.put(BAD, MetricValue.count(goodBad[1]));
    }

    /** The timely rate from the rectifications on time and counted. */
    private static void timely(Map<String, MetricValue> values, long[] onTimeCounted) {
        values.put(TIMELY, MetricValue.rate(onTimeCounted[0], onTimeCounted[1], onTimeCounted[1],
                "metric.reason.evaluation.nothingDue"));
    }

    @Override
    public List<String> recordColumns(String id) {
        return TIMELY.equals(known(id)) ? RECTIFICATION_COLUMNS : RATING_COLUMNS;
    }

    /**
     * The records in chunks of {@link #chunk}: the first from {@code offset}, each next one after the last (day, id)
     * of the one before; each chunk's cases and matters are named in one statement each, so that an export of a
     * million ratings holds one chunk at a time and asks the other modules twice a chunk, not once a rating.
     */
    @Override
    @Transactional(readOnly = true)
    public void records(String id, MetricQuery query, int offset, int limit, Consumer<List<Object>> row) {
        known(id);
        boolean timely = TIMELY.equals(id);
        RatingMetricSql sql = RatingMetricSql.of(query);
        Map<String, Object> params = new HashMap<>(sql.params());
        if (timely) {
            params.putAll(RatingMetricSql.cutOff(query, LocalDate.now(clock)));
        }
        EvaluationMetricLabels.Page names = labels.page();
        int left = Math.max(0, limit);
        Map<String, Object> last = null;
        while (left > 0) {
            int size = Math.min(left, chunk);
            Map<String, Object> p = new HashMap<>(params);
            p.put("limit", size);
            if (last == null) {
                p.put("offset", Math.max(0, offset));
            } else {
                p.put("lastDay", last.get("day"));
                p.put("lastId", last.get("id"));
            }
            String statement = timely ? sql.rectificationRecords(last != null)
                    : sql.ratingRecords(BAD.equals(id), last != null);
            List<Map<String, Object>> rows = new ArrayList<>(size);
            jdbc.sql(statement).params(p).query(rs -> {
                rows.add(timely ? rectification(rs) : rating(rs));
            });
            names.load(rows);
            rows.forEach(r -> row.accept(timely ? rectificationCells(r, names) : ratingCells(r, names)));
            left -= rows.size();
            if (rows.size() < size) {
                return;
            }
            last = rows.getLast();
        }
    }

    private static List<Object> ratingCells(Map<String, Object> r, EvaluationMetricLabels.Page names) {
        return Arrays.asList(r.get("day"), names.object(r), names.matter(r), r.get("level"),
                names.channel((String) r.get("channel")), names.region(r.get("region_id")),
                names.unit(r.get("department_id")), names.unit(r.get("window_id")));
    }

    private static List<Object> rectificationCells(Map<String, Object> r, EvaluationMetricLabels.Page names) {
        return Arrays.asList(r.get("day"), names.object(r), names.matter(r), r.get("level"),
                names.region(r.get("region_id")), names.unit(r.get("department_id")),
                names.staff((String) r.get("staff")), r.get("due_on"), r.get("closed_on"), r.get("on_time"));
    }

    private static Map<String, Object> rating(ResultSet rs) throws SQLException {
        Map<String, Object> r = common(rs);
        r.put("channel", rs.getString("channel"));
        return r;
    }

    private static Map<String, Object> rectification(ResultSet rs) throws SQLException {
        Map<String, Object> r = common(rs);
        r.put("staff", rs.getString("staff"));
        r.put("due_on", rs.getObject("due_on", LocalDate.class));
        r.put("closed_on", rs.getObject("closed_on", LocalDate.class));
        r.put("on_time", rs.getBoolean("on_time"));
        return r;
    }

    private static Map<String, Object> common(ResultSet rs) throws SQLException {
        Map<String, Object> r = new HashMap<>();
        r.put("id", rs.getLong("id"));
        r.put("day", rs.getObject("day", LocalDate.class));
        r.put("object_type", rs.getString("object_type"));
        r.put("object_id", rs.getString("object_id"));
        r.put("case_id", rs.getObject("case_id"));
        r.put("matter_id", rs.getObject("matter_id"));
        r.put("window_id", rs.getObject("window_id"));
        r.put("level", rs.getInt("level"));
        r.put("region_id", rs.getObject("region_id"));
        r.put("department_id", rs.getObject("department_id"));
        return r;
    }

    private static String known(String id) {
        if (!List.of(TOTAL, GOOD_RATE, BAD, TIMELY).contains(id)) {
            throw new IllegalArgumentException("not a metric of the evaluation module: " + id);
        }
        return id;
    }

    private static List<String> columns(String... names) {
        return Arrays.stream(names).map(n -> "metric.column.evaluation." + n).toList();
    }
}

package org.oneseal.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.identity.RegionManagement;
import org.oneseal.identity.RegionView;
import org.oneseal.identity.StaffDirectory;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 好差评 figures: totals, the good-rating rate (levels 5–3 of the ratings not excluded), bad reviews (levels 2–1), and
 * of the rectifications the timely rate (closed by their due date, of those closed or past due) and the callback rate
 * (named bad reviews with a callback recorded, of the named ones whose fix is recorded) — over a period, grouped by region, department,
 * matter, window, staff member, channel, day or month, within the caller's data scope. Closed days are read from the
 * daily roll-up, the others (today, or a day changed since its roll-up) from the ratings.
 */
@Service
public class RatingFigures {

    static final Set<String> GROUPS = Set.of("NONE", "REGION", "DEPARTMENT", "MATTER", "WINDOW", "STAFF", "CHANNEL",
            "DAY", "MONTH");
    private static final Map<String, String> RATING_KEY = Map.of("NONE", "'ALL'", "REGION", "region_id::text",
            "DEPARTMENT", "department_id::text", "MATTER", "matter_id::text", "WINDOW", "window_id::text",
            "STAFF", "staff", "CHANNEL", "channel", "DAY", "day::text", "MONTH", "to_char(day, 'YYYY-MM')");
    private static final Map<String, String> RECT_KEY = Map.of("NONE", "'ALL'", "REGION", "x.region_id::text",
            "DEPARTMENT", "x.department_id::text", "MATTER", "x.matter_id::text", "WINDOW", "x.window_id::text",
            "STAFF", "x.responsible", "CHANNEL", "x.channel", "DAY", "x.day::text", "MONTH", "to_char(x.day, 'YYYY-MM')");

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final RegionManagement regions;
    private final OrganisationManagement organisation;
    private final MatterCatalogue matters;
    private final StaffDirectory staff;
    private final EvaluationMessages messages;
    private final Ratings ratings;
    private final Clock clock;

    RatingFigures(JdbcClient jdbc, CurrentUser currentUser, RegionManagement regions,
            OrganisationManagement organisation, MatterCatalogue matters, StaffDirectory staff,
            EvaluationMessages messages, Ratings ratings, Clock clock) {
        this.ratings = ratings;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.regions = regions;
        this.organisation = organisation;
        this.matters = matters;
        this.staff = staff;
        this.messages = messages;
        this.clock = clock;
    }

    /** What to count: a period (both ends included), a grouping, and optional filters. */
    public record Query(LocalDate from, LocalDate to, String by, Long region, Long department, Long window,
                        String staff, Long matter, String channel) {

        public static Query of(LocalDate from, LocalDate to, String by) {
            return new Query(from, to, by, null, null, null, null, null, null);
        }
    }

    /** One line of figures. Rates are fractions 0–1, or null when there is nothing to divide by. */
    public record Row(String key, String label, long total, long counted, long good, long bad, long excluded,
                      long[] levels, Double goodRate, long rectifications, long rectifiedOnTime, long rectificationDue,
                      Double timelyRate, long named, long calledBack, Double callbackRate) {
    }

    /** The figures: one row per group, best good-rate first (ties: more ratings first), and the total. */
    public record Figures(LocalDate from, LocalDate to, String by, List<Row> rows, Row total) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('evaluation:read')")
    public Figures figures(Query q) {
        return compute(q, currentUser.scope());
    }

    /** The figures in a given scope (the public page and published bulletins use the region's own). */
    Figures compute(Query q, DataScope scope) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        String by = q.by() == null ? "NONE" : q.by();
        if (!GROUPS.contains(by)) {
            errors.add("by", messages.text("evaluation.figures.by"));
        }
        if (q.from() == null || q.to() == null || q.to().isBefore(q.from()) || q.to().isAfter(q.from().plusYears(1))) {
            errors.add("to", messages.text("evaluation.figures.period"));
        }
        if (q.region() != null && !scope.covers(q.region())) {
            errors.add("region", messages.text("evaluation.figures.region"));
        }
        errors.throwIfAny();
        Map<String, Object> params = new HashMap<>();
        params.put("from", q.from());
        params.put("to", q.to());
        params.put("today", LocalDate.now(clock));
        String key = RATING_KEY.get(by);
        String ratingsSql = """
                select %1$s as k, sum(total) as total, sum(level5) l5, sum(level4) l4, sum(level3) l3, sum(level2) l2,
                       sum(level1) l1, sum(excluded) ex
                from (select day, region_id, department_id, matter_id, window_id, staff, channel, total, level5, level4,
                             level3, level2, level1, excluded
                      from oneseal.rating_daily
                      where day between :from and :to
                        and day in (select day from oneseal.rating_day where rolled and day between :from and :to)
                      union all
                      select day, region_id, department_id, matter_id, window_id, handled_by, channel, 1,
                             (level = 5 and not excluded)::int, (level = 4 and not excluded)::int,
                             (level = 3 and not excluded)::int, (level = 2 and not excluded)::int,
                             (level = 1 and not excluded)::int, excluded::int
                      from oneseal.rating
                      where day in (select day from oneseal.rating_day where not rolled and day between :from and :to)
                     ) f
                where %2$s
                group by 1""".formatted(key, conditions(q, scope, params, c -> c));
        Map<String, long[]> counts = new LinkedHashMap<>();
        scope.bind(jdbc.sql(ratingsSql).params(params)).query(rs -> {
            counts.put(String.valueOf(rs.getString("k")), new long[] {rs.getLong("total"), rs.getLong("l5"),
                rs.getLong("l4"), rs.getLong("l3"), rs.getLong("l2"), rs.getLong("l1"), rs.getLong("ex")});
        });
        // rectifications of the bad reviews given in the period
        String rectSql = """
                select %1$s as k, count(*) as n,
                       count(*) filter (where x.state = 'CLOSED' and x.closed_on <= x.due_on) as on_time,
                       count(*) filter (where x.state = 'CLOSED' or (x.state <> 'CLOSED' and x.due_on < :today)) as due,
                       count(*) filter (where x.named and x.state in ('ACTED', 'CALLED_BACK', 'CLOSED')) as named,
                       count(*) filter (where x.named and x.callback_result is not null) as called
                from oneseal.rectification x
                where x.day between :from and :to and x.state <> 'EXCLUDED' and %2$s
                group by 1""".formatted(RECT_KEY.get(by), conditions(q, scope, params,
                        c -> "staff".equals(c) ? "x.responsible" : "x." + c));
        Map<String, long[]> rect = new HashMap<>();
        scope.bind(jdbc.sql(rectSql).params(params)).query(rs -> {
            rect.put(String.valueOf(rs.getString("k")), new long[] {rs.getLong("n"), rs.getLong("on_time"),
                rs.getLong("due"), rs.getLong("named"), rs.getLong("called")});
        });
        Labels labels = new Labels(by);
        List<Row> rows = new ArrayList<>();
        long[] sum = new long[7];
        long[] rsum = new long[5];
        Set<String> keys = new java.util.LinkedHashSet<>(counts.keySet());
        keys.addAll(rect.keySet());
        for (String k : keys) {
            long[] c = counts.getOrDefault(k, new long[7]);
            long[] x = rect.getOrDefault(k, new long[5]);
            for (int i = 0; i < 7; i++) {
                sum[i] += c[i];
            }
            for (int i = 0; i < 5; i++) {
                rsum[i] += x[i];
            }
            rows.add(row(k, labels.of(k), c, x));
        }
        Comparator<Row> order = "DAY".equals(by) || "MONTH".equals(by) ? Comparator.comparing(Row::key)
                : Comparator.comparing((Row r) -> r.goodRate() == null ? -1 : r.goodRate()).reversed()
                        .thenComparing(Comparator.comparingLong(Row::counted).reversed()).thenComparing(Row::key);
        rows.sort(order);
        return new Figures(q.from(), q.to(), by, rows, row("ALL", messages.text("evaluation.figures.total"), sum, rsum));
    }

    /** The query's filters as a condition on the given columns (logical name → column of the statement). */
    private String conditions(Query q, DataScope scope, Map<String, Object> params,
            java.util.function.UnaryOperator<String> column) {
        StringBuilder where = new StringBuilder(scope.condition(column.apply("region_id")));
        if (q.region() != null) {
            where.append(" and ").append(column.apply("region_id")).append(" in (:regionTree)");
            params.put("regionTree", List.copyOf(regions.withDescendants(q.region())));
        }
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("department_id", q.department());
        filters.put("window_id", q.window());
        filters.put("matter_id", q.matter());
        filters.put("channel", q.channel());
        filters.put("staff", q.staff());
        filters.forEach((name, value) -> {
            if (value != null) {
                where.append(" and ").append(column.apply(name)).append(" = :f_").append(name);
                params.put("f_" + name, value);
            }
        });
        return where.toString();
    }

    private static Row row(String key, String label, long[] c, long[] x) {
        long counted = c[1] + c[2] + c[3] + c[4] + c[5];
        long good = c[1] + c[2] + c[3];
        long bad = c[4] + c[5];
        return new Row(key, label, c[0], counted, good, bad, c[6], new long[] {c[5], c[4], c[3], c[2], c[1]},
                counted == 0 ? null : good / (double) counted, x[0], x[1], x[2], x[2] == 0 ? null : x[1] / (double) x[2],
                x[3], x[4], x[3] == 0 ? null : x[4] / (double) x[3]);
    }

    /** Names of the groups' keys. */
    private final class Labels {

        private final String by;
        private Map<String, String> names;

        Labels(String by) {
            this.by = by;
        }

        String of(String key) {
            if (key == null || "null".equals(key)) {
                return messages.text("evaluation.figures.none");
            }
            if (names == null) {
                names = new HashMap<>();
                switch (by) {
                    case "REGION" -> regions.all().forEach(r -> names.put(String.valueOf(r.id()), r.name()));
                    case "DEPARTMENT", "WINDOW" -> organisation.unitNames().forEach((id, n) -> names.put(String.valueOf(id), n));
                    case "MATTER" -> matters.published(null).forEach(m -> names.put(String.valueOf(m.matterId()), m.name()));
                    case "CHANNEL" -> ChannelRatings.ALL_CHANNELS.forEach(ch -> names.put(ch, messages.text("evaluation.channel." + ch)));
                    case "NONE" -> names.put("ALL", messages.text("evaluation.figures.total"));
                    default -> { }
                }
            }
            return names.computeIfAbsent(key, k -> "STAFF".equals(by)
                    ? staff.find(k).map(StaffDirectory.StaffMember::displayName).orElse(k) : k);
        }
    }

    // ------------------------------------------------------------------------------------------------ bulletins

    /** A month's bulletin: the region's totals, rankings of windows, departments and staff, and the bad reviews. */
    public record Bulletin(String month, long regionId, String regionName, Row total, List<Row> windows,
                           List<Row> departments, List<Row> staff, List<BadReview> badReviews,
                           java.time.Instant publishedAt) {
    }

    /** A bad review of the month and what became of it (no personal data: no rater, no comment). */
    public record BadReview(String day, String object, String matterName, int level, String levelName,
                            List<String> reasons, String classification, String state, LocalDate dueOn,
                            LocalDate closedOn, Boolean onTime, String responsible) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('evaluation:read')")
    public Bulletin bulletin(String month, Long regionId) {
        DataScope scope = currentUser.scope();
        long region = regionId == null ? scope.region() : regionId;
        if (!scope.covers(region)) {
            throw InvalidInputException.of("region", messages.text("evaluation.figures.region"));
        }
        return bulletinOf(parseMonth(month), region, null);
    }

    Bulletin bulletinOf(YearMonth ym, long region, java.time.Instant publishedAt) {
        DataScope scope = new DataScope(region, null, false, regions.withDescendants(region));
        LocalDate from = ym.atDay(1);
        LocalDate to = ym.atEndOfMonth();
        Figures total = compute(Query.of(from, to, "NONE"), scope);
        List<Row> windows = compute(Query.of(from, to, "WINDOW"), scope).rows().stream()
                .filter(r -> !"null".equals(r.key())).toList();
        List<Row> departments = compute(Query.of(from, to, "DEPARTMENT"), scope).rows().stream()
                .filter(r -> !"null".equals(r.key())).toList();
        List<Row> staffRows = compute(Query.of(from, to, "STAFF"), scope).rows().stream()
                .filter(r -> !"null".equals(r.key())).toList();
        Map<String, String> matterNames = new HashMap<>();
        matters.published(null).forEach(m -> matterNames.put(String.valueOf(m.matterId()), m.name()));
        Map<Long, String> units = organisation.unitNames();
        Map<String, String> staffNames = new HashMap<>();
        List<BadReview> bad = scope.bind(jdbc.sql("""
                        select r.day, r.object_type, r.object_id, r.matter_id, r.window_id, r.level, r.reasons, r.scheme_version,
                               x.classification, x.state, x.due_on, x.closed_on, x.responsible
                        from oneseal.rectification x join oneseal.rating r on r.id = x.rating_id
                        where x.day between :from and :to and""" + " " + scope.condition("x.region_id") + " order by x.day, x.id"))
                .param("from", from).param("to", to)
                .query((rs, n) -> {
                    int level = rs.getInt("level");
                    Ratings.Level l = ratings.version(rs.getInt("scheme_version")).levels().get(level);
                    List<String> reasons = ratings.reasonTexts(rs.getInt("scheme_version"), level, rs.getString("reasons"));
                    Long window = (Long) rs.getObject("window_id");
                    String object = messages.text("evaluation.object." + rs.getString("object_type"))
                            + (window != null ? " " + units.getOrDefault(window, "") : "");
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    LocalDate closed = rs.getObject("closed_on", LocalDate.class);
                    String state = rs.getString("state");
                    String responsible = rs.getString("responsible");
                    return new BadReview(rs.getString("day"), object.strip(),
                            rs.getObject("matter_id") == null ? null : matterNames.get(rs.getString("matter_id")),
                            level, l.name(), reasons, rs.getString("classification"), state, due, closed,
                            "CLOSED".equals(state) ? !closed.isAfter(due) : null,
                            responsible == null ? null : staffNames.computeIfAbsent(responsible, u -> staff.find(u)
                                    .map(StaffDirectory.StaffMember::displayName).orElse(u)));
                }).list();
        String regionName = regions.all().stream().filter(r -> r.id() == region).map(RegionView::name).findFirst()
                .orElse("");
        return new Bulletin(ym.toString(), region, regionName, total.total(), windows, departments, staffRows, bad,
                publishedAt);
    }

    YearMonth parseMonth(String month) {
        try {
            YearMonth ym = YearMonth.parse(month == null ? "" : month.strip());
            if (ym.isAfter(YearMonth.now(clock)) || ym.isBefore(YearMonth.of(2000, 1))) {
                throw InvalidInputException.of("month", messages.text("evaluation.bulletin.month"));
            }
            return ym;
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInputException.of("month", messages.text("evaluation.bulletin.month"));
        }
    }

    // ------------------------------------------------------------------------------------------------ annual scores

    /** A window's or staff member's annual assessment score (see docs/evaluation.md for the formula). */
    public record Score(String key, String label, long counted, Double goodRate, Double timelyRate, long bad,
                        double score) {
    }

    /**
     * 年度考核: per window or staff member, 70 points for the good-rating rate and 30 for the timely rectification rate
     * (a unit none of whose rectifications is due yet — or without bad reviews — gets the 30 whole; one without
     * ratings is not scored), best first.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('evaluation:read')")
    public List<Score> annualScores(int year, String by) {
        if (!"WINDOW".equals(by) && !"STAFF".equals(by)) {
            throw InvalidInputException.of("by", messages.text("evaluation.scores.by"));
        }
        if (year < 2000 || year > LocalDate.now(clock).getYear()) {
            throw InvalidInputException.of("year", messages.text("evaluation.scores.year"));
        }
        Figures f = figures(Query.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), by));
        return f.rows().stream().filter(r -> !"null".equals(r.key()) && r.counted() > 0)
                .map(r -> new Score(r.key(), r.label(), r.counted(), r.goodRate(), r.timelyRate(), r.bad(),
                        Math.round((70 * r.goodRate() + 30 * (r.timelyRate() == null ? 1.0 : r.timelyRate())) * 10) / 10.0))
                .sorted(Comparator.comparingDouble(Score::score).reversed().thenComparing(Score::key)).toList();
    }
}

package org.oneseal.partybuilding;

import static org.oneseal.partybuilding.PartyFigureRecords.BY_SECRETARY;
import static org.oneseal.partybuilding.PartyFigureRecords.CENTRAL_STUDY;
import static org.oneseal.partybuilding.PartyFigureRecords.COMMENDATIONS;
import static org.oneseal.partybuilding.PartyFigureRecords.DISCUSSION;
import static org.oneseal.partybuilding.PartyFigureRecords.EXTERNAL_HONOURS;
import static org.oneseal.partybuilding.PartyFigureRecords.LEADER_POINTS;
import static org.oneseal.partybuilding.PartyFigureRecords.LESSONS;
import static org.oneseal.partybuilding.PartyFigureRecords.REFLECTIONS;
import static org.oneseal.partybuilding.PartyFigureRecords.VOLUNTEER_DUTY;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricQuery;
import org.oneseal.shared.metrics.MetricSource;
import org.oneseal.shared.metrics.MetricUnit;
import org.oneseal.shared.metrics.MetricValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The party figures for the statistics module (issue 9): figures of the bureau as a whole (its party organisation has
 * no region), over the period's days, computed without a signed-in user — the statistics module has checked the
 * caller. Each is an aggregate over the records of {@link PartyFigureRecords} that its drill-down lists; the
 * compliance rate comes from {@link Compliance}. Definitions: the bundle's {@code metric.<id>.definition}.
 */
@Component
class PartyMetrics implements MetricSource {

    static final String MODULE = "partybuilding";
    static final String COMPLIANCE = "party.compliance.rate";
    private static final String COLUMN = "party.metric.column.";

    /** The cells of one record. */
    private interface Cells {
        List<Object> of(ResultSet rs, PartyMessages messages, Supplier<Map<Long, String>> units) throws SQLException;
    }

    /**
     * A figure over records: {@code value} an aggregate of them (null: their number), {@code emptyReason} why there is
     * no value when there is no record (null: there is one, 0).
     */
    private record Figure(MetricDefinition definition, String records, String condition, String value, String order,
                          List<String> columns, Cells cells, String emptyReason) {
    }

    private final PartyFigureRecords records;
    private final PartyComplianceFigure compliance;
    private final PartyMessages messages;
    private final OrganisationManagement organisation;
    private final Map<String, Figure> figures = new LinkedHashMap<>();

    PartyMetrics(PartyFigureRecords records, PartyComplianceFigure compliance, PartyMessages messages,
            OrganisationManagement organisation) {
        this.records = records;
        this.compliance = compliance;
        this.messages = messages;
        this.organisation = organisation;
        List<String> sessions = columns("date", "topic", "kind", "firstAgendaItem", "attendees");
        Cells session = (rs, m, u) -> cells(date(rs, "held_on"), rs.getString("topic"),
                m.text("party.study.kind." + rs.getString("kind")), rs.getBoolean("first_agenda_item"),
                rs.getLong("attendees"));
        add(count("party.centralStudy.sessions"), CENTRAL_STUDY, "true", null, "r.held_on, r.id", sessions, session);
        add(count("party.centralStudy.discussions"), CENTRAL_STUDY, DISCUSSION, null, "r.held_on, r.id", sessions,
                session);
        List<String> lessons = columns("date", "branch", "topic", "speaker", "secretaryOf", "present");
        Cells lesson = (rs, m, u) -> cells(date(rs, "held_on"), rs.getString("branch"), rs.getString("topic"),
                rs.getString("speaker"), rs.getString("secretary_of"), rs.getLong("present"));
        add(count("party.lessons.bySecretaries"), LESSONS, BY_SECRETARY, null, "r.held_on, r.id", lessons, lesson);
        add(bureau("party.lessons.branchPersonTimes", MetricUnit.COUNT), LESSONS, "true",
                "coalesce(sum(r.present), 0)", "r.held_on, r.id", lessons, lesson);
        figures.put("party.reflections.minPerPerson", new Figure(bureau("party.reflections.minPerPerson",
                MetricUnit.COUNT), REFLECTIONS, "true", "min(r.reflections)", "r.reflections, r.member, r.member_id",
                columns("member", "organisation", "reflections"),
                (rs, m, u) -> cells(rs.getString("member"), rs.getString("org"), rs.getLong("reflections")),
                "party.metric.reason.noMembers"));
        figures.put("party.studyPoints.leaderMax", new Figure(bureau("party.studyPoints.leaderMax", MetricUnit.POINTS),
                LEADER_POINTS, "true", "sum(r.points)", "r.period", columns("month", "member", "organisation", "points"),
                (rs, m, u) -> cells(YearMonth.from(date(rs, "period")).toString(), rs.getString("member"),
                        rs.getString("org"), rs.getLong("points")), "party.metric.reason.noPoints"));
        add(count("honours.external"), EXTERNAL_HONOURS, "r.level = 'PROVINCIAL'", null,
                "r.received_on, r.member, r.member_id", columns("received", "member", "honours"),
                (rs, m, u) -> cells(date(rs, "received_on"), rs.getString("member"), rs.getString("what")));
        commendation("honours.branches", "ADVANCED_BRANCH");
        commendation("honours.vanguardPosts", "VANGUARD_POST");
        commendation("honours.partyWorkers", "OUTSTANDING_PARTY_WORKER");
        commendation("honours.members", "OUTSTANDING_MEMBER");
        add(bureau("party.volunteer.hours", MetricUnit.MINUTES), VOLUNTEER_DUTY, "true",
                "round(coalesce(sum(r.minutes), 0))", "r.day, r.starts_at, r.member, r.id",
                columns("date", "shift", "member", "place", "organisation", "minutes"),
                (rs, m, u) -> cells(date(rs, "day"), rs.getString("shift") + " " + time(rs, "starts_at") + "–"
                        + time(rs, "ends_at"), rs.getString("member"), rs.getString("place"), rs.getString("org"),
                        rs.getBigDecimal("minutes").setScale(0, java.math.RoundingMode.HALF_UP)));
    }

    @Override
    public List<MetricDefinition> definitions() {
        return Stream.concat(figures.values().stream().map(Figure::definition),
                Stream.of(bureau(COMPLIANCE, MetricUnit.PERCENT))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, MetricValue> compute(Collection<String> ids, MetricQuery query) {
        ids.forEach(id -> check(id, query));
        Map<String, MetricValue> values = new LinkedHashMap<>();
        for (String id : ids) {
            values.put(id, id.equals(COMPLIANCE) ? compliance.value(query.from(), query.to())
                    : value(figures.get(id), query));
        }
        return values;
    }

    @Override
    public List<String> recordColumns(String id) {
        if (id.equals(COMPLIANCE)) {
            return PartyComplianceFigure.COLUMNS;
        }
        return known(id).columns();
    }

    @Override
    @Transactional(readOnly = true)
    public void records(String id, MetricQuery query, int offset, int limit, Consumer<List<Object>> row) {
        check(id, query);
        if (id.equals(COMPLIANCE)) {
            compliance.records(query.from(), query.to(), offset, limit, row);
            return;
        }
        Figure f = figures.get(id);
        AtomicReference<Map<Long, String>> names = new AtomicReference<>(); // read once, if a record names a window
        Supplier<Map<Long, String>> units = () -> names.updateAndGet(n -> n != null ? n : organisation.unitNames());
        records.list(f.records(), f.condition(), f.order(), query.from(), query.to(), offset, limit,
                rs -> row.accept(f.cells().of(rs, messages, units)));
    }

    private MetricValue value(Figure f, MetricQuery query) {
        Map<String, Object> r = records.aggregate(f.records(), f.condition(),
                (f.value() == null ? "count(*)" : f.value()) + " as value, count(*) as records", query.from(),
                query.to());
        long count = ((Number) r.get("records")).longValue();
        if (count == 0 && f.emptyReason() != null) {
            return MetricValue.missing(f.emptyReason(), 0);
        }
        return f.value() == null ? MetricValue.count(count)
                : MetricValue.amount(new BigDecimal(r.get("value").toString()), count);
    }

    /** A known figure, asked without a breakdown (the bureau's figures have none). */
    private void check(String id, MetricQuery query) {
        if (!id.equals(COMPLIANCE)) {
            known(id);
        }
        if (query.department() != null || query.window() != null || query.staff() != null) {
            throw new IllegalArgumentException(id + " is a figure of the bureau as a whole: it has no breakdown");
        }
    }

    private Figure known(String id) {
        Figure f = figures.get(id);
        if (f == null) {
            throw new IllegalArgumentException("not a party figure: " + id);
        }
        return f;
    }

    private void commendation(String id, String kind) {
        boolean post = kind.equals("VANGUARD_POST");
        List<String> columns = post ? columns("date", "year", "awardedTo", "window", "awardingBody", "documentNo")
                : columns("date", "year", "awardedTo", "awardingBody", "documentNo");
        add(count(id), COMMENDATIONS, "r.kind = '" + kind + "'", null, "r.awarded_on, r.id", columns, (rs, m, u) -> {
            List<Object> row = new java.util.ArrayList<>(cells(date(rs, "awarded_on"), rs.getInt("year"),
                    rs.getString("awarded_to")));
            if (post) {
                long window = rs.getLong("window_id");
                row.add(u.get().getOrDefault(window, String.valueOf(window)));
            }
            row.addAll(cells(rs.getString("awarding_body"), rs.getString("document_no")));
            return row;
        });
    }

    private void add(MetricDefinition d, String sql, String condition, String value, String order,
            List<String> columns, Cells cells) {
        figures.put(d.id(), new Figure(d, sql, condition, value, order, columns, cells, null));
    }

    private static MetricDefinition count(String id) {
        return bureau(id, MetricUnit.COUNT);
    }

    private static MetricDefinition bureau(String id, MetricUnit unit) {
        return MetricDefinition.bureau(id, MODULE, unit);
    }

    static List<String> columns(String... names) {
        return Stream.of(names).map(n -> COLUMN + n).toList();
    }

    private static List<Object> cells(Object... values) {
        return Arrays.asList(values);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static String time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalTime.class).toString();
    }
}

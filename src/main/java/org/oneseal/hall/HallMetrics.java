package org.oneseal.hall;

import static org.oneseal.shared.metrics.MetricDimension.STAFF;
import static org.oneseal.shared.metrics.MetricDimension.WINDOW;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
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
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.matter.MatterCatalogue;
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
 * The hall's figures as metrics (docs/hall.md, "Metrics"): appointments taken up in extended, staggered and holiday
 * hours, appointments that stood, tickets drawn and served, and the mean wait for a call — for the halls of the
 * query's regions (a hall is in the region of its own org unit, {@link OrganisationManagement#serviceHalls()}, open or
 * closed since), the queue figures also for one window or one member of staff.
 */
@Component
class HallMetrics implements MetricSource {

    static final String EXTENDED_OR_STAGGERED = "hall.appointments.extendedOrStaggered";
    static final String APPOINTMENTS = "hall.appointments.total";
    static final String TICKETS_ISSUED = "hall.tickets.issued";
    static final String TICKETS_SERVED = "hall.tickets.served";
    static final String WAIT = "hall.waitMinutes.avg";
    static final String NO_BREAKDOWN = "metric.reason.hall.noBreakdown";
    static final String NOBODY_CALLED = "metric.reason.hall.nobodyCalled";

    /** Rows read per statement when listing records. */
    static final int CHUNK = 2000;

    private static final String MODULE = "hall";
    private static final List<String> APPOINTMENT_COLUMNS = columns("day", "time", "hall", "group", "hours", "matter",
            "state");
    private static final List<String> TICKET_COLUMNS = columns("day", "number", "hall", "group", "issued", "called",
            "window", "waitMinutes", "state");

    private final JdbcClient jdbc;
    private final OrganisationManagement organisation;
    private final MatterCatalogue matters;
    private final HallMessages messages;

    /** Rows read per statement (a test makes it small to see the chunks join up). */
    int chunk = CHUNK;

    HallMetrics(JdbcClient jdbc, OrganisationManagement organisation, MatterCatalogue matters, HallMessages messages) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.matters = matters;
        this.messages = messages;
    }

    @Override
    public List<MetricDefinition> definitions() {
        return List.of(MetricDefinition.flow(EXTENDED_OR_STAGGERED, MODULE, MetricUnit.COUNT),
                MetricDefinition.flow(APPOINTMENTS, MODULE, MetricUnit.COUNT),
                MetricDefinition.flow(TICKETS_ISSUED, MODULE, MetricUnit.COUNT),
                MetricDefinition.flow(TICKETS_SERVED, MODULE, MetricUnit.COUNT, WINDOW, STAFF),
                MetricDefinition.flow(WAIT, MODULE, MetricUnit.MINUTES, WINDOW, STAFF));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, MetricValue> compute(Collection<String> ids, MetricQuery query) {
        ids.forEach(this::definition);
        List<Long> halls = halls(query);
        Map<String, MetricValue> counted = new HashMap<>();
        if (!halls.isEmpty() && ids.stream().anyMatch(id -> appointments(id) && supports(id, query))) {
            HallMetricSql sql = HallMetricSql.appointments(query, halls);
            jdbc.sql(sql.appointmentCounts()).params(sql.params()).query(rs -> {
                counted.put(EXTENDED_OR_STAGGERED, MetricValue.count(rs.getLong(1)));
                counted.put(APPOINTMENTS, MetricValue.count(rs.getLong(2)));
            });
        }
        if (!halls.isEmpty() && ids.stream().anyMatch(id -> !appointments(id) && supports(id, query))) {
            HallMetricSql sql = HallMetricSql.tickets(query, halls);
            jdbc.sql(sql.ticketFigures()).params(sql.params()).query(rs -> {
                long called = rs.getLong(3);
                BigDecimal wait = rs.getBigDecimal("wait");
                counted.put(TICKETS_ISSUED, MetricValue.count(rs.getLong(1)));
                counted.put(TICKETS_SERVED, MetricValue.count(rs.getLong(2)));
                counted.put(WAIT, wait == null ? MetricValue.missing(NOBODY_CALLED, 0)
                        : MetricValue.amount(wait.setScale(1, RoundingMode.HALF_UP), called));
            });
        }
        Map<String, MetricValue> values = new LinkedHashMap<>();
        for (String id : ids) {
            values.put(id, !supports(id, query) ? MetricValue.missing(NO_BREAKDOWN, 0)
                    : halls.isEmpty() ? empty(id) : counted.get(id));
        }
        return values;
    }

    @Override
    public List<String> recordColumns(String id) {
        definition(id);
        return appointments(id) ? APPOINTMENT_COLUMNS : TICKET_COLUMNS;
    }

    /**
     * The records in chunks of {@link #chunk}: the first from {@code offset}, each next one after the last key of the
     * one before (day, start and id of an appointment; day and id of a ticket); each chunk's matters named in one
     * statement — an export holds one chunk at a time.
     */
    @Override
    @Transactional(readOnly = true)
    public void records(String id, MetricQuery query, int offset, int limit, Consumer<List<Object>> row) {
        Optional<HallMetricSql> sql = sql(id, query, halls(query));
        if (sql.isEmpty()) {
            return;
        }
        boolean appointments = appointments(id);
        Map<Long, String> units = organisation.unitNames();
        Map<Long, String> matterNames = new HashMap<>();
        int left = Math.max(0, limit);
        Map<String, Object> last = null;
        while (left > 0) {
            int size = Math.min(left, chunk);
            Map<String, Object> p = new HashMap<>(sql.get().params());
            p.put("limit", size);
            if (last == null) {
                p.put("offset", Math.max(0, offset));
            } else {
                p.put("lastDay", last.get("day"));
                p.put("lastStarts", last.get("starts"));
                p.put("lastId", last.get("id"));
            }
            List<Map<String, Object>> rows = jdbc.sql(appointments ? sql.get().appointmentRecords(last != null)
                    : sql.get().ticketRecords(last != null)).params(p).query().listOfRows();
            if (appointments) {
                names(matterNames, rows);
            }
            for (Map<String, Object> r : rows) {
                row.accept(appointments ? appointmentCells(r, units, matterNames) : ticketCells(r, units));
            }
            left -= rows.size();
            if (rows.size() < size) {
                return;
            }
            last = rows.getLast();
        }
    }

    private List<Object> appointmentCells(Map<String, Object> r, Map<Long, String> units, Map<Long, String> matters) {
        return Arrays.asList(day(r.get("day")), time(r.get("starts")) + "–" + time(r.get("ends")),
                name(units, r.get("hall_id")), group((String) r.get("group_code")),
                messages.text("hall.kind." + r.get("kind")), name(matters, r.get("matter_id")),
                messages.text("hall.state." + r.get("state")));
    }

    private List<Object> ticketCells(Map<String, Object> r, Map<Long, String> units) {
        BigDecimal wait = (BigDecimal) r.get("wait");
        return Arrays.asList(day(r.get("day")), r.get("number"), name(units, r.get("hall_id")),
                group((String) r.get("group_code")), instant(r.get("issued_at")), instant(r.get("called_at")),
                name(units, r.get("window_id")), wait == null ? null : wait.setScale(1, RoundingMode.HALF_UP),
                messages.text("hall.ticket.state." + r.get("state")));
    }

    /** Names the matters of a chunk not named yet, in one statement ("#id" for one not published). */
    private void names(Map<Long, String> names, List<Map<String, Object>> rows) {
        Set<Long> missing = rows.stream().map(r -> (Number) r.get("matter_id")).filter(Objects::nonNull)
                .map(Number::longValue).filter(m -> !names.containsKey(m)).collect(Collectors.toSet());
        if (!missing.isEmpty()) {
            Map<Long, String> found = matters.publishedNames(missing);
            missing.forEach(m -> names.put(m, found.getOrDefault(m, "#" + m)));
        }
    }

    /**
     * The halls of the query's regions, each in the region of its own org unit — active or not, so that a hall closed
     * since (or whose windows were) still counts its past tickets and appointments.
     */
    private List<Long> halls(MetricQuery query) {
        return organisation.serviceHalls().stream()
                .filter(h -> query.wholeCity() || query.regions().contains(h.regionId()))
                .map(OrgUnitView::id).distinct().sorted().toList();
    }

    /** The figure's condition; empty when it does not break down as asked, or when the regions have no hall. */
    private Optional<HallMetricSql> sql(String id, MetricQuery query, List<Long> halls) {
        if (!supports(id, query) || halls.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (id) {
            case EXTENDED_OR_STAGGERED -> HallMetricSql.appointments(query, halls,
                    HallMetricSql.Appointments.OUTSIDE_NORMAL_HOURS);
            case APPOINTMENTS -> HallMetricSql.appointments(query, halls, HallMetricSql.Appointments.STOOD);
            case TICKETS_ISSUED -> HallMetricSql.tickets(query, halls, HallMetricSql.Tickets.ISSUED);
            case TICKETS_SERVED -> HallMetricSql.tickets(query, halls, HallMetricSql.Tickets.SERVED);
            default -> HallMetricSql.tickets(query, halls, HallMetricSql.Tickets.CALLED);
        });
    }

    private static boolean appointments(String id) {
        return id.startsWith("hall.appointments.");
    }

    private boolean supports(String id, MetricQuery query) {
        MetricDefinition d = definition(id);
        return query.department() == null && (query.window() == null || d.dimensions().contains(MetricDimension.WINDOW))
                && (query.staff() == null || d.dimensions().contains(MetricDimension.STAFF));
    }

    private static MetricValue empty(String id) {
        return WAIT.equals(id) ? MetricValue.missing(NOBODY_CALLED, 0) : MetricValue.count(0);
    }

    private MetricDefinition definition(String id) {
        return definitions().stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a metric of the hall module: " + id));
    }

    private String group(String code) {
        String key = "hall.group." + code;
        String text = messages.text(key);
        return key.equals(text) ? code : text;
    }

    private static String name(Map<Long, String> names, Object id) {
        return id == null ? null : names.getOrDefault(((Number) id).longValue(), "#" + id);
    }

    private static LocalDate day(Object o) {
        return ((java.sql.Date) o).toLocalDate();
    }

    private static String time(Object o) {
        LocalTime t = ((java.sql.Time) o).toLocalTime();
        return t.toString();
    }

    private static java.time.Instant instant(Object o) {
        return o == null ? null : ((java.sql.Timestamp) o).toInstant();
    }

    private static List<String> columns(String... names) {
        return Arrays.stream(names).map(n -> "metric.column.hall." + n).toList();
    }
}

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
import java.util.Optional;
import java.util.function.Consumer;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.matter.MatterVersionView;
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
 * query's regions (a hall is in the region of its windows, as {@link OrganisationManagement#serviceWindows()} says),
 * the queue figures also for one window or one member of staff.
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

    private static final String MODULE = "hall";
    private static final List<String> APPOINTMENT_COLUMNS = columns("day", "time", "hall", "group", "hours", "matter",
            "state");
    private static final List<String> TICKET_COLUMNS = columns("day", "number", "hall", "group", "issued", "called",
            "window", "waitMinutes", "state");

    private final JdbcClient jdbc;
    private final OrganisationManagement organisation;
    private final MatterCatalogue matters;
    private final HallMessages messages;

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
        List<Long> halls = halls(query);
        Map<String, MetricValue> values = new LinkedHashMap<>();
        for (String id : ids) {
            Optional<HallMetricSql> sql = sql(id, query, halls);
            if (sql.isEmpty()) {
                values.put(id, halls.isEmpty() && supports(id, query) ? empty(id) : MetricValue.missing(NO_BREAKDOWN, 0));
            } else if (id.startsWith("hall.appointments.")) {
                values.put(id, MetricValue.count(jdbc.sql(sql.get().appointmentCount()).params(sql.get().params())
                        .query(Long.class).single()));
            } else {
                values.put(id, jdbc.sql(sql.get().ticketFigures()).params(sql.get().params()).query((rs, n) -> {
                    long count = rs.getLong("n");
                    BigDecimal wait = rs.getBigDecimal("wait");
                    return !WAIT.equals(id) ? MetricValue.count(count) : wait == null
                            ? MetricValue.missing(NOBODY_CALLED, 0)
                            : MetricValue.amount(wait.setScale(1, RoundingMode.HALF_UP), count);
                }).single());
            }
        }
        return values;
    }

    @Override
    public List<String> recordColumns(String id) {
        definition(id);
        return id.startsWith("hall.appointments.") ? APPOINTMENT_COLUMNS : TICKET_COLUMNS;
    }

    @Override
    @Transactional(readOnly = true)
    public void records(String id, MetricQuery query, int offset, int limit, Consumer<List<Object>> row) {
        Optional<HallMetricSql> sql = sql(id, query, halls(query));
        if (sql.isEmpty()) {
            return;
        }
        boolean appointments = id.startsWith("hall.appointments.");
        List<Map<String, Object>> rows = jdbc.sql(appointments ? sql.get().appointmentRecords() : sql.get().ticketRecords())
                .params(sql.get().params()).param("offset", Math.max(0, offset)).param("limit", Math.max(0, limit))
                .query().listOfRows();
        Map<Long, String> units = rows.isEmpty() ? Map.of() : organisation.unitNames();
        Map<Long, String> matterNames = new HashMap<>();
        for (Map<String, Object> r : rows) {
            String hall = name(units, r.get("hall_id"));
            String group = group((String) r.get("group_code"));
            if (appointments) {
                row.accept(Arrays.asList(day(r.get("day")), time(r.get("starts")) + "–" + time(r.get("ends")), hall,
                        group, messages.text("hall.kind." + r.get("kind")), matter(matterNames, r.get("matter_id")),
                        messages.text("hall.state." + r.get("state"))));
            } else {
                BigDecimal wait = (BigDecimal) r.get("wait");
                row.accept(Arrays.asList(day(r.get("day")), r.get("number"), hall, group, instant(r.get("issued_at")),
                        instant(r.get("called_at")), name(units, r.get("window_id")),
                        wait == null ? null : wait.setScale(1, RoundingMode.HALF_UP),
                        messages.text("hall.ticket.state." + r.get("state"))));
            }
        }
    }

    /** The halls of the query's regions: the parents of the active service windows there, looked up once. */
    private List<Long> halls(MetricQuery query) {
        return organisation.serviceWindows().stream().filter(w -> w.parentId() != null)
                .filter(w -> query.wholeCity() || query.regions().contains(w.regionId()))
                .map(OrgUnitView::parentId).distinct().sorted().toList();
    }

    /** The figure's condition; empty when it does not break down as asked, or when the regions have no hall. */
    private Optional<HallMetricSql> sql(String id, MetricQuery query, List<Long> halls) {
        if (!supports(id, query) || halls.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (id) {
            case EXTENDED_OR_STAGGERED -> HallMetricSql.appointments(query, halls, true);
            case APPOINTMENTS -> HallMetricSql.appointments(query, halls, false);
            case TICKETS_ISSUED -> HallMetricSql.tickets(query, halls, HallMetricSql.Tickets.ISSUED);
            case TICKETS_SERVED -> HallMetricSql.tickets(query, halls, HallMetricSql.Tickets.SERVED);
            default -> HallMetricSql.tickets(query, halls, HallMetricSql.Tickets.CALLED);
        });
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

    private String matter(Map<Long, String> names, Object id) {
        return id == null ? null : names.computeIfAbsent(((Number) id).longValue(), m -> matters.currentPublished(m)
                .map(MatterVersionView::name).orElse("#" + m));
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

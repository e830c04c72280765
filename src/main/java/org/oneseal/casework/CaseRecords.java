package org.oneseal.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.identity.RegionManagement;
import org.oneseal.shared.Masking;
import org.oneseal.shared.metrics.MetricQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cases behind a case figure, in the order of the day the figure counts them by, then id — read from that day's
 * index in chunks (the next chunk starts after the last row of the one before), so that the first page of a million
 * is as quick as any and an export of all of them never holds more than a chunk.
 */
@Component
class CaseRecords {

    static final int CHUNK = 2000;

    /** Rows read per statement (a test makes it small to see the chunks join up). */
    int chunk = CHUNK;

    /** What is listed: the condition (as for the count), the day it is ordered by, and the figure's own columns. */
    record Listing(String where, String orderDay, List<Extra> extras) {
    }

    /** A column some figures add after the common ones. */
    enum Extra {
        PROMISED_DUE("metric.column.case.promisedDue"),
        ON_TIME("metric.column.case.onTime"),
        LEGAL_DUE("metric.column.case.legalDue"),
        LEGAL_ON_TIME("metric.column.case.legalOnTime"),
        WORKDAYS("metric.column.case.workdays");

        final String key;

        Extra(String key) {
            this.key = key;
        }
    }

    static final List<String> COLUMNS = List.of("metric.column.case.number", "metric.column.case.matter",
            "metric.column.case.applicant", "metric.column.case.department", "metric.column.case.region",
            "metric.column.case.submittedAt", "metric.column.case.acceptedOn", "metric.column.case.decision",
            "metric.column.case.decidedOn", "metric.column.case.concludedOn", "metric.column.case.status");

    private final JdbcClient jdbc;
    private final OrganisationManagement organisation;
    private final RegionManagement regions;
    private final CaseworkMessages messages;

    CaseRecords(JdbcClient jdbc, OrganisationManagement organisation, RegionManagement regions,
            CaseworkMessages messages) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.regions = regions;
        this.messages = messages;
    }

    static List<String> columns(Listing listing) {
        List<String> columns = new ArrayList<>(COLUMNS);
        listing.extras().forEach(e -> columns.add(e.key));
        return columns;
    }

    /** Rows from {@code offset}, at most {@code limit}; {@code params} holds the listing's parameters. */
    void list(Listing listing, MetricQuery q, Map<String, Object> params, int offset, int limit,
            Consumer<List<Object>> row) {
        Map<Long, String> units = organisation.unitNames();
        Map<Long, String> regionNames = new HashMap<>();
        regions.all().forEach(r -> regionNames.put(r.id(), r.name()));
        String dims = CaseFacts.dimensions(q, params);
        int left = limit;
        LocalDate lastDay = null;
        long lastId = 0;
        while (left > 0) {
            int size = Math.min(left, chunk);
            String after = lastDay == null ? "" : " and (" + listing.orderDay() + ", id) > (cast(:lastDay as date), :lastId)";
            // the page's ids from the index alone (an offset far down skips index entries, not rows), then their rows
            // (the outer conditions name columns of c only: k has id and order_day)
            String sql = "select c.*, k.order_day, " + CaseFacts.ON_TIME + " as within_promised, "
                    + CaseFacts.LEGAL_ON_TIME + " as within_legal from (select id, " + listing.orderDay()
                    + " as order_day from oneseal.case_file where " + listing.where() + " and " + dims + after
                    + " order by " + listing.orderDay() + ", id limit :limit" + (lastDay == null ? " offset :offset" : "")
                    + ") k join oneseal.case_file c on c.id = k.id order by k.order_day, k.id";
            Map<String, Object> p = new HashMap<>(params);
            p.put("limit", size);
            p.put("offset", offset);
            p.put("lastDay", lastDay);
            p.put("lastId", lastId);
            List<Object[]> keys = new ArrayList<>();
            jdbc.sql(sql).params(p).query(rs -> {
                row.accept(cells(rs, listing, units, regionNames));
                keys.add(new Object[] {rs.getObject("order_day", LocalDate.class), rs.getLong("id")});
            });
            left -= keys.size();
            if (keys.size() < size) {
                return;
            }
            lastDay = (LocalDate) keys.getLast()[0];
            lastId = (Long) keys.getLast()[1];
        }
    }

    private List<Object> cells(ResultSet rs, Listing listing, Map<Long, String> units, Map<Long, String> regionNames)
            throws SQLException {
        List<Object> cells = new ArrayList<>(COLUMNS.size() + listing.extras().size());
        cells.add(rs.getString("case_number"));
        cells.add(rs.getString("matter_name"));
        String name = rs.getString("applicant_name");
        cells.add("ENTERPRISE".equals(rs.getString("applicant_kind")) ? Masking.middle(name, 2, 2) : Masking.name(name));
        cells.add(units.get(rs.getLong("department_id")));
        cells.add(regionNames.get(rs.getLong("region_id")));
        cells.add(rs.getTimestamp("submitted_at").toInstant());
        cells.add(rs.getObject("accepted_on", LocalDate.class));
        Boolean granted = (Boolean) rs.getObject("granted");
        cells.add(granted == null ? null : messages.text(granted ? "casework.status.GRANTED" : "casework.status.DENIED"));
        cells.add(rs.getObject("decided_on", LocalDate.class));
        cells.add(rs.getObject("concluded_on", LocalDate.class));
        cells.add(messages.text("casework.status." + rs.getString("status")));
        for (Extra e : listing.extras()) {
            cells.add(switch (e) {
                case PROMISED_DUE -> rs.getObject("promised_due", LocalDate.class);
                case LEGAL_DUE -> rs.getObject("legal_due", LocalDate.class);
                case ON_TIME -> (Boolean) rs.getObject("within_promised");
                case LEGAL_ON_TIME -> (Boolean) rs.getObject("within_legal");
                case WORKDAYS -> (Integer) rs.getObject("worked_days");
            });
        }
        return cells;
    }
}

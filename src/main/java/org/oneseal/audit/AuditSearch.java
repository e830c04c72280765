package org.oneseal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oneseal.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The auditor's search: a fixed set of SQL conditions, each added only when its filter is set, every value
 * a bound parameter. Newest first with keyset pagination ({@code seq < :before}).
 */
@Repository
class AuditSearch {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    AuditSearch(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    AuditPage search(AuditQuery query, DataScope scope) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        conditions.add(scope.condition("region_id"));
        addFilters(query, conditions, params);
        String sql = "select " + AuditEntryStore.COLUMNS + " from oneseal.audit_entry where "
                + String.join(" and ", conditions) + " order by seq desc limit :limit";
        params.put("limit", AuditQuery.PAGE_SIZE + 1);
        List<AuditEntry> rows = scope.bind(jdbc.sql(sql).params(params)).query(this::entry).list();
        if (rows.size() <= AuditQuery.PAGE_SIZE) {
            return new AuditPage(rows, null);
        }
        List<AuditEntry> page = rows.subList(0, AuditQuery.PAGE_SIZE);
        return new AuditPage(page, page.getLast().seq());
    }

    private void addFilters(AuditQuery q, List<String> conditions, Map<String, Object> params) {
        condition(conditions, params, "actor = :actor", "actor", q.actor());
        condition(conditions, params, "action like :action escape '\\'", "action",
                q.actionPrefix() == null ? null : likePrefix(q.actionPrefix()));
        condition(conditions, params, "outcome = :outcome", "outcome",
                q.outcome() == null ? null : q.outcome().name());
        condition(conditions, params, "object_type = :objectType", "objectType", q.objectType());
        condition(conditions, params, "object_id = :objectId", "objectId", q.objectId());
        condition(conditions, params, "occurred_at >= :from", "from",
                q.from() == null ? null : q.from().atStartOfDay(zone).toOffsetDateTime());
        condition(conditions, params, "occurred_at < :to", "to",
                q.to() == null ? null : q.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        condition(conditions, params, "seq < :before", "before", q.beforeSeq());
    }

    private static void condition(List<String> conditions, Map<String, Object> params, String sql, String name,
            Object value) {
        if (value != null) {
            conditions.add(sql);
            params.put(name, value);
        }
    }

    /** A LIKE pattern matching values that start with {@code prefix} literally. */
    static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private AuditEntry entry(ResultSet rs, int rowNum) throws SQLException {
        return new AuditEntry(rs.getLong("seq"),
                rs.getObject("occurred_at", OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime(),
                rs.getString("actor"), rs.getString("acting_for"), rs.getString("action"),
                rs.getString("object_type"), rs.getString("object_id"), AuditOutcome.valueOf(rs.getString("outcome")),
                rs.getString("reason"), rs.getObject("region_id", Long.class), rs.getString("client_ip"),
                rs.getString("hash"));
    }
}

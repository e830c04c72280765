package org.oneseal.partybuilding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads rectification lists and items (access is the caller's to check). */
@Component
class RectificationReads {

    private static final String ITEM_SQL = """
            select i.*, l.title as list_title, l.branch_id, p.name as owner_name
            from oneseal.party_rectification_item i join oneseal.party_rectification_list l on l.id = i.list_id
            join oneseal.party_member p on p.id = i.owner_id
            """;

    private final JdbcClient jdbc;
    private final PartyFiles files;

    RectificationReads(JdbcClient jdbc, PartyFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** The lists of a branch with their items, newest first. */
    List<RectificationLists.ListView> lists(long branchId) {
        return listsWhere("l.branch_id = :id", branchId);
    }

    Optional<RectificationLists.ListView> list(long id) {
        return listsWhere("l.id = :id", id).stream().findFirst();
    }

    private List<RectificationLists.ListView> listsWhere(String condition, long id) {
        return jdbc.sql("""
                select l.*, b.name as branch_name, m.kind as meeting_kind, m.topic as meeting_topic
                from oneseal.party_rectification_list l join oneseal.party_org b on b.id = l.branch_id
                left join oneseal.party_meeting m on m.id = l.meeting_id
                where %s order by l.base_date desc, l.id desc""".formatted(condition)).param("id", id)
                .query((rs, n) -> new RectificationLists.ListView(rs.getLong("id"), rs.getLong("branch_id"),
                        rs.getString("branch_name"), (Long) rs.getObject("meeting_id"), rs.getString("meeting_kind"),
                        rs.getString("meeting_topic"), day(rs, "inspected_on"), rs.getString("inspecting_body"),
                        rs.getString("title"), day(rs, "base_date"), rs.getString("created_by"),
                        items("i.list_id = :id", rs.getLong("id")))).list();
    }

    /** Items matching a condition on {@code i} (the list {@code l}) with the parameter {@code :id}. */
    List<RectificationLists.Item> items(String condition, long id) {
        return jdbc.sql(ITEM_SQL + "where " + condition + " order by i.deadline, i.id").param("id", id)
                .query(RectificationReads::item).list();
    }

    Optional<RectificationLists.ItemDetail> detail(long itemId) {
        return items("i.id = :id", itemId).stream().findFirst().map(i -> new RectificationLists.ItemDetail(i,
                files.list(PartyFiles.Owner.ITEM, itemId), jdbc.sql("""
                        select kind, note, actor, at from oneseal.party_rectification_event where item_id = :id
                        order by id""").param("id", itemId)
                        .query((rs, n) -> new RectificationLists.Event(rs.getString("kind"), rs.getString("note"),
                                rs.getString("actor"), rs.getTimestamp("at").toInstant())).list()));
    }

    private static RectificationLists.Item item(ResultSet rs, int n) throws SQLException {
        String status = rs.getString("status");
        LocalDate deadline = day(rs, "deadline");
        LocalDate closedOn = day(rs, "closed_on");
        String flag;
        if ("DONE".equals(status)) {
            flag = closedOn.isAfter(deadline) ? "DONE_LATE" : "DONE";
        } else {
            flag = rs.getDate("overdue_since") != null ? "OVERDUE" : rs.getDate("reminded_on") != null ? "DUE_SOON" : "OPEN";
        }
        return new RectificationLists.Item(rs.getLong("id"), rs.getLong("list_id"), rs.getString("list_title"),
                rs.getLong("branch_id"), rs.getString("problem"), rs.getString("measure"), rs.getLong("owner_id"),
                rs.getString("owner_name"), deadline, (Integer) rs.getObject("working_days"), status, flag,
                rs.getString("evidence"), closedOn, rs.getString("closed_by"), day(rs, "reminded_on"),
                day(rs, "overdue_since"));
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        return rs.getDate(column) == null ? null : rs.getDate(column).toLocalDate();
    }
}

package org.oneseal.partybuilding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading lists (学习书目) handed out to the members of an organisation on a day (those who belong to it or to a cell
 * below it that day); each member confirms receipt themselves, or the party-affairs worker records a paper receipt.
 * Confirming again changes nothing (the first confirmation stays).
 */
@Service
public class ReadingLists {

    private final JdbcClient jdbc;
    private final StudyAccess access;
    private final StudyRules rules;
    private final PartyOrganisation organisation;
    private final PartyMessages messages;
    private final AuditLog audit;
    private final Clock clock;

    ReadingLists(JdbcClient jdbc, StudyAccess access, StudyRules rules, PartyOrganisation organisation,
            PartyMessages messages, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.rules = rules;
        this.organisation = organisation;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** What issues a reading list: its name, the day, the titles (one per line). */
    public record NewList(String title, LocalDate issuedOn, List<String> titles) {
    }

    /** A reading list with its receipts counted. */
    public record ReadingList(long id, long orgId, String orgName, String title, LocalDate issuedOn,
                              List<String> titles, int recipients, int confirmed) {
    }

    /** A member's receipt: not yet confirmed when {@code confirmedAt} is null. */
    public record Receipt(long listId, long memberId, String memberName, Instant confirmedAt, String confirmedBy,
                          Boolean byMember) {
    }

    /** A list with its receipts: confirmed and not yet (who has not). */
    public record ListDetail(ReadingList list, List<Receipt> confirmed, List<Receipt> pending) {
    }

    @Transactional(noRollbackFor = {NotFoundException.class, AccessDeniedException.class})
    public ListDetail issue(long orgId, NewList l) {
        PartyOrganisation.Org org = access.org(orgId);
        access.requireManaged(orgId, "party.reading.issue");
        var errors = new InvalidInputException.Collector();
        String title = rules.text(errors, "listTitle", l.title(), 100, true);
        rules.day(errors, "issuedOn", l.issuedOn());
        List<String> titles = rules.lines(errors, "titles", l.titles(), 50, 200, true);
        errors.throwIfAny();
        organisation.checkDay(org, l.issuedOn(), "issuedOn");
        Set<Long> recipients = organisation.membersOn(orgId, l.issuedOn());
        if (recipients.isEmpty()) {
            throw new BusinessRuleViolation("party.reading.nobody", messages.text("party.reading.nobody", org.name(),
                    l.issuedOn()));
        }
        long id = jdbc.sql("""
                insert into oneseal.party_reading_list (org_id, title, issued_on, titles, recorded_by, recorded_at)
                values (:o, :t, :d, :titles, :by, :at) returning id""").param("o", orgId).param("t", title)
                .param("d", l.issuedOn()).param("titles", String.join("\n", titles)).param("by", access.username())
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        for (long m : recipients) {
            jdbc.sql("insert into oneseal.party_reading_receipt (list_id, member_id) values (:l, :m)").param("l", id)
                    .param("m", m).update();
        }
        audit.record(AuditRecord.of("party.reading.issue", "PartyReadingList", id)
                .reason(org.name() + " " + recipients.size()));
        return detail(id);
    }

    /** The lists of an organisation, newest first. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public List<ReadingList> lists(long orgId) {
        access.org(orgId);
        access.requireVisible(orgId, "party.reading.list");
        return lists("l.org_id = :id", orgId);
    }

    /** A list with who confirmed and who has not: for whoever sees its organisation. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public ListDetail list(long id) {
        ReadingList l = lists("l.id = :id", id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("reading list " + id));
        access.requireVisible(l.orgId(), "party.reading.read");
        return detail(id);
    }

    /** The caller confirms receiving a list handed to them. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Receipt confirm(long listId) {
        long me = access.me();
        Receipt r = receipt(listId, me);
        return r.confirmedAt() != null ? r : markConfirmed(r, true);
    }

    /** The party-affairs worker records a member's (paper) receipt. */
    @Transactional(noRollbackFor = {NotFoundException.class, AccessDeniedException.class})
    public Receipt confirmFor(long listId, long memberId) {
        ReadingList l = lists("l.id = :id", listId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("reading list " + listId));
        access.requireManaged(l.orgId(), "party.reading.receipt");
        Receipt r = receipt(listId, memberId);
        return r.confirmedAt() != null ? r : markConfirmed(r, false);
    }

    /** The lists handed to a member, with their receipt (access is the caller's to check). */
    List<Receipt> receiptsOf(long memberId) {
        return receipts("r.member_id = :id", memberId);
    }

    /** The titles of the lists handed to a member. */
    List<ReadingList> listsOf(long memberId) {
        return lists("l.id in (select list_id from oneseal.party_reading_receipt where member_id = :id)", memberId);
    }

    private Receipt markConfirmed(Receipt r, boolean byMember) {
        jdbc.sql("""
                update oneseal.party_reading_receipt set confirmed_at = :at, confirmed_by = :by, by_member = :self
                where list_id = :l and member_id = :m and confirmed_at is null""")
                .param("at", Timestamp.from(clock.instant())).param("by", access.username()).param("self", byMember)
                .param("l", r.listId()).param("m", r.memberId()).update();
        audit.record(AuditRecord.of("party.reading.receipt", "PartyReadingList", r.listId())
                .reason((byMember ? "self " : "by worker ") + r.memberId()));
        return receipt(r.listId(), r.memberId());
    }

    private Receipt receipt(long listId, long memberId) {
        return jdbc.sql(RECEIPT_SQL + "where r.list_id = :l and r.member_id = :m").param("l", listId)
                .param("m", memberId).query(ReadingLists::receipt).optional()
                .orElseThrow(() -> new NotFoundException("receipt " + listId + "/" + memberId));
    }

    private ListDetail detail(long id) {
        ReadingList l = lists("l.id = :id", id).getFirst();
        List<Receipt> all = receipts("r.list_id = :id", id);
        return new ListDetail(l, all.stream().filter(r -> r.confirmedAt() != null).toList(),
                all.stream().filter(r -> r.confirmedAt() == null).toList());
    }

    private List<ReadingList> lists(String condition, long id) {
        return jdbc.sql("""
                select l.*, o.name as org_name,
                    (select count(*) from oneseal.party_reading_receipt r where r.list_id = l.id) as recipients,
                    (select count(*) from oneseal.party_reading_receipt r where r.list_id = l.id
                        and r.confirmed_at is not null) as confirmed
                from oneseal.party_reading_list l join oneseal.party_org o on o.id = l.org_id
                where %s order by l.issued_on desc, l.id desc""".formatted(condition)).param("id", id)
                .query((rs, n) -> new ReadingList(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"),
                        rs.getString("title"), rs.getDate("issued_on").toLocalDate(),
                        SessionQueries.lines(rs.getString("titles")), rs.getInt("recipients"), rs.getInt("confirmed")))
                .list();
    }

    private List<Receipt> receipts(String condition, long id) {
        return jdbc.sql(RECEIPT_SQL + "where " + condition + " order by r.confirmed_at nulls first, m.name")
                .param("id", id).query(ReadingLists::receipt).list();
    }

    private static final String RECEIPT_SQL = """
            select r.*, m.name as member_name from oneseal.party_reading_receipt r
            join oneseal.party_member m on m.id = r.member_id
            """;

    private static Receipt receipt(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp("confirmed_at");
        return new Receipt(rs.getLong("list_id"), rs.getLong("member_id"), rs.getString("member_name"),
                at == null ? null : at.toInstant(), rs.getString("confirmed_by"), (Boolean) rs.getObject("by_member"));
    }
}

package org.oneseal.partybuilding;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.shared.ConflictException;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commendations (表彰) by the party group or the organ committee, recorded by the organ committee's managers:
 * 先进党支部 ADVANCED_BRANCH (a branch), 党员先锋岗 VANGUARD_POST (a service window of the hall and the member at it),
 * 优秀党务工作者 OUTSTANDING_PARTY_WORKER (a member who held a party role that year) and 优秀共产党员 OUTSTANDING_MEMBER
 * (a member) — each for a year, on a day, by an awarding body, under a document number (文号). A member commended
 * must have been a member on the day; the same commendation twice for the same year is refused.
 */
@Service
class Commendations {

    static final List<String> KINDS = List.of("ADVANCED_BRANCH", "VANGUARD_POST", "OUTSTANDING_PARTY_WORKER",
            "OUTSTANDING_MEMBER");

    private final JdbcClient jdbc;
    private final PartyRecords records;
    private final OrganisationManagement units;
    private final AuditLog audit;

    Commendations(JdbcClient jdbc, PartyRecords records, OrganisationManagement units, AuditLog audit) {
        this.jdbc = jdbc;
        this.records = records;
        this.units = units;
        this.audit = audit;
    }

    record Commendation(long id, String kind, int year, LocalDate awardedOn, String awardingBody, String documentNo,
                        Long orgId, String orgName, Long memberId, String memberName, Long windowId, String windowName) {
    }

    record NewCommendation(String kind, Integer year, LocalDate awardedOn, String awardingBody, String documentNo,
                           Long orgId, Long memberId, Long windowId) {
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    Commendation record(NewCommendation c) {
        records.requireCommitteeManaged("party.commendation.record");
        var errors = new InvalidInputException.Collector();
        if (!PartyRecords.oneOf(KINDS, c.kind())) {
            errors.add("kind", records.text("party.commendation.kind"));
        }
        LocalDate on = records.pastDay(errors, "awardedOn", c.awardedOn());
        if (c.year() == null || c.year() < 2000
                || on != null && (c.year() > on.getYear() || c.year() < on.getYear() - 1)) {
            errors.add("year", records.text("party.commendation.year"));
        }
        String body = records.required(errors, "awardingBody", c.awardingBody(), 100, "party.awardingBody");
        String documentNo = records.required(errors, "documentNo", c.documentNo(), 60, "party.commendation.documentNo");
        errors.throwIfAny();
        boolean branch = "ADVANCED_BRANCH".equals(c.kind());
        Long orgId = branch ? c.orgId() : null;
        Long memberId = branch ? null : c.memberId();
        Long windowId = "VANGUARD_POST".equals(c.kind()) ? c.windowId() : null;
        if (branch) {
            checkBranch(orgId, on);
        } else {
            checkMember(c.kind(), memberId, windowId, on, c.year());
        }
        if (jdbc.sql("""
                select exists (select 1 from oneseal.party_commendation where kind = :k and year = :y
                and coalesce(org_id, 0) = :o and coalesce(member_id, 0) = :m and coalesce(window_id, 0) = :w)""")
                .param("k", c.kind()).param("y", c.year()).param("o", orgId == null ? 0L : orgId)
                .param("m", memberId == null ? 0L : memberId).param("w", windowId == null ? 0L : windowId)
                .query(Boolean.class).single()) {
            throw new ConflictException(branch ? "orgId" : "memberId",
                    records.text("party.commendation.duplicate", c.year()));
        }
        long id;
        try { // a second submission at once passes the check above; the unique key refuses it
            id = jdbc.sql("""
                    insert into oneseal.party_commendation (kind, year, awarded_on, awarding_body, document_no, org_id,
                        member_id, window_id, recorded_by, recorded_at)
                    values (:k, :y, :on, :b, :d, :o, :m, :w, :by, :at) returning id""").param("k", c.kind())
                    .param("y", c.year()).param("on", on).param("b", body).param("d", documentNo).param("o", orgId)
                    .param("m", memberId).param("w", windowId).param("by", records.access().staff().getUsername())
                    .param("at", Timestamp.from(records.instant())).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException(branch ? "orgId" : "memberId", records.text("party.commendation.duplicate", c.year()));
        }
        audit.record(AuditRecord.of("party.commendation.record", "PartyCommendation", id)
                .reason(c.kind() + " " + c.year() + " " + documentNo));
        return list("c.id = :id", id).getFirst();
    }

    /** The commendations the caller sees (of organisations they see, of members of those, and their own). */
    @Transactional(readOnly = true)
    List<Commendation> visible() {
        records.requireInTree("party.commendation.list");
        long me = records.access().myMemberId().orElse(-1L);
        return query("""
                c.org_id in (:visible) or c.member_id = :me or (%s) in (:visible)""".formatted(PartyRecords.LAST_ORG
                .formatted("c.member_id")), Map.of("visible", records.visible(), "me", me));
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    List<Commendation> ofMember(long memberId) {
        records.requireMemberVisible(memberId, "party.commendation.read");
        return list("c.member_id = :id", memberId);
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    List<Commendation> ofOrg(long orgId) {
        records.access().requireVisible(orgId, "party.commendation.read");
        return list("c.org_id = :id", orgId);
    }

    private void checkBranch(Long orgId, LocalDate on) {
        PartyOrganisation.Org org = orgId == null ? null : records.organisation().tree().stream()
                .filter(o -> o.id() == orgId && "BRANCH".equals(o.kind())).findFirst().orElse(null);
        if (org == null) {
            throw InvalidInputException.of("orgId", records.text("party.commendation.branch"));
        }
        records.organisation().checkDay(org, on, "awardedOn");
    }

    private void checkMember(String kind, Long memberId, Long windowId, LocalDate on, int year) {
        var errors = new InvalidInputException.Collector();
        if (memberId == null || !records.memberOfBureauOn(memberId, on)) {
            errors.add("memberId", records.text("party.notMemberOn", on));
        } else if ("OUTSTANDING_PARTY_WORKER".equals(kind) && !records.heldRoleIn(memberId, year)) {
            errors.add("memberId", records.text("party.commendation.noRole", year));
        }
        if ("VANGUARD_POST".equals(kind) && (windowId == null || units.serviceWindow(windowId).isEmpty())) {
            errors.add("windowId", records.text("party.window.invalid"));
        }
        errors.throwIfAny();
    }

    private List<Commendation> list(String condition, long id) {
        return query(condition, Map.of("id", id));
    }

    private List<Commendation> query(String condition, Map<String, ?> params) {
        Map<Long, String> windows = units.unitNames();
        return jdbc.sql("""
                select c.*, o.name as org_name, m.name as member_name from oneseal.party_commendation c
                left join oneseal.party_org o on o.id = c.org_id left join oneseal.party_member m on m.id = c.member_id
                where %s order by c.awarded_on desc, c.id desc""".formatted(condition)).params(params)
                .query((rs, n) -> new Commendation(rs.getLong("id"), rs.getString("kind"), rs.getInt("year"),
                        rs.getDate("awarded_on").toLocalDate(), rs.getString("awarding_body"),
                        rs.getString("document_no"), (Long) rs.getObject("org_id"), rs.getString("org_name"),
                        (Long) rs.getObject("member_id"), rs.getString("member_name"),
                        (Long) rs.getObject("window_id"),
                        rs.getObject("window_id") == null ? null : windows.get(rs.getLong("window_id")))).list();
    }
}

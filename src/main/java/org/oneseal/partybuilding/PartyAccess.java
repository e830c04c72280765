package org.oneseal.partybuilding;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.identity.AccountKind;
import org.oneseal.identity.AccountPrincipal;
import org.oneseal.identity.CurrentUser;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who sees and manages which party organisations. Nothing of party building is public, nor open to applicants.
 * <ul>
 *   <li>A staff member who holds a current party role (secretary, deputy, committee member, party-affairs worker,
 *       cell leader) in an organisation sees it and everything below it: a branch secretary their branch and its
 *       cells, a member of the organ party committee (机关党委) or the party group (党组) every branch.</li>
 *   <li>Managing (recording, changing) needs the authority {@code party:manage} (party-affairs staff) as well.</li>
 *   <li>Every member sees their own records (their membership, meetings, study).</li>
 *   <li>Setting up: while no role is held in the party group or the organ committee, {@code party:manage}
 *       holders who hold no party role manage the whole tree (to create it and name its first secretaries, or new
 *       ones once every role above the branches has ended); a branch's staff keep seeing their branch only.</li>
 * </ul>
 * An organisation outside what the caller sees is "not found" (404), and the attempt is audited.
 */
@Component
class PartyAccess {

    static final String MANAGE = "party:manage";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    PartyAccess(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The signed-in staff member (applicants and visitors are refused: 403). */
    AccountPrincipal staff() {
        return currentUser.principal().filter(p -> p.kind() == AccountKind.STAFF)
                .orElseThrow(() -> new AccessDeniedException("party building is for staff"));
    }

    /** The caller's party member record, if they are a member. */
    Optional<Long> myMemberId() {
        return jdbc.sql("select id from oneseal.party_member where account_id = :a").param("a", staff().accountId())
                .query(Long.class).optional();
    }

    boolean managing() {
        return staff().getAuthorities().stream().anyMatch(a -> MANAGE.equals(a.getAuthority()));
    }

    /** Whether the tree is still being set up (no role in the party group or organ committee yet). */
    boolean settingUp() {
        return !jdbc.sql("""
                select exists (select 1 from oneseal.party_role r join oneseal.party_org o on o.id = r.org_id
                where r.until is null and o.kind in ('GROUP', 'ORGAN_COMMITTEE'))""").query(Boolean.class).single();
    }

    /**
     * The organisations the caller sees: the subtrees below their current roles; while setting up, the whole tree
     * for a {@code party:manage} holder who holds no party role (not for a branch's staff: when every role above the
     * branches has ended, e.g. between two committees, a branch's worker still sees their branch only).
     */
    Set<Long> visibleOrgs() {
        AccountPrincipal me = staff();
        List<Long> ids = jdbc.sql("""
                with recursive seen as (
                    select r.org_id as id from oneseal.party_role r join oneseal.party_member m on m.id = r.member_id
                    where m.account_id = :me and r.until is null
                    union select o.id from oneseal.party_org o join seen s on o.parent_id = s.id)
                select id from seen""").param("me", me.accountId()).query(Long.class).list();
        if (ids.isEmpty() && managing() && settingUp()) {
            return Set.copyOf(jdbc.sql("select id from oneseal.party_org").query(Long.class).list());
        }
        return ids.stream().collect(Collectors.toUnmodifiableSet());
    }

    /** Refuses an organisation the caller does not see: "not found", audited. */
    void requireVisible(long orgId, String action) {
        if (!visibleOrgs().contains(orgId)) {
            deny(action, "PartyOrg", orgId, "an organisation outside the caller's party roles");
            throw new NotFoundException("party organisation " + orgId);
        }
    }

    /** Refuses an organisation the caller does not manage: "not found" (not seen) or 403 (seen, no authority). */
    void requireManaged(long orgId, String action) {
        requireVisible(orgId, action);
        if (!managing()) {
            deny(action, "PartyOrg", orgId, "no party:manage");
            throw new AccessDeniedException("party:manage");
        }
    }

    /**
     * Audits a refusal in a transaction of its own: the refusal that follows (403 or 404) may roll back the caller's
     * transaction — a 403 does in every facade that does not name it in {@code noRollbackFor}, and a read-only
     * transaction could not write the entry anyway — and the entry must outlive it.
     */
    void deny(String action, String type, long id, String why) {
        audit.recordIndependently(AuditRecord.of(action, type, id).outcome(AuditOutcome.DENIED).reason(why));
    }
}

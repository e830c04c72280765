package org.oneseal.partybuilding;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who sees and records the study records (五学联动) of which organisation: {@link PartyAccess}, with one addition. The
 * party group's own records (its central study group, 理论学习中心组) are seen by whoever sees the party group or the
 * organ party committee, and recorded by those of them with {@code party:manage}: the committee's office is the
 * party group's secretariat and keeps these records in practice (in the demo, {@code party02}). The party group's
 * secretary without {@code party:manage} ({@code leader}) reads them and records nothing (403).
 */
@Component
class StudyAccess {

    private final PartyAccess access;
    private final JdbcClient jdbc;
    private final PartyMessages messages;

    StudyAccess(PartyAccess access, JdbcClient jdbc, PartyMessages messages) {
        this.access = access;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** An organisation, whoever asks (access is checked by the callers). */
    PartyOrganisation.Org org(long id) {
        return jdbc.sql("select * from oneseal.party_org where id = :id").param("id", id)
                .query((rs, n) -> new PartyOrganisation.Org(rs.getLong("id"), (Long) rs.getObject("parent_id"),
                        rs.getString("kind"), rs.getString("name"), rs.getDate("founded_on").toLocalDate(),
                        rs.getDate("dissolved_on") == null ? null : rs.getDate("dissolved_on").toLocalDate(), 0))
                .optional().orElseThrow(() -> new NotFoundException("party organisation " + id));
    }

    /** The party group (党组), the root of the tree. */
    PartyOrganisation.Org group() {
        return org(jdbc.sql("select id from oneseal.party_org where kind = 'GROUP'").query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("party group")));
    }

    /** Whether the caller sees the party group's study: they see the group or an organ committee. */
    boolean seesGroupStudy() {
        Set<Long> visible = access.visibleOrgs();
        return !visible.isEmpty() && jdbc.sql("""
                select exists (select 1 from oneseal.party_org where id in (:ids) and kind in ('GROUP', 'ORGAN_COMMITTEE'))""")
                .param("ids", visible).query(Boolean.class).single();
    }

    boolean sees(long orgId) {
        return isGroup(orgId) ? seesGroupStudy() : access.visibleOrgs().contains(orgId);
    }

    /** {@link #sees} for many organisations at once (what the caller sees is read once). */
    java.util.function.LongPredicate seen() {
        Set<Long> visible = access.visibleOrgs();
        Long group = seesGroupStudy() ? jdbc.sql("select id from oneseal.party_org where kind = 'GROUP'")
                .query(Long.class).optional().orElse(null) : null;
        return id -> visible.contains(id) || group != null && group == id;
    }

    boolean manages(long orgId) {
        return access.managing() && sees(orgId);
    }

    /** Refuses an organisation whose study the caller does not see: "not found", audited. */
    void requireVisible(long orgId, String action) {
        access.staff();
        if (!sees(orgId)) {
            access.deny(action, "PartyOrg", orgId, "an organisation outside the caller's party roles");
            throw new NotFoundException("party organisation " + orgId);
        }
    }

    /** Refuses an organisation whose study the caller does not record: 404 (not seen) or 403 (no party:manage). */
    void requireManaged(long orgId, String action) {
        requireVisible(orgId, action);
        if (!access.managing()) {
            access.deny(action, "PartyOrg", orgId, "no party:manage");
            throw new AccessDeniedException(PartyAccess.MANAGE);
        }
    }

    /** The caller's member id: a staff member who is no party member has no own study records ("not found"). */
    long me() {
        return access.myMemberId().orElseThrow(() -> new NotFoundException("party member"));
    }

    /** The caller's member id, null when they are no party member. */
    Long myMemberId() {
        return access.myMemberId().orElse(null);
    }

    boolean isMe(long memberId) {
        return access.myMemberId().filter(id -> id == memberId).isPresent();
    }

    /** Refuses a member's records to whoever is neither the member nor sees their current (or last) organisation. */
    void requireMemberVisible(long memberId, String action) {
        access.staff();
        if (isMe(memberId)) {
            return;
        }
        Long org = lastOrg(memberId);
        if (org == null || !access.visibleOrgs().contains(org)) {
            access.deny(action, "PartyMember", memberId, "a member outside the caller's party roles");
            throw new NotFoundException("party member " + memberId);
        }
    }

    /** The organisation a member belongs to now, or last belonged to; null for an unknown member. */
    Long lastOrg(long memberId) {
        return jdbc.sql("""
                select org_id from oneseal.party_membership where member_id = :m
                order by (until is null) desc, since desc, id desc limit 1""").param("m", memberId).query(Long.class)
                .optional().orElse(null);
    }

    /** The organisation a member belonged to on a day, if any. */
    Long orgOn(long memberId, LocalDate day) {
        return jdbc.sql("""
                select org_id from oneseal.party_membership where member_id = :m and since <= :d
                and (until is null or until >= :d) order by since desc, id desc limit 1""").param("m", memberId)
                .param("d", day).query(Long.class).optional().orElse(null);
    }

    /** Members' names by id (unknown ids are left out). */
    Map<Long, String> names(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from oneseal.party_member where id in (:ids) order by id").param("ids", ids)
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    /** "王芳（编号12）、编号99" for messages naming members. */
    String describe(Collection<Long> ids) {
        Map<Long, String> names = names(ids);
        return ids.stream().map(id -> names.containsKey(id)
                        ? messages.text("party.study.memberRef", names.get(id), String.valueOf(id))
                        : messages.text("party.study.unknownMemberRef", String.valueOf(id)))
                .collect(Collectors.joining(messages.text("party.study.separator")));
    }

    String username() {
        return access.staff().getUsername();
    }

    private boolean isGroup(long orgId) {
        return jdbc.sql("select exists (select 1 from oneseal.party_org where id = :id and kind = 'GROUP')")
                .param("id", orgId).query(Boolean.class).single();
    }
}

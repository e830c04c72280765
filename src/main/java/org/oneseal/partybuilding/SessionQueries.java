package org.oneseal.partybuilding;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reading study sessions (no access checks: the callers check). */
@Component
class SessionQueries {

    private final JdbcClient jdbc;
    private final StudyAccess access;
    private final PartyOrganisation organisation;

    SessionQueries(JdbcClient jdbc, StudyAccess access, PartyOrganisation organisation) {
        this.jdbc = jdbc;
        this.access = access;
        this.organisation = organisation;
    }

    /** Sessions matching a condition on {@code s} (the session), newest first. */
    List<StudySessions.Session> sessions(String condition, Map<String, ?> params) {
        var spec = jdbc.sql("""
                select s.*, o.name as org_name, so.name as supervised_name,
                    (select count(*) from oneseal.party_study_attendance a where a.session_id = s.id) as attendees
                from oneseal.party_study_session s join oneseal.party_org o on o.id = s.org_id
                left join oneseal.party_org so on so.id = s.supervised_org_id
                where %s order by s.held_on desc, s.id desc""".formatted(condition));
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query((rs, n) -> new StudySessions.Session(rs.getLong("id"), rs.getLong("org_id"),
                rs.getString("org_name"), rs.getString("level"), rs.getString("kind"),
                rs.getDate("held_on").toLocalDate(), rs.getString("topic"), lines(rs.getString("documents")),
                rs.getBoolean("first_agenda_item"), rs.getString("guest_speakers"),
                (Long) rs.getObject("supervised_org_id"), rs.getString("supervised_name"), rs.getString("notes"),
                rs.getInt("attendees"), rs.getString("recorded_by"))).list();
    }

    /** A session with who attended and who of those expected did not. */
    StudySessions.SessionDetail detail(long id) {
        StudySessions.Session s = sessions("s.id = :id", Map.of("id", id)).getFirst();
        List<StudySessions.Attendee> present = jdbc.sql("""
                select a.member_id, m.name, a.invited, a.spoke from oneseal.party_study_attendance a
                join oneseal.party_member m on m.id = a.member_id where a.session_id = :id
                order by a.invited, a.spoke desc, m.name""").param("id", id)
                .query((rs, n) -> new StudySessions.Attendee(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                        rs.getBoolean(4))).list();
        List<StudySessions.MemberRef> absent = List.of();
        if (!"INDIVIDUAL".equals(s.level()) && s.supervisedOrgId() == null) { // no absentees at a supervision
            Set<Long> there = Set.copyOf(present.stream().map(StudySessions.Attendee::memberId).toList());
            List<Long> missing = expected(access.org(s.orgId()), s.heldOn()).stream()
                    .filter(m -> !there.contains(m)).toList();
            absent = access.names(missing).entrySet().stream()
                    .map(e -> new StudySessions.MemberRef(e.getKey(), e.getValue()))
                    .sorted(java.util.Comparator.comparing(StudySessions.MemberRef::name)).toList();
        }
        return new StudySessions.SessionDetail(s, present, absent);
    }

    /**
     * The members expected at a session on a day: at the party group and the organ committee those holding a role
     * there that day; at a branch or cell its members that day.
     */
    Set<Long> expected(PartyOrganisation.Org org, LocalDate day) {
        if (!"GROUP".equals(org.kind()) && !"ORGAN_COMMITTEE".equals(org.kind())) {
            return organisation.membersOn(org.id(), day);
        }
        return Set.copyOf(jdbc.sql("""
                select member_id from oneseal.party_role where org_id = :o and since <= :d and (until is null or until >= :d)""")
                .param("o", org.id()).param("d", day).query(Long.class).list());
    }

    static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split("\n")).toList();
    }
}

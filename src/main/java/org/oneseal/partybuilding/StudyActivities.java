package org.oneseal.partybuilding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Study activities of an organisation: visits (参观), exhibitions (观展), competitions (知识竞赛) and field study (践学),
 * with their participants — members of the organisation (or of those below it) on the day.
 */
@Service
public class StudyActivities {

    static final List<String> KINDS = List.of("VISIT", "EXHIBITION", "COMPETITION", "FIELD_STUDY");

    private final JdbcClient jdbc;
    private final StudyAccess access;
    private final StudyRules rules;
    private final PartyOrganisation organisation;
    private final PartyMessages messages;
    private final AuditLog audit;
    private final Clock clock;

    StudyActivities(JdbcClient jdbc, StudyAccess access, StudyRules rules, PartyOrganisation organisation,
            PartyMessages messages, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.rules = rules;
        this.organisation = organisation;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** What records an activity. */
    public record NewActivity(String kind, LocalDate heldOn, String title, String place, List<Long> participants,
                              String notes) {
    }

    /** An activity with its participants. */
    public record Activity(long id, long orgId, String orgName, String kind, LocalDate heldOn, String title,
                           String place, String notes, List<StudySessions.MemberRef> participants) {
    }

    @Transactional(noRollbackFor = {NotFoundException.class, AccessDeniedException.class})
    public Activity record(long orgId, NewActivity a) {
        PartyOrganisation.Org org = access.org(orgId);
        access.requireManaged(orgId, "party.activity.record");
        var errors = new InvalidInputException.Collector();
        String kind = rules.choice(errors, "activityKind", a.kind(), KINDS);
        rules.day(errors, "heldOn", a.heldOn());
        String title = rules.text(errors, "title", a.title(), 200, true);
        String place = rules.text(errors, "place", a.place(), 100, false);
        String notes = rules.text(errors, "notes", a.notes(), 2000, false);
        Set<Long> participants = rules.members(errors, "participants", a.participants(), true);
        errors.throwIfAny();
        organisation.checkDay(org, a.heldOn(), "heldOn");
        Set<Long> allowed = organisation.membersOn(orgId, a.heldOn());
        List<Long> strangers = participants.stream().filter(p -> !allowed.contains(p)).toList();
        if (!strangers.isEmpty()) {
            throw InvalidInputException.of("participants", messages.text("party.study.notMembers", org.name(),
                    a.heldOn(), access.describe(strangers)));
        }
        long id = jdbc.sql("""
                insert into oneseal.party_activity (org_id, kind, held_on, title, place, notes, recorded_by, recorded_at)
                values (:o, :k, :d, :t, :p, :n, :by, :at) returning id""").param("o", orgId).param("k", kind)
                .param("d", a.heldOn()).param("t", title).param("p", place).param("n", notes)
                .param("by", access.username()).param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        for (long p : participants) {
            jdbc.sql("insert into oneseal.party_activity_participant (activity_id, member_id) values (:a, :m)")
                    .param("a", id).param("m", p).update();
        }
        audit.record(AuditRecord.of("party.activity.record", "PartyActivity", id).reason(org.name() + " " + kind));
        return find("a.id = :id", Map.of("id", id)).getFirst();
    }

    /** The activities of an organisation in a year, newest first. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public List<Activity> activities(long orgId, Integer year) {
        access.org(orgId);
        access.requireVisible(orgId, "party.activity.list");
        int y = rules.year(year);
        return find("a.org_id = :id and a.held_on between :from and :to", Map.of("id", orgId,
                "from", LocalDate.of(y, 1, 1), "to", LocalDate.of(y, 12, 31)));
    }

    /** The activities a member took part in (access is the caller's to check). */
    List<Activity> of(long memberId) {
        return find("a.id in (select activity_id from oneseal.party_activity_participant where member_id = :m)",
                Map.of("m", memberId));
    }

    private List<Activity> find(String condition, Map<String, ?> params) {
        var spec = jdbc.sql("""
                select a.*, o.name as org_name from oneseal.party_activity a join oneseal.party_org o on o.id = a.org_id
                where %s order by a.held_on desc, a.id desc""".formatted(condition));
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query((rs, n) -> new Activity(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"),
                rs.getString("kind"), rs.getDate("held_on").toLocalDate(), rs.getString("title"), rs.getString("place"),
                rs.getString("notes"), List.<StudySessions.MemberRef>of())).list().stream()
                .map(a -> new Activity(a.id(), a.orgId(), a.orgName(), a.kind(), a.heldOn(), a.title(), a.place(),
                        a.notes(), participants(a.id()))).toList();
    }

    private List<StudySessions.MemberRef> participants(long activity) {
        return jdbc.sql("""
                select m.id, m.name from oneseal.party_activity_participant p join oneseal.party_member m on m.id = p.member_id
                where p.activity_id = :a order by m.name""").param("a", activity)
                .query((rs, n) -> new StudySessions.MemberRef(rs.getLong(1), rs.getString(2))).list();
    }
}

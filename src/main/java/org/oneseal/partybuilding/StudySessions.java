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
 * Study sessions of five-level study (五学联动): the party group's central study group (理论学习中心组, level GROUP),
 * the organ committee's study and supervision of branch study (督学, COMMITTEE), branch study (BRANCH), reading-group
 * discussions of a cell (读书研讨, CELL) and individual study (INDIVIDUAL); each a collective study (SESSION) or an
 * exchange (交流研讨, DISCUSSION), with its topic, documents, speakers, attendance and the first-agenda-item flag
 * (第一议题). Attendees are members of the organisation on the day; at the party group (and the organ committee) the
 * members holding a role there that day, and others of the bureau's tree as invited attendees (列席), flagged.
 */
@Service
public class StudySessions {

    static final List<String> KINDS = List.of("SESSION", "DISCUSSION");
    private static final Map<String, String> LEVEL = Map.of("GROUP", "GROUP", "ORGAN_COMMITTEE", "COMMITTEE",
            "BRANCH", "BRANCH", "CELL", "CELL");

    private final JdbcClient jdbc;
    private final StudyAccess access;
    private final StudyRules rules;
    private final PartyOrganisation organisation;
    private final PartyMessages messages;
    private final AuditLog audit;
    private final Clock clock;
    private final SessionQueries queries;

    StudySessions(JdbcClient jdbc, StudyAccess access, StudyRules rules, PartyOrganisation organisation,
            PartyMessages messages, AuditLog audit, Clock clock, SessionQueries queries) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.access = access;
        this.rules = rules;
        this.organisation = organisation;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** What records a session of an organisation. {@code speakers} are attendees who gave a talk. */
    public record NewSession(String kind, LocalDate heldOn, String topic, List<String> documents,
                             Boolean firstAgendaItem, List<Long> attendees, List<Long> speakers, String guestSpeakers,
                             Long supervisedOrgId, String notes) {
    }

    /** A study session as listed. {@code documents} in the order given; {@code attendees} counted. */
    public record Session(long id, long orgId, String orgName, String level, String kind, LocalDate heldOn,
                          String topic, List<String> documents, boolean firstAgendaItem, String guestSpeakers,
                          Long supervisedOrgId, String supervisedOrgName, String notes, int attendees,
                          String recordedBy) {
    }

    /** One who took part: {@code invited} 列席 (not of the party group / committee that day), {@code spoke} a speaker. */
    public record Attendee(long memberId, String name, boolean invited, boolean spoke) {
    }

    /** A member named. */
    public record MemberRef(long id, String name) {
    }

    /** A session with who attended and who of those expected did not (absent). */
    public record SessionDetail(Session session, List<Attendee> present, List<MemberRef> absent) {
    }

    /** What records one's individual study (自学). */
    public record NewIndividualStudy(LocalDate heldOn, String topic, List<String> documents, String notes) {
    }

    @Transactional(noRollbackFor = {NotFoundException.class, AccessDeniedException.class})
    public SessionDetail record(long orgId, NewSession s) {
        PartyOrganisation.Org org = access.org(orgId);
        access.requireManaged(orgId, "party.study.record");
        var errors = new InvalidInputException.Collector();
        String kind = rules.choice(errors, "kind", s.kind(), KINDS);
        rules.day(errors, "heldOn", s.heldOn());
        String topic = rules.text(errors, "topic", s.topic(), 200, true);
        List<String> documents = rules.lines(errors, "documents", s.documents(), 30, 200, false);
        String guests = rules.text(errors, "guestSpeakers", s.guestSpeakers(), 200, false);
        String notes = rules.text(errors, "notes", s.notes(), 2000, false);
        Set<Long> attendees = rules.members(errors, "attendees", s.attendees(), true);
        Set<Long> speakers = rules.members(errors, "speakers", s.speakers(), false);
        if (!attendees.containsAll(speakers)) {
            errors.add("speakers", messages.text("party.study.speakerAbsent"));
        }
        Long supervised = supervised(errors, org, s.supervisedOrgId());
        errors.throwIfAny();
        organisation.checkDay(org, s.heldOn(), "heldOn");
        Set<Long> allowed = organisation.membersOn(orgId, s.heldOn());
        List<Long> strangers = attendees.stream().filter(a -> !allowed.contains(a)).toList();
        if (!strangers.isEmpty()) {
            throw InvalidInputException.of("attendees", messages.text("party.study.notMembers", org.name(),
                    s.heldOn(), access.describe(strangers)));
        }
        Set<Long> expected = new java.util.HashSet<>(queries.expected(org, s.heldOn()));
        if (supervised != null) { // at a supervision the supervised branch's members attend as of right
            expected.addAll(organisation.membersOn(supervised, s.heldOn()));
        }
        long id = insert(orgId, LEVEL.get(org.kind()), kind, s.heldOn(), topic, documents,
                Boolean.TRUE.equals(s.firstAgendaItem()), guests, supervised, notes);
        for (long a : attendees) {
            attend(id, a, !expected.contains(a), speakers.contains(a));
        }
        audit.record(AuditRecord.of("party.study.record", "PartyStudySession", id).reason(org.name() + " " + s.heldOn()));
        return queries.detail(id);
    }

    /** Individual study, recorded by the member or by whoever manages the member's organisation that day. */
    @Transactional(noRollbackFor = {NotFoundException.class, AccessDeniedException.class})
    public SessionDetail recordIndividual(long memberId, NewIndividualStudy s) {
        boolean own = access.isMe(memberId);
        if (!own) {
            access.requireMemberVisible(memberId, "party.study.individual");
        }
        var errors = new InvalidInputException.Collector();
        rules.day(errors, "heldOn", s.heldOn());
        String topic = rules.text(errors, "topic", s.topic(), 200, true);
        List<String> documents = rules.lines(errors, "documents", s.documents(), 30, 200, false);
        String notes = rules.text(errors, "notes", s.notes(), 2000, false);
        errors.throwIfAny();
        Long orgId = access.orgOn(memberId, s.heldOn());
        if (orgId == null) {
            throw InvalidInputException.of("heldOn", messages.text("party.study.notMemberThen", s.heldOn()));
        }
        if (!own) {
            access.requireManaged(orgId, "party.study.individual");
        }
        long id = insert(orgId, "INDIVIDUAL", "SESSION", s.heldOn(), topic, documents, false, null, null, notes);
        attend(id, memberId, false, false);
        audit.record(AuditRecord.of("party.study.individual", "PartyStudySession", id)
                .reason((own ? "self " : "by worker ") + memberId));
        return queries.detail(id);
    }

    /** The sessions of an organisation in a year (individual study is on each member's record). */
    @Transactional(noRollbackFor = NotFoundException.class)
    public List<Session> sessions(long orgId, Integer year) {
        access.org(orgId);
        access.requireVisible(orgId, "party.study.list");
        int y = rules.year(year);
        return queries.sessions("s.org_id = :id and s.level <> 'INDIVIDUAL' and s.held_on between :from and :to",
                Map.of("id", orgId, "from", LocalDate.of(y, 1, 1), "to", LocalDate.of(y, 12, 31)));
    }

    /** A session: seen by whoever sees its organisation, and by its attendees. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public SessionDetail session(long id) {
        Session s = queries.sessions("s.id = :id", Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("study session " + id));
        Long me = access.myMemberId();
        boolean attended = me != null && jdbc.sql("""
                select exists (select 1 from oneseal.party_study_attendance where session_id = :s and member_id = :me)""")
                .param("s", id).param("me", me).query(Boolean.class).single();
        if (!attended) {
            access.requireVisible(s.orgId(), "party.study.read");
        }
        return queries.detail(id);
    }

    /** 督学: the branch (or cell) whose study the organ committee supervised; only for the committee's sessions. */
    private Long supervised(InvalidInputException.Collector errors, PartyOrganisation.Org org, Long supervisedOrgId) {
        if (supervisedOrgId == null) {
            return null;
        }
        boolean below = "ORGAN_COMMITTEE".equals(org.kind()) && jdbc.sql("""
                with recursive below as (select id from oneseal.party_org where parent_id = :c union
                    select o.id from oneseal.party_org o join below b on o.parent_id = b.id)
                select :s in (select id from below)""").param("c", org.id()).param("s", supervisedOrgId)
                .query(Boolean.class).single();
        if (!below) {
            errors.add("supervisedOrgId", messages.text("party.study.supervised"));
        }
        return supervisedOrgId;
    }

    private long insert(long orgId, String level, String kind, LocalDate day, String topic, List<String> documents,
            boolean first, String guests, Long supervised, String notes) {
        return jdbc.sql("""
                insert into oneseal.party_study_session (org_id, level, kind, held_on, topic, documents, first_agenda_item,
                    guest_speakers, supervised_org_id, notes, recorded_by, recorded_at)
                values (:o, :l, :k, :d, :t, :docs, :f, :g, :s, :n, :by, :at) returning id""").param("o", orgId)
                .param("l", level).param("k", kind).param("d", day).param("t", topic)
                .param("docs", String.join("\n", documents)).param("f", first).param("g", guests)
                .param("s", supervised).param("n", notes).param("by", access.username())
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
    }

    private void attend(long session, long member, boolean invited, boolean spoke) {
        jdbc.sql("""
                insert into oneseal.party_study_attendance (session_id, member_id, invited, spoke)
                values (:s, :m, :i, :sp)""").param("s", session).param("m", member).param("i", invited)
                .param("sp", spoke).update();
    }
}

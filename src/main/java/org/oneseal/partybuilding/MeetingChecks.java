package org.oneseal.partybuilding;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.oneseal.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules a meeting must keep before it is recorded. First what each field must be (all problems together), then
 * what depends on the day: within the branch's (and the cell's) life, attendees and the excused members of the
 * organisation on that day, every member accounted for at a meeting of the whole branch or cell, a party lesson's
 * speaker, the two participants of a talk, the leader of dual organisational life.
 *
 * <p>Dual organisational life (双重组织生活): members belong to branches and cells only, so a leader of the bureau (a
 * role holder in the party group or the organ committee on the day) takes part in the life of the branch they are a
 * member of; the meeting names the leader, who must be a member of the branch on that day and is recorded present.
 */
@Component
class MeetingChecks {

    static final int MAX_MINUTES = 20_000;

    /** A meeting that keeps the rules. */
    record Checked(MeetingKind kind, long branchId, Long cellId, LocalDate heldOn, String topic, boolean firstAgendaItem,
                   String firstAgendaTopic, Long speakerId, String speakerName, Long speakerSecretaryOf, Long leaderId,
                   Set<Long> present, Map<Long, String> absent, String minutes) {
    }

    private final JdbcClient jdbc;
    private final PartyOrganisation organisation;
    private final PartyMessages messages;
    private final java.time.Clock clock;

    MeetingChecks(JdbcClient jdbc, PartyOrganisation organisation, PartyMessages messages, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.messages = messages;
        this.clock = clock;
    }

    /** Checks a meeting of the branch; {@code errors} may hold problems already (of the files), thrown together. */
    Checked check(PartyOrganisation.Org branch, Meetings.NewMeeting m, InvalidInputException.Collector errors) {
        Optional<MeetingKind> kind = MeetingKind.of(m.kind());
        if (kind.isEmpty()) {
            errors.add("kind", messages.text("party.meeting.kindInvalid"));
        }
        if (m.heldOn() == null) {
            errors.add("heldOn", messages.text("party.date.missing"));
        } else if (m.heldOn().isAfter(LocalDate.now(clock))) {
            errors.add("heldOn", messages.text("party.meeting.future"));
        }
        String topic = text(m.topic());
        if (topic == null || topic.length() > 200) {
            errors.add("topic", messages.text("party.meeting.topicMissing"));
        }
        String minutes = text(m.minutes());
        if (minutes != null && minutes.length() > MAX_MINUTES) {
            errors.add("minutes", messages.text("party.meeting.minutesLength", MAX_MINUTES));
        }
        kind.ifPresent(k -> fields(k, m, errors));
        Map<Long, String> absent = absences(m.absentees(), errors);
        Set<Long> present = new LinkedHashSet<>();
        for (Long id : m.attendees() == null ? List.<Long>of() : m.attendees()) {
            if (id == null) {
                errors.add("attendees", messages.text("party.meeting.unknownMember"));
            } else {
                present.add(id);
            }
        }
        if (m.leaderId() != null) {
            present.add(m.leaderId()); // the leader takes part as an ordinary member
        }
        if (present.isEmpty()) {
            errors.add("attendees", messages.text("party.meeting.noAttendees"));
        }
        present.stream().filter(absent::containsKey).findFirst().ifPresent(id ->
                errors.add("absentees", messages.text("party.meeting.presentAndAbsent", names(Set.of(id)))));
        errors.throwIfAny();
        return onTheDay(branch, kind.orElseThrow(), m, topic, minutes, present, absent);
    }

    private void fields(MeetingKind k, Meetings.NewMeeting m, InvalidInputException.Collector errors) {
        if (k == MeetingKind.CELL_MEETING && m.cellId() == null) {
            errors.add("cellId", messages.text("party.meeting.cellMissing"));
        } else if (k != MeetingKind.CELL_MEETING && m.cellId() != null) {
            errors.add("cellId", messages.text("party.meeting.cellOnly"));
        }
        boolean first = Boolean.TRUE.equals(m.firstAgendaItem());
        if (first && !k.firstAgenda) {
            errors.add("firstAgendaItem", messages.text("party.meeting.firstAgendaKind"));
        } else if (first && (text(m.firstAgendaTopic()) == null || m.firstAgendaTopic().strip().length() > 200)) {
            errors.add("firstAgendaTopic", messages.text("party.meeting.firstAgendaTopicMissing"));
        }
        String speakerName = text(m.speakerName());
        if (k == MeetingKind.PARTY_LESSON) {
            if (m.speakerId() == null && speakerName == null) {
                errors.add("speakerId", messages.text("party.meeting.speakerMissing"));
            } else if (m.speakerId() != null && speakerName != null) {
                errors.add("speakerName", messages.text("party.meeting.speakerEither"));
            } else if (speakerName != null && speakerName.length() > 40) {
                errors.add("speakerName", messages.text("party.meeting.speakerNameLength"));
            }
        } else if (m.speakerId() != null || speakerName != null) {
            errors.add("speakerId", messages.text("party.meeting.speakerOnly"));
        }
        if (k == MeetingKind.DUAL_ORGANISATIONAL_LIFE && m.leaderId() == null) {
            errors.add("leaderId", messages.text("party.meeting.leaderMissing"));
        } else if (k != MeetingKind.DUAL_ORGANISATIONAL_LIFE && m.leaderId() != null) {
            errors.add("leaderId", messages.text("party.meeting.leaderOnly"));
        }
        if (k == MeetingKind.HEART_TO_HEART_TALK && m.absentees() != null && !m.absentees().isEmpty()) {
            errors.add("absentees", messages.text("party.meeting.talkNoAbsentees"));
        }
    }

    private Map<Long, String> absences(List<Meetings.Absence> absentees, InvalidInputException.Collector errors) {
        Map<Long, String> absent = new LinkedHashMap<>();
        for (Meetings.Absence a : absentees == null ? List.<Meetings.Absence>of() : absentees) {
            String reason = a == null ? null : text(a.reason());
            if (a == null || a.memberId() == null) {
                errors.add("absentees", messages.text("party.meeting.unknownMember"));
            } else if (reason == null || reason.length() > 200) {
                errors.add("absentees", messages.text("party.meeting.absenceReasonMissing", names(Set.of(a.memberId()))));
            } else {
                absent.put(a.memberId(), reason);
            }
        }
        return absent;
    }

    private Checked onTheDay(PartyOrganisation.Org branch, MeetingKind kind, Meetings.NewMeeting m, String topic,
            String minutes, Set<Long> present, Map<Long, String> absent) {
        LocalDate day = m.heldOn();
        organisation.checkDay(branch, day, "heldOn");
        long attendanceOrg = branch.id();
        if (kind == MeetingKind.CELL_MEETING) {
            PartyOrganisation.Org cell = cellOf(branch, m.cellId());
            organisation.checkDay(cell, day, "heldOn");
            attendanceOrg = cell.id();
        }
        var errors = new InvalidInputException.Collector();
        Set<Long> members = organisation.membersOn(attendanceOrg, day);
        Set<Long> allowed = kind == MeetingKind.HEART_TO_HEART_TALK ? talkPartners(branch.id(), day, members) : members;
        String orgName = attendanceOrg == branch.id() ? branch.name() : cellName(attendanceOrg);
        notIn(present, allowed, "attendees", orgName, day, errors);
        notIn(absent.keySet(), members, "absentees", orgName, day, errors);
        if (kind.everyMember) {
            Set<Long> missing = members.stream().filter(id -> !present.contains(id) && !absent.containsKey(id))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (!missing.isEmpty()) {
                errors.add("absentees", messages.text("party.meeting.unaccounted", names(missing)));
            }
        }
        if (kind == MeetingKind.HEART_TO_HEART_TALK && present.size() != 2) {
            errors.add("attendees", messages.text("party.meeting.talkTwo"));
        }
        if (kind == MeetingKind.DUAL_ORGANISATIONAL_LIFE && !leads(m.leaderId(), day)) {
            errors.add("leaderId", messages.text("party.meeting.notLeader", names(Set.of(m.leaderId())), day));
        }
        Long secretaryOf = null;
        if (m.speakerId() != null) {
            if (!memberOn(m.speakerId(), day)) {
                errors.add("speakerId", messages.text("party.meeting.speakerNotMember", day));
            } else {
                secretaryOf = secretaryOf(m.speakerId(), day).orElse(null);
            }
        }
        errors.throwIfAny();
        boolean first = Boolean.TRUE.equals(m.firstAgendaItem());
        return new Checked(kind, branch.id(), m.cellId(), day, topic, first, first ? m.firstAgendaTopic().strip() : null,
                m.speakerId(), text(m.speakerName()), secretaryOf, m.leaderId(), present, absent, minutes);
    }

    private void notIn(Set<Long> given, Set<Long> allowed, String field, String orgName, LocalDate day,
            InvalidInputException.Collector errors) {
        Set<Long> strangers = given.stream().filter(id -> !allowed.contains(id))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!strangers.isEmpty()) {
            errors.add(field, messages.text("party.meeting.notMembers", names(strangers), orgName, day));
        }
    }

    /** The cell of this branch, or the field error that the branch has no such cell. */
    private PartyOrganisation.Org cellOf(PartyOrganisation.Org branch, long cellId) {
        return jdbc.sql("""
                select id, parent_id, kind, name, founded_on, dissolved_on from oneseal.party_org
                where id = :c and parent_id = :b and kind = 'CELL'""").param("c", cellId).param("b", branch.id())
                .query((rs, n) -> new PartyOrganisation.Org(rs.getLong("id"), rs.getLong("parent_id"), "CELL",
                        rs.getString("name"), rs.getDate("founded_on").toLocalDate(),
                        rs.getDate("dissolved_on") == null ? null : rs.getDate("dissolved_on").toLocalDate(), 0))
                .optional().orElseThrow(() -> InvalidInputException.of("cellId",
                        messages.text("party.meeting.noSuchCell", branch.name())));
    }

    private String cellName(long cellId) {
        return jdbc.sql("select name from oneseal.party_org where id = :id").param("id", cellId).query(String.class)
                .single();
    }

    /** Who may talk: members of the branch on the day, and holders of a role then in the branch or above it. */
    private Set<Long> talkPartners(long branchId, LocalDate day, Set<Long> members) {
        Set<Long> partners = new LinkedHashSet<>(members);
        partners.addAll(jdbc.sql("""
                with recursive up as (select :b as id union
                    select o.parent_id from oneseal.party_org o join up u on o.id = u.id where o.parent_id is not null)
                select r.member_id from oneseal.party_role r where r.org_id in (select id from up)
                and r.since <= :d and (r.until is null or r.until >= :d)""").param("b", branchId).param("d", day)
                .query(Long.class).list());
        return partners;
    }

    /** Whether the member held a role in the party group or the organ committee on the day. */
    private boolean leads(long memberId, LocalDate day) {
        return jdbc.sql("""
                select exists (select 1 from oneseal.party_role r join oneseal.party_org o on o.id = r.org_id
                where r.member_id = :m and o.kind in ('GROUP', 'ORGAN_COMMITTEE') and r.since <= :d
                and (r.until is null or r.until >= :d))""").param("m", memberId).param("d", day)
                .query(Boolean.class).single();
    }

    private boolean memberOn(long memberId, LocalDate day) {
        return jdbc.sql("""
                select exists (select 1 from oneseal.party_membership where member_id = :m and since <= :d
                and (until is null or until >= :d))""").param("m", memberId).param("d", day).query(Boolean.class)
                .single();
    }

    /** The organisation whose secretary the member was on the day (the highest, if several). */
    private Optional<Long> secretaryOf(long memberId, LocalDate day) {
        return jdbc.sql("""
                select r.org_id from oneseal.party_role r join oneseal.party_org o on o.id = r.org_id
                where r.member_id = :m and r.role = 'SECRETARY' and r.since <= :d and (r.until is null or r.until >= :d)
                order by case o.kind when 'GROUP' then 0 when 'ORGAN_COMMITTEE' then 1 when 'BRANCH' then 2 else 3 end
                limit 1""").param("m", memberId).param("d", day).query(Long.class).optional();
    }

    /** Names for messages, in the order given; an id of nobody shows as its number. */
    String names(Set<Long> ids) {
        Map<Long, String> known = jdbc.sql("select id, name from oneseal.party_member where id in (:ids)")
                .param("ids", ids).query().listOfRows().stream().collect(Collectors.toMap(
                        r -> ((Number) r.get("id")).longValue(), r -> (String) r.get("name")));
        return ids.stream().map(id -> known.getOrDefault(id, "#" + id)).collect(Collectors.joining("、"));
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package org.oneseal.partybuilding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 三会一课 and organisational life: the meetings of a branch (and of its cells) with attendance, minutes and
 * attachments. Those who manage the branch record them ({@link MeetingChecks} has the rules; a refused meeting saves
 * nothing, its files neither); whoever sees the branch reads them; a member reads the meetings they attended.
 * Nothing of it is public.
 */
@Service
public class Meetings {

    /** What records a meeting. {@code cellId} for a cell meeting; {@code speakerId} or {@code speakerName} for a lesson. */
    public record NewMeeting(String kind, LocalDate heldOn, String topic, Long cellId, Boolean firstAgendaItem,
                             String firstAgendaTopic, Long speakerId, String speakerName, Long leaderId,
                             List<Long> attendees, List<Absence> absentees, String minutes) {
    }

    /** A member excused from a meeting, with the reason. */
    public record Absence(Long memberId, String reason) {
    }

    /** A meeting as listed. */
    public record Row(long id, long branchId, String branchName, String kind, LocalDate heldOn, String topic,
                      String cellName, boolean firstAgendaItem, int present, int absent) {
    }

    /** One person at a meeting: present (no reason) or excused (with the reason). */
    public record Attendee(long memberId, String name, String absenceReason) {
    }

    /** A meeting with everything recorded. */
    public record Meeting(long id, long branchId, String branchName, Long cellId, String cellName, String kind,
                          LocalDate heldOn, String topic, boolean firstAgendaItem, String firstAgendaTopic,
                          Long speakerId, String speaker, Long speakerSecretaryOf, Long leaderId, String leaderName,
                          String minutes, List<Attendee> present, List<Attendee> absent,
                          List<PartyFiles.FileInfo> files, String recordedBy, Instant recordedAt) {

        /** The meeting as an attendee who does not see the branch reads it: who was excused, not why. */
        Meeting withoutAbsenceReasons() {
            return new Meeting(id, branchId, branchName, cellId, cellName, kind, heldOn, topic, firstAgendaItem,
                    firstAgendaTopic, speakerId, speaker, speakerSecretaryOf, leaderId, leaderName, minutes, present,
                    absent.stream().map(a -> new Attendee(a.memberId(), a.name(), null)).toList(), files, recordedBy,
                    recordedAt);
        }
    }

    private final JdbcClient jdbc;
    private final PartyAccess access;
    private final PartyOrganisation organisation;
    private final MeetingChecks checks;
    private final MeetingReads reads;
    private final PartyFiles files;
    private final PartyMessages messages;
    private final AuditLog audit;
    private final Clock clock;

    Meetings(JdbcClient jdbc, PartyAccess access, PartyOrganisation organisation, MeetingChecks checks,
            MeetingReads reads, PartyFiles files, PartyMessages messages, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.organisation = organisation;
        this.checks = checks;
        this.reads = reads;
        this.files = files;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a meeting of a branch with its attachments: all of it, or nothing. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Meeting record(long branchId, NewMeeting m, List<PartyFiles.Upload> uploads) {
        PartyOrganisation.Org branch = branch(branchId, "party.meeting.record");
        var errors = new InvalidInputException.Collector();
        List<PartyFiles.Checked> checked = files.check(uploads == null ? List.of() : uploads, 0, errors);
        MeetingChecks.Checked c = checks.check(branch, m, errors);
        String by = access.staff().getUsername();
        long id = jdbc.sql("""
                insert into oneseal.party_meeting (branch_id, cell_id, kind, held_on, topic, first_agenda_item,
                    first_agenda_topic, speaker_id, speaker_name, speaker_secretary_of, leader_id, minutes, recorded_by,
                    recorded_at)
                values (:b, :cell, :k, :d, :t, :f, :ft, :s, :sn, :ss, :l, :min, :by, :at) returning id""")
                .param("b", c.branchId()).param("cell", c.cellId()).param("k", c.kind().name()).param("d", c.heldOn())
                .param("t", c.topic()).param("f", c.firstAgendaItem()).param("ft", c.firstAgendaTopic())
                .param("s", c.speakerId()).param("sn", c.speakerName()).param("ss", c.speakerSecretaryOf())
                .param("l", c.leaderId()).param("min", c.minutes()).param("by", by)
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        for (long member : c.present()) {
            attend(id, member, true, null);
        }
        for (Map.Entry<Long, String> a : c.absent().entrySet()) {
            attend(id, a.getKey(), false, a.getValue());
        }
        files.store(PartyFiles.Owner.MEETING, id, checked, by);
        audit.record(AuditRecord.of("party.meeting.record", "PartyMeeting", id)
                .reason(c.kind() + " " + branch.name() + " " + c.heldOn()));
        return reads.meeting(id).orElseThrow();
    }

    /** Adds attachments to a recorded meeting (at most {@link PartyFiles#MAX_FILES} in all). */
    @Transactional(noRollbackFor = NotFoundException.class)
    public List<PartyFiles.FileInfo> attach(long meetingId, List<PartyFiles.Upload> uploads) {
        // uploads to one meeting one at a time: two at once would both count the files there and pass the limit
        jdbc.sql("select id from oneseal.party_meeting where id = :id for update").param("id", meetingId)
                .query(Long.class).optional();
        Meeting m = reads.meeting(meetingId).orElseThrow(() -> new NotFoundException("meeting " + meetingId));
        access.requireManaged(m.branchId(), "party.meeting.attach");
        var errors = new InvalidInputException.Collector();
        if (uploads == null || uploads.isEmpty()) {
            errors.add(PartyFiles.FIELD, messages.text("party.file.missing"));
        }
        List<PartyFiles.Checked> checked = files.check(uploads == null ? List.of() : uploads,
                files.count(PartyFiles.Owner.MEETING, meetingId), errors);
        errors.throwIfAny();
        files.store(PartyFiles.Owner.MEETING, meetingId, checked, access.staff().getUsername());
        audit.record(AuditRecord.of("party.meeting.attach", "PartyMeeting", meetingId).reason(checked.size() + " files"));
        return files.list(PartyFiles.Owner.MEETING, meetingId);
    }

    /** The meetings of a branch (and of its cells) held in [from, to], newest first. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public List<Row> list(long branchId, LocalDate from, LocalDate to) {
        branchSeen(branchId, "party.meeting.list");
        return reads.rows("m.branch_id = :id and m.held_on between :from and :to", branchId,
                from == null ? LocalDate.of(1921, 7, 1) : from, to == null ? LocalDate.of(9999, 12, 31) : to);
    }

    /**
     * A meeting: for whoever sees its branch, and for those who attended it — without the reasons others were
     * excused (a member's reason of absence, e.g. an illness, is for the branch to know, not for the other members).
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Meeting meeting(long id) {
        Meeting m = reads.meeting(id).orElse(null);
        boolean seen = m != null && access.visibleOrgs().contains(m.branchId());
        if (m == null || !(seen || attended(id))) {
            access.deny("party.meeting.read", "PartyMeeting", id, "neither seen nor attended");
            throw new NotFoundException("meeting " + id);
        }
        return seen ? m : m.withoutAbsenceReasons();
    }

    /** An attachment of a meeting the caller may read. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public ResponseEntity<byte[]> file(long meetingId, long fileId) {
        meeting(meetingId);
        return files.response(PartyFiles.Owner.MEETING, meetingId, fileId)
                .orElseThrow(() -> new NotFoundException("file " + fileId));
    }

    /** The meetings the caller attended. */
    @Transactional(readOnly = true)
    public List<Row> mine() {
        access.staff();
        return access.myMemberId().map(me -> reads.rows("""
                exists (select 1 from oneseal.party_meeting_attendance a where a.meeting_id = m.id
                and a.member_id = :id and a.present) and m.held_on between :from and :to""", me,
                LocalDate.of(1921, 7, 1), LocalDate.of(9999, 12, 31))).orElse(List.of());
    }

    /**
     * The meetings a member attended, as the caller may see them: all of them for the member, else those of the
     * branches the caller sees (the member must be one the caller sees).
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public List<Row> attendedBy(long memberId) {
        organisation.member(memberId);
        boolean own = access.myMemberId().filter(me -> me == memberId).isPresent();
        var visible = access.visibleOrgs();
        return reads.rows("""
                exists (select 1 from oneseal.party_meeting_attendance a where a.meeting_id = m.id
                and a.member_id = :id and a.present) and m.held_on between :from and :to""", memberId,
                LocalDate.of(1921, 7, 1), LocalDate.of(9999, 12, 31)).stream()
                .filter(r -> own || visible.contains(r.branchId())).toList();
    }

    /** A branch the caller manages. */
    PartyOrganisation.Org branch(long branchId, String action) {
        access.requireManaged(branchId, action);
        PartyOrganisation.Org org = organisation.org(branchId);
        if (!"BRANCH".equals(org.kind())) {
            throw InvalidInputException.of("orgId", messages.text("party.meeting.branchOnly"));
        }
        return org;
    }

    /** A branch the caller sees. */
    PartyOrganisation.Org branchSeen(long branchId, String action) {
        access.requireVisible(branchId, action);
        PartyOrganisation.Org org = organisation.org(branchId);
        if (!"BRANCH".equals(org.kind())) {
            throw InvalidInputException.of("orgId", messages.text("party.meeting.branchOnly"));
        }
        return org;
    }

    private boolean attended(long meetingId) {
        return access.myMemberId().map(me -> jdbc.sql("""
                select exists (select 1 from oneseal.party_meeting_attendance where meeting_id = :m and member_id = :me
                and present)""").param("m", meetingId).param("me", me).query(Boolean.class).single()).orElse(false);
    }

    private void attend(long meetingId, long memberId, boolean present, String reason) {
        jdbc.sql("""
                insert into oneseal.party_meeting_attendance (meeting_id, member_id, present, absence_reason)
                values (:m, :p, :x, :r)""").param("m", meetingId).param("p", memberId).param("x", present)
                .param("r", reason).update();
    }
}

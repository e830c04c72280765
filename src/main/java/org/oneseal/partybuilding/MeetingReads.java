package org.oneseal.partybuilding;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads meetings (access is the caller's to check). */
@Component
class MeetingReads {

    private final JdbcClient jdbc;
    private final PartyFiles files;

    MeetingReads(JdbcClient jdbc, PartyFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** Rows matching a condition on {@code m} with the parameters {@code :id}, {@code :from}, {@code :to}. */
    List<Meetings.Row> rows(String condition, long id, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select m.id, m.branch_id, b.name as branch_name, m.kind, m.held_on, m.topic, c.name as cell_name,
                    m.first_agenda_item,
                    (select count(*) from oneseal.party_meeting_attendance a where a.meeting_id = m.id and a.present)
                        as present,
                    (select count(*) from oneseal.party_meeting_attendance a where a.meeting_id = m.id and not a.present)
                        as absent
                from oneseal.party_meeting m join oneseal.party_org b on b.id = m.branch_id
                left join oneseal.party_org c on c.id = m.cell_id
                where %s order by m.held_on desc, m.id desc""".formatted(condition))
                .param("id", id).param("from", from).param("to", to)
                .query((rs, n) -> new Meetings.Row(rs.getLong("id"), rs.getLong("branch_id"), rs.getString("branch_name"),
                        rs.getString("kind"), rs.getDate("held_on").toLocalDate(), rs.getString("topic"),
                        rs.getString("cell_name"), rs.getBoolean("first_agenda_item"), rs.getInt("present"),
                        rs.getInt("absent"))).list();
    }

    Optional<Meetings.Meeting> meeting(long id) {
        return jdbc.sql("""
                select m.*, b.name as branch_name, c.name as cell_name, s.name as speaker_member, l.name as leader_name
                from oneseal.party_meeting m join oneseal.party_org b on b.id = m.branch_id
                left join oneseal.party_org c on c.id = m.cell_id
                left join oneseal.party_member s on s.id = m.speaker_id
                left join oneseal.party_member l on l.id = m.leader_id where m.id = :id""").param("id", id)
                .query((rs, n) -> new Meetings.Meeting(rs.getLong("id"), rs.getLong("branch_id"),
                        rs.getString("branch_name"), (Long) rs.getObject("cell_id"), rs.getString("cell_name"),
                        rs.getString("kind"), rs.getDate("held_on").toLocalDate(), rs.getString("topic"),
                        rs.getBoolean("first_agenda_item"), rs.getString("first_agenda_topic"),
                        (Long) rs.getObject("speaker_id"),
                        rs.getString("speaker_member") != null ? rs.getString("speaker_member") : rs.getString("speaker_name"),
                        (Long) rs.getObject("speaker_secretary_of"), (Long) rs.getObject("leader_id"),
                        rs.getString("leader_name"), rs.getString("minutes"), attendees(id, true), attendees(id, false),
                        files.list(PartyFiles.Owner.MEETING, id), rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant())).optional();
    }

    private List<Meetings.Attendee> attendees(long meetingId, boolean present) {
        return jdbc.sql("""
                select a.member_id, p.name, a.absence_reason from oneseal.party_meeting_attendance a
                join oneseal.party_member p on p.id = a.member_id where a.meeting_id = :m and a.present = :p
                order by p.name, p.id""").param("m", meetingId).param("p", present)
                .query((rs, n) -> new Meetings.Attendee(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }
}

package org.oneseal.partybuilding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.calendar.WorkingDayCalendar;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 整改清单: what an organisational life meeting, a democratic appraisal or an inspection found, item by item — problem,
 * measure, owner (a member of the branch), deadline (a date, or working days from the meeting or inspection through
 * the working-day calendar), evidence; OPEN until closed with evidence (DONE). Those who manage the branch keep the
 * lists; whoever sees the branch reads them. An item's evidence and closing: {@link RectificationItems}; its steps are
 * in an append-only history ({@link RectificationHistory}); reminders and overdue marks: {@link RectificationDeadlines}.
 */
@Service
public class RectificationLists {

    /** A list from a meeting of the branch ({@code meetingId}) or from an inspection (its date and body). */
    public record NewList(Long meetingId, LocalDate inspectedOn, String inspectingBody, String title) {
    }

    /** An item; the deadline as a date or as {@code workingDays} after the list's date. */
    public record NewItem(String problem, String measure, Long ownerId, LocalDate deadline, Integer workingDays) {
    }

    public record ListView(long id, long branchId, String branchName, Long meetingId, String meetingKind,
                           String meetingTopic, LocalDate inspectedOn, String inspectingBody, String title,
                           LocalDate baseDate, String createdBy, List<Item> items) {
    }

    /** An item; {@code flag}: OPEN, DUE_SOON (reminded), OVERDUE (marked), DONE or DONE_LATE. */
    public record Item(long id, long listId, String listTitle, long branchId, String problem, String measure,
                       long ownerId, String ownerName, LocalDate deadline, Integer workingDays, String status,
                       String flag, String evidence, LocalDate closedOn, String closedBy, LocalDate remindedOn,
                       LocalDate overdueSince) {
    }

    public record Event(String kind, String note, String actor, Instant at) {
    }

    public record ItemDetail(Item item, List<PartyFiles.FileInfo> files, List<Event> history) {
    }

    private final JdbcClient jdbc;
    private final PartyAccess access;
    private final PartyOrganisation organisation;
    private final Meetings meetings;
    private final RectificationReads reads;
    private final RectificationHistory history;
    private final WorkingDayCalendar calendar;
    private final PartyMessages messages;
    private final AuditLog audit;
    private final Clock clock;

    RectificationLists(JdbcClient jdbc, PartyAccess access, PartyOrganisation organisation, Meetings meetings,
            RectificationReads reads, RectificationHistory history, WorkingDayCalendar calendar, PartyMessages messages,
            AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.organisation = organisation;
        this.meetings = meetings;
        this.reads = reads;
        this.history = history;
        this.calendar = calendar;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    public ListView create(long branchId, NewList l) {
        PartyOrganisation.Org branch = meetings.branch(branchId, "party.rectification.create");
        var errors = new InvalidInputException.Collector();
        String title = text(l.title());
        if (title == null || title.length() > 200) {
            errors.add("title", messages.text("party.rectification.titleMissing"));
        }
        LocalDate base = null;
        String body = text(l.inspectingBody());
        if (l.meetingId() != null) {
            if (l.inspectedOn() != null || body != null) {
                errors.add("meetingId", messages.text("party.rectification.sourceEither"));
            }
            base = meetingDate(branchId, l.meetingId(), errors);
        } else if (l.inspectedOn() == null && body == null) {
            errors.add("meetingId", messages.text("party.rectification.sourceMissing"));
        } else {
            if (body == null || body.length() > 100) {
                errors.add("inspectingBody", messages.text("party.rectification.bodyMissing"));
            }
            if (l.inspectedOn() == null) {
                errors.add("inspectedOn", messages.text("party.date.missing"));
            } else if (l.inspectedOn().isAfter(LocalDate.now(clock))) {
                errors.add("inspectedOn", messages.text("party.date.future"));
            }
            base = l.inspectedOn();
        }
        errors.throwIfAny();
        if (l.meetingId() == null) {
            organisation.checkDay(branch, base, "inspectedOn");
        }
        long id = jdbc.sql("""
                insert into oneseal.party_rectification_list (branch_id, meeting_id, inspected_on, inspecting_body,
                    title, base_date, created_by, created_at) values (:b, :m, :i, :body, :t, :base, :by, :at)
                returning id""").param("b", branchId).param("m", l.meetingId())
                .param("i", l.meetingId() == null ? l.inspectedOn() : null).param("body", l.meetingId() == null ? body : null)
                .param("t", title).param("base", base).param("by", access.staff().getUsername())
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(AuditRecord.of("party.rectification.create", "PartyRectificationList", id).reason(title));
        return reads.list(id).orElseThrow();
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    public Item addItem(long listId, NewItem i) {
        ListView list = reads.list(listId).orElseThrow(() -> new NotFoundException("list " + listId));
        access.requireManaged(list.branchId(), "party.rectification.item");
        var errors = new InvalidInputException.Collector();
        String problem = text(i.problem());
        String measure = text(i.measure());
        if (problem == null || problem.length() > 500) {
            errors.add("problem", messages.text("party.rectification.problemMissing"));
        }
        if (measure == null || measure.length() > 500) {
            errors.add("measure", messages.text("party.rectification.measureMissing"));
        }
        if (i.ownerId() == null || !organisation.membersOn(list.branchId(), LocalDate.now(clock)).contains(i.ownerId())) {
            errors.add("ownerId", messages.text("party.rectification.ownerNotMember", list.branchName()));
        }
        LocalDate deadline = i.deadline();
        if ((i.deadline() == null) == (i.workingDays() == null)) {
            errors.add("deadline", messages.text("party.rectification.deadlineEither"));
        } else if (i.workingDays() != null && (i.workingDays() < 1 || i.workingDays() > 250)) {
            errors.add("workingDays", messages.text("party.rectification.workingDaysRange"));
        } else if (i.deadline() != null && i.deadline().getYear() > PartyRecords.LATEST_YEAR) {
            errors.add("deadline", messages.text("party.date.invalid"));
        } else if (i.deadline() != null && i.deadline().isBefore(list.baseDate())) {
            errors.add("deadline", messages.text("party.rectification.deadlineBefore", list.baseDate()));
        }
        errors.throwIfAny();
        if (i.workingDays() != null) {
            deadline = calendar.addWorkingDays(list.baseDate(), i.workingDays());
        }
        String by = access.staff().getUsername();
        long id = jdbc.sql("""
                insert into oneseal.party_rectification_item (list_id, problem, measure, owner_id, deadline, working_days,
                    created_by, created_at) values (:l, :p, :m, :o, :d, :w, :by, :at) returning id""")
                .param("l", listId).param("p", problem).param("m", measure).param("o", i.ownerId())
                .param("d", deadline).param("w", i.workingDays()).param("by", by)
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        history.add(id, "CREATED", deadline.toString(), by); // the note: the deadline
        audit.record(AuditRecord.of("party.rectification.item", "PartyRectificationItem", id).reason(problem));
        return reads.items("i.id = :id", id).getFirst();
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    public List<ListView> lists(long branchId) {
        meetings.branchSeen(branchId, "party.rectification.list");
        return reads.lists(branchId);
    }

    /** A list of a branch the caller sees. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public ListView list(long listId) {
        ListView l = reads.list(listId).orElseThrow(() -> new NotFoundException("list " + listId));
        meetings.branchSeen(l.branchId(), "party.rectification.list");
        return l;
    }

    private LocalDate meetingDate(long branchId, long meetingId, InvalidInputException.Collector errors) {
        var m = jdbc.sql("select kind, held_on from oneseal.party_meeting where id = :m and branch_id = :b")
                .param("m", meetingId).param("b", branchId).query().listOfRows();
        if (m.isEmpty() || !MeetingKind.valueOf((String) m.getFirst().get("kind")).producesRectification()) {
            errors.add("meetingId", messages.text("party.rectification.meetingInvalid"));
            return null;
        }
        return ((java.sql.Date) m.getFirst().get("held_on")).toLocalDate();
    }

    /** A text stripped, or null when empty. */
    static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package org.oneseal.hall;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.calendar.CalendarDay;
import org.oneseal.calendar.WorkingDayCalendar;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 大厅排班与窗口分组: an administrator ({@code hall:configure}) sets a hall's service schedules and which group each of
 * its windows serves, for the halls of their scope only (another region's hall or window: "not found", the attempt
 * audited). A hall is the parent of active service windows.
 *
 * <p>Slots already made and booked are never dropped: when a schedule changes, the future slots it made without any
 * appointment are deleted (they are made again from the new settings when the day is next looked at); a future slot
 * with appointments is kept for them — it stays open, with the new group, kind, matter and capacity (never below the
 * places already booked), when the changed schedule still makes the same slot (the day is still served, the same
 * start and end on the new slot grid), and is closed to new bookings otherwise. Deactivating a schedule deletes its
 * unbooked future slots and closes the booked ones: their appointments stay valid and no new slot is offered. Slots
 * that have begun are history and stay as they are. Every change is audited.
 */
@Service
public class HallAdministration {

    /** Advisory lock key (with the hall) held while schedules change, shared while slots are made. */
    static final int SCHEDULE_LOCK = 7303;
    static final Set<String> KINDS = Set.of("NORMAL", "EXTENDED", "STAGGERED", "HOLIDAY");
    static final Set<String> DAYS = Set.of("WORKING", "WEEKEND", "HOLIDAY", "NON_WORKING", "EVERY");
    static final List<String> KIND_ORDER = List.of("NORMAL", "EXTENDED", "STAGGERED", "HOLIDAY");
    static final List<String> DAYS_ORDER = List.of("WORKING", "WEEKEND", "HOLIDAY", "NON_WORKING", "EVERY");
    static final int MIN_SLOT_MINUTES = 5;
    static final int MAX_SLOT_MINUTES = 240;
    static final int MAX_CAPACITY = 500;
    private static final Pattern GROUP = Pattern.compile("[A-Z][A-Z0-9_]{0,19}");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::00)?");

    private final JdbcClient jdbc;
    private final OrganisationManagement organisation;
    private final MatterCatalogue matters;
    private final WorkingDayCalendar calendar;
    private final HallQueue queue;
    private final CurrentUser currentUser;
    private final HallMessages messages;
    private final AuditLog audit;
    private final java.time.Clock clock;
    private final TransactionTemplate tx;

    HallAdministration(JdbcClient jdbc, OrganisationManagement organisation, MatterCatalogue matters,
            WorkingDayCalendar calendar, HallQueue queue, CurrentUser currentUser, HallMessages messages, AuditLog audit,
            java.time.Clock clock, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.matters = matters;
        this.calendar = calendar;
        this.queue = queue;
        this.currentUser = currentUser;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /** A hall (the parent of service windows) and its region. */
    public record Hall(long id, String name, long regionId) {
    }

    /** A service schedule of a hall. */
    public record Schedule(long id, long hallId, String groupCode, Long matterId, String kind, String days,
                           LocalTime starts, LocalTime ends, int slotMinutes, int capacity, boolean active) {
    }

    /**
     * A schedule as the administrator sends it: times as {@code HH:mm}; {@code matterId} empty for every matter.
     */
    public record ScheduleRequest(String groupCode, Long matterId, String kind, String days, String starts, String ends,
                                  Integer slotMinutes, Integer capacity) {
    }

    /**
     * A changed or deactivated schedule and what became of its future slots: removed (no appointment: made again from
     * the new settings), kept open (booked, still made by the schedule: new capacity, never below its bookings),
     * closed (booked, no longer made by the schedule: kept for its appointments, closed to new bookings).
     */
    public record Changed(Schedule schedule, int slotsRemoved, int slotsKeptOpen, int slotsClosed) {
    }

    /**
     * A window of a hall: its configured group (null: none) and the group it serves ({@link HallQueue#groupOf}: the
     * configured one, or GENERAL for a general window; null for none).
     */
    public record Window(long id, long hallId, String code, String name, String windowKind, String groupCode,
                         String serves) {
    }

    /** The halls of the administrator's scope, by name. */
    @PreAuthorize("hasAuthority('hall:configure')")
    public List<Hall> halls() {
        DataScope scope = currentUser.scope();
        Map<Long, String> names = organisation.unitNames();
        Map<Long, Long> regions = new HashMap<>();
        organisation.serviceWindows().stream().filter(w -> w.parentId() != null)
                .forEach(w -> regions.putIfAbsent(w.parentId(), w.regionId()));
        return regions.entrySet().stream().filter(e -> scope.covers(e.getValue()))
                .map(e -> new Hall(e.getKey(), names.getOrDefault(e.getKey(), "#" + e.getKey()), e.getValue()))
                .sorted(java.util.Comparator.comparing(Hall::regionId).thenComparing(Hall::id)).toList();
    }

    /** A hall of the scope: an id that is no hall is a field error; another region's hall is "not found" (audited). */
    @PreAuthorize("hasAuthority('hall:configure')")
    public Hall hall(long hallId) {
        return hall(hallId, "hall.schedule.read");
    }

    /** Every schedule of a hall, active ones first. */
    @PreAuthorize("hasAuthority('hall:configure')")
    public List<Schedule> schedules(long hallId) {
        hall(hallId, "hall.schedule.read");
        return jdbc.sql("select * from oneseal.hall_schedule where hall_id = :hall order by active desc, group_code, starts, id")
                .param("hall", hallId).query((rs, n) -> schedule(rs)).list();
    }

    /** The active service windows of a hall with the group each serves. */
    @PreAuthorize("hasAuthority('hall:configure')")
    public List<Window> windows(long hallId) {
        hall(hallId, "hall.schedule.read");
        return organisation.serviceWindows().stream().filter(w -> Objects.equals(w.parentId(), hallId))
                .map(this::window).toList();
    }

    /** A new schedule of a hall; its slots are made when a day is first looked at. */
    @PreAuthorize("hasAuthority('hall:configure')")
    public Schedule create(long hallId, ScheduleRequest r) {
        Hall hall = hall(hallId, "hall.schedule.create");
        Valid v = check(r);
        return tx.execute(s -> {
            lock(hallId);
            overlap(hallId, null, v);
            long id = jdbc.sql("""
                    insert into oneseal.hall_schedule (hall_id, group_code, matter_id, kind, days, starts, ends,
                        slot_minutes, capacity)
                    values (:hall, :group, :matter, :kind, :days, :starts, :ends, :minutes, :capacity) returning id""")
                    .param("hall", hallId).param("group", v.group()).param("matter", v.matterId()).param("kind", v.kind())
                    .param("days", v.days()).param("starts", v.starts()).param("ends", v.ends())
                    .param("minutes", v.minutes()).param("capacity", v.capacity()).query(Long.class).single();
            Schedule created = load(hallId, id);
            audit.record(AuditRecord.of("hall.schedule.create", "HallSchedule", id).region(hall.regionId())
                    .reason("hall " + hallId + ": " + describe(created)));
            return created;
        });
    }

    /** Changes an active schedule: its future slots follow (see the class comment); booked ones are kept. */
    @PreAuthorize("hasAuthority('hall:configure')")
    public Changed change(long hallId, long scheduleId, ScheduleRequest r) {
        Hall hall = hall(hallId, "hall.schedule.change");
        Valid v = check(r);
        return tx.execute(s -> {
            lock(hallId);
            Schedule before = load(hallId, scheduleId);
            if (!before.active()) {
                throw new BusinessRuleViolation("hall.schedule.inactive", messages.text("hall.admin.schedule.inactive"));
            }
            overlap(hallId, scheduleId, v);
            jdbc.sql("""
                    update oneseal.hall_schedule set group_code = :group, matter_id = :matter, kind = :kind, days = :days,
                        starts = :starts, ends = :ends, slot_minutes = :minutes, capacity = :capacity where id = :id""")
                    .param("group", v.group()).param("matter", v.matterId()).param("kind", v.kind())
                    .param("days", v.days()).param("starts", v.starts()).param("ends", v.ends())
                    .param("minutes", v.minutes()).param("capacity", v.capacity()).param("id", scheduleId).update();
            Schedule after = load(hallId, scheduleId);
            Changed changed = followed(after);
            audit.record(AuditRecord.of("hall.schedule.change", "HallSchedule", scheduleId).region(hall.regionId())
                    .reason(describe(before) + " → " + describe(after) + effect(changed)));
            return changed;
        });
    }

    /** Deactivates a schedule: no new slots; its unbooked future slots go, its booked ones stay (closed to new bookings). */
    @PreAuthorize("hasAuthority('hall:configure')")
    public Changed deactivate(long hallId, long scheduleId) {
        Hall hall = hall(hallId, "hall.schedule.deactivate");
        return tx.execute(s -> {
            lock(hallId);
            Schedule before = load(hallId, scheduleId);
            if (!before.active()) {
                throw new BusinessRuleViolation("hall.schedule.inactive", messages.text("hall.admin.schedule.alreadyInactive"));
            }
            jdbc.sql("update oneseal.hall_schedule set active = false where id = :id").param("id", scheduleId).update();
            Changed changed = followed(load(hallId, scheduleId));
            audit.record(AuditRecord.of("hall.schedule.deactivate", "HallSchedule", scheduleId).region(hall.regionId())
                    .reason(describe(before) + effect(changed)));
            return changed;
        });
    }

    /** Sets the group a window serves (its calls take that group's tickets). */
    @PreAuthorize("hasAuthority('hall:configure')")
    public Window setGroup(long windowId, String groupCode) {
        OrgUnitView window = window(windowId, "hall.window.group");
        String group = groupCode == null ? null : groupCode.strip();
        if (group == null || group.isEmpty()) {
            throw InvalidInputException.of("groupCode", messages.text("hall.admin.group.required"));
        }
        if (!GROUP.matcher(group).matches()) {
            throw InvalidInputException.of("groupCode", messages.text("hall.admin.group.format"));
        }
        return tx.execute(s -> {
            String before = configured(windowId);
            if (!group.equals(before)) {
                jdbc.sql("""
                        insert into oneseal.hall_window_group (window_id, group_code) values (:w, :g)
                        on conflict (window_id) do update set group_code = excluded.group_code""")
                        .param("w", windowId).param("g", group).update();
                audit.record(AuditRecord.of("hall.window.group", "Window", windowId).region(window.regionId())
                        .reason((before == null ? "-" : before) + " → " + group));
            }
            return window(window);
        });
    }

    /** Clears a window's group: a general window then serves GENERAL, a special window no group. */
    @PreAuthorize("hasAuthority('hall:configure')")
    public Window clearGroup(long windowId) {
        OrgUnitView window = window(windowId, "hall.window.group");
        return tx.execute(s -> {
            String before = configured(windowId);
            if (before != null) {
                jdbc.sql("delete from oneseal.hall_window_group where window_id = :w").param("w", windowId).update();
                audit.record(AuditRecord.of("hall.window.group", "Window", windowId).region(window.regionId())
                        .reason(before + " → - (cleared)"));
            }
            return window(window);
        });
    }

    // ------------------------------------------------------------------------------------------------ scope

    private Hall hall(long hallId, String action) {
        List<OrgUnitView> windows = organisation.serviceWindows().stream()
                .filter(w -> w.parentId() != null && w.parentId() == hallId).toList();
        if (windows.isEmpty()) {
            throw InvalidInputException.of("hallId", messages.text("hall.admin.hall.unknown"));
        }
        long region = windows.getFirst().regionId();
        if (!currentUser.scope().covers(region)) {
            audit.recordIndependently(AuditRecord.of(action, "Hall", hallId).outcome(AuditOutcome.DENIED).region(region)
                    .reason("a hall of another region"));
            throw new NotFoundException("hall " + hallId);
        }
        return new Hall(hallId, organisation.unitNames().getOrDefault(hallId, "#" + hallId), region);
    }

    private OrgUnitView window(long windowId, String action) {
        OrgUnitView window = organisation.serviceWindow(windowId)
                .orElseThrow(() -> InvalidInputException.of("windowId", messages.text("hall.admin.window.unknown")));
        if (!currentUser.scope().covers(window.regionId())) {
            audit.recordIndependently(AuditRecord.of(action, "Window", windowId).outcome(AuditOutcome.DENIED)
                    .region(window.regionId()).reason("a window of another region"));
            throw new NotFoundException("window " + windowId);
        }
        return window;
    }

    private Window window(OrgUnitView w) {
        return new Window(w.id(), w.parentId() == null ? 0 : w.parentId(), w.code(), w.name(),
                w.windowKind() == null ? null : w.windowKind().name(), configured(w.id()), queue.groupOf(w));
    }

    private String configured(long windowId) {
        return jdbc.sql("select group_code from oneseal.hall_window_group where window_id = :w").param("w", windowId)
                .query(String.class).optional().orElse(null);
    }

    // ------------------------------------------------------------------------------------------------ checks

    /** A schedule request that passed the field checks. */
    private record Valid(String group, Long matterId, String kind, String days, LocalTime starts, LocalTime ends,
                         int minutes, int capacity) {
    }

    /** The field checks: every problem at once, each on its field; nothing is stored. */
    private Valid check(ScheduleRequest r) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (r == null) {
            r = new ScheduleRequest(null, null, null, null, null, null, null, null);
        }
        String group = r.groupCode() == null ? "" : r.groupCode().strip();
        if (group.isEmpty()) {
            errors.add("groupCode", messages.text("hall.admin.group.required"));
        } else if (!GROUP.matcher(group).matches()) {
            errors.add("groupCode", messages.text("hall.admin.group.format"));
        }
        if (r.matterId() != null && (r.matterId() <= 0 || matters.currentPublished(r.matterId()).isEmpty())) {
            errors.add("matterId", messages.text("hall.admin.matter.unknown"));
        }
        String kind = r.kind() == null ? "" : r.kind().strip();
        if (!KINDS.contains(kind)) {
            errors.add("kind", messages.text("hall.admin.kind.unknown"));
        }
        String days = r.days() == null ? "" : r.days().strip();
        if (!DAYS.contains(days)) {
            errors.add("days", messages.text("hall.admin.days.unknown"));
        }
        LocalTime starts = time(r.starts(), "starts", errors);
        LocalTime ends = time(r.ends(), "ends", errors);
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            errors.add("ends", messages.text("hall.admin.ends.afterStarts"));
        }
        Integer minutes = r.slotMinutes();
        if (minutes == null || minutes < MIN_SLOT_MINUTES || minutes > MAX_SLOT_MINUTES) {
            errors.add("slotMinutes", messages.text("hall.admin.slotMinutes.range", MIN_SLOT_MINUTES, MAX_SLOT_MINUTES));
        } else if (starts != null && ends != null && ends.isAfter(starts)) {
            long span = Duration.between(starts, ends).toMinutes();
            if (span % minutes != 0) {
                errors.add("slotMinutes", messages.text("hall.admin.slotMinutes.divide", String.valueOf(span)));
            }
        }
        if (r.capacity() == null || r.capacity() < 1 || r.capacity() > MAX_CAPACITY) {
            errors.add("capacity", messages.text("hall.admin.capacity.range", MAX_CAPACITY));
        }
        errors.throwIfAny();
        return new Valid(group, r.matterId(), kind, days, starts, ends, minutes, r.capacity());
    }

    private LocalTime time(String text, String field, InvalidInputException.Collector errors) {
        Matcher m = text == null ? null : TIME.matcher(text.strip());
        if (m == null || !m.matches()) {
            errors.add(field, messages.text("hall.admin.time.format"));
            return null;
        }
        try {
            return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (DateTimeException e) {
            errors.add(field, messages.text("hall.admin.time.format"));
            return null;
        }
    }

    /**
     * Another active schedule of the hall for the same group and matter, on days that can coincide and at hours that
     * overlap, would offer the same time twice: refused (on {@code starts}). Adjacent hours (one ends as the other
     * starts) are fine.
     */
    private void overlap(long hallId, Long except, Valid v) {
        for (Schedule other : jdbc.sql("""
                        select * from oneseal.hall_schedule where hall_id = :hall and active and group_code = :group
                        and matter_id is not distinct from :matter and id <> :except""")
                .param("hall", hallId).param("group", v.group()).param("matter", v.matterId())
                .param("except", except == null ? -1 : except).query((rs, n) -> schedule(rs)).list()) {
            if (daysCoincide(v.days(), other.days()) && v.starts().isBefore(other.ends())
                    && other.starts().isBefore(v.ends())) {
                throw InvalidInputException.of("starts", messages.text("hall.admin.overlap", other.starts(),
                        other.ends(), messages.text("hall.days." + other.days()), String.valueOf(other.id())));
            }
        }
    }

    /** Whether two day rules can serve the same date (a date has one kind: WEEKEND and HOLIDAY never coincide). */
    static boolean daysCoincide(String a, String b) {
        if (a.equals(b) || a.equals("EVERY") || b.equals("EVERY")) {
            return true;
        }
        Set<String> nonWorking = Set.of("NON_WORKING", "WEEKEND", "HOLIDAY");
        return a.equals("NON_WORKING") && nonWorking.contains(b) || b.equals("NON_WORKING") && nonWorking.contains(a);
    }

    // ------------------------------------------------------------------------------------------------ slots

    private void lock(long hallId) {
        jdbc.sql("select pg_advisory_xact_lock(" + SCHEDULE_LOCK + ", cast(:hall as int))").param("hall", hallId)
                .query().listOfRows();
    }

    private record MadeSlot(long id, LocalDate day, LocalTime starts, LocalTime ends) {
    }

    /** The schedule's future slots follow its new settings (see the class comment). */
    private Changed followed(Schedule s) {
        LocalDateTime now = LocalDateTime.now(clock);
        String future = "(day > :today or (day = :today and starts > :now))";
        int removed = jdbc.sql("""
                        delete from oneseal.appointment_slot sl where schedule_id = :id and open and booked = 0 and\s"""
                        + future + " and not exists (select 1 from oneseal.appointment a where a.slot_id = sl.id)")
                .param("id", s.id()).param("today", now.toLocalDate()).param("now", now.toLocalTime()).update();
        List<MadeSlot> kept = jdbc.sql("select id, day, starts, ends from oneseal.appointment_slot where schedule_id = :id"
                        + " and open and " + future + " order by day, starts for update")
                .param("id", s.id()).param("today", now.toLocalDate()).param("now", now.toLocalTime())
                .query((rs, n) -> new MadeSlot(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class))).list();
        Map<LocalDate, CalendarDay> days = new HashMap<>();
        int open = 0;
        int closed = 0;
        for (MadeSlot slot : kept) {
            boolean stillMade = s.active()
                    && Appointments.serves(s.days(), days.computeIfAbsent(slot.day(), calendar::day))
                    && onGrid(s, slot.starts(), slot.ends());
            if (stillMade) {
                jdbc.sql("""
                        update oneseal.appointment_slot set group_code = :group, matter_id = :matter, kind = :kind,
                            capacity = greatest(:capacity, booked) where id = :id""")
                        .param("group", s.groupCode()).param("matter", s.matterId()).param("kind", s.kind())
                        .param("capacity", s.capacity()).param("id", slot.id()).update();
                open++;
            } else {
                jdbc.sql("update oneseal.appointment_slot set open = false where id = :id").param("id", slot.id()).update();
                closed++;
            }
        }
        return new Changed(s, removed, open, closed);
    }

    /** Whether the schedule makes a slot with these hours: within its hours, on its grid, of its length. */
    private static boolean onGrid(Schedule s, LocalTime starts, LocalTime ends) {
        return !starts.isBefore(s.starts()) && !ends.isAfter(s.ends())
                && Duration.between(starts, ends).toMinutes() == s.slotMinutes()
                && Duration.between(s.starts(), starts).toMinutes() % s.slotMinutes() == 0;
    }

    // ------------------------------------------------------------------------------------------------ rows

    private Schedule load(long hallId, long id) {
        return jdbc.sql("select * from oneseal.hall_schedule where id = :id and hall_id = :hall for update")
                .param("id", id).param("hall", hallId).query((rs, n) -> schedule(rs)).optional()
                .orElseThrow(() -> new NotFoundException("schedule " + id));
    }

    private static Schedule schedule(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Schedule(rs.getLong("id"), rs.getLong("hall_id"), rs.getString("group_code"),
                (Long) rs.getObject("matter_id"), rs.getString("kind"), rs.getString("days"),
                rs.getObject("starts", LocalTime.class), rs.getObject("ends", LocalTime.class), rs.getInt("slot_minutes"),
                rs.getInt("capacity"), rs.getBoolean("active"));
    }

    private static String describe(Schedule s) {
        return s.groupCode() + (s.matterId() == null ? "" : " matter " + s.matterId()) + " " + s.kind() + " " + s.days()
                + " " + s.starts() + "–" + s.ends() + " /" + s.slotMinutes() + "min ×" + s.capacity();
    }

    private static String effect(Changed c) {
        return "; future slots removed " + c.slotsRemoved() + ", kept open " + c.slotsKeptOpen() + ", closed "
                + c.slotsClosed();
    }
}

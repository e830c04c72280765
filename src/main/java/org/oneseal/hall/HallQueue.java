package org.oneseal.hall;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.identity.AccountPrincipal;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 取号与叫号: a ticket on arrival — by appointment (its slot's group, called first: within 30 minutes before its slot
 * and until the slot ends) or walk-in (a group) — numbered per hall, day and group; "call next" at a window takes the
 * first waiting ticket of the window's group (appointments first, then in order of arrival) with a row lock that
 * skips tickets another window is taking at the same moment; a called ticket is finished, marked absent, or
 * transferred to another group (a new ticket, called first). Waiting and service times are the ticket's times.
 */
@Service
public class HallQueue {

    static final Duration EARLY = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final OrganisationManagement organisation;
    private final CurrentUser currentUser;
    private final HallMessages messages;
    private final AuditLog audit;
    private final Clock clock;

    HallQueue(JdbcClient jdbc, OrganisationManagement organisation, CurrentUser currentUser, HallMessages messages,
            AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.currentUser = currentUser;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** A ticket of the queue. */
    public record Ticket(long id, long hallId, String number, String groupCode, boolean byAppointment, String state,
                         Instant issuedAt, Instant calledAt, Long windowId, String windowName, Instant finishedAt) {
    }

    /** The group a window serves: configured, or GENERAL for a general window; null for none. */
    String groupOf(OrgUnitView window) {
        return jdbc.sql("select group_code from oneseal.hall_window_group where window_id = :w").param("w", window.id())
                .query(String.class).optional()
                .orElse(window.windowKind() != null && window.windowKind().name().equals("GENERAL") ? "GENERAL" : null);
    }

    /** A walk-in ticket of a group at a hall of the caller's region, issued by staff. */
    @Transactional(noRollbackFor = NotFoundException.class) // refusal: audited, in it
    @PreAuthorize("hasAuthority('hall:book')")
    public Ticket walkIn(long hallId, String groupCode) {
        hallInScope(hallId, "hall.queue.ticket");
        return walkIn(hallId, groupCode, null);
    }

    /** As above, at an enrolled ticket machine (the ticket records which). */
    @Transactional
    Ticket walkIn(long hallId, String groupCode, Long kiosk) {
        if (groupCode == null || !groups(hallId).contains(groupCode)) { // the groups the ticket machine offers
            throw InvalidInputException.of("groupCode", messages.text("hall.group.unknown"));
        }
        return issue(hallId, groupCode, null, 1, null, kiosk);
    }

    /** A ticket by appointment code, from 30 minutes before the slot until its end; first in its group (by staff). */
    @Transactional(noRollbackFor = {InvalidInputException.class, BusinessRuleViolation.class, NotFoundException.class})
    @PreAuthorize("hasAuthority('hall:book')")
    public Ticket byAppointment(long hallId, String code) {
        hallInScope(hallId, "hall.queue.ticket");
        return byAppointment(hallId, code, null);
    }

    /** As above, at an enrolled ticket machine. */
    @Transactional(noRollbackFor = {InvalidInputException.class, BusinessRuleViolation.class})
    Ticket byAppointment(long hallId, String code, Long kiosk) {
        List<Map<String, Object>> rows = code == null ? List.of() : jdbc.sql("""
                select a.id, a.state, s.hall_id, s.group_code, s.day, s.starts, s.ends from oneseal.appointment a
                join oneseal.appointment_slot s on s.id = a.slot_id where a.code = :code for update of a""")
                .param("code", code.strip().toUpperCase()).query().listOfRows();
        if (rows.isEmpty() || ((Number) rows.getFirst().get("hall_id")).longValue() != hallId) {
            throw InvalidInputException.of("code", messages.text("hall.appointment.unknown"));
        }
        Map<String, Object> r = rows.getFirst();
        if (!"BOOKED".equals(r.get("state"))) {
            throw new BusinessRuleViolation("hall.state", messages.text("hall.appointment.notBooked"));
        }
        LocalDate day = ((java.sql.Date) r.get("day")).toLocalDate();
        LocalDateTime starts = LocalDateTime.of(day, ((java.sql.Time) r.get("starts")).toLocalTime());
        LocalDateTime ends = LocalDateTime.of(day, ((java.sql.Time) r.get("ends")).toLocalTime());
        LocalDateTime now = LocalDateTime.now(clock);
        if (now.isBefore(starts.minus(EARLY)) || now.isAfter(ends)) {
            throw new BusinessRuleViolation("hall.time", messages.text("hall.appointment.time", starts.toLocalTime(),
                    ends.toLocalTime()));
        }
        long appointment = ((Number) r.get("id")).longValue();
        jdbc.sql("update oneseal.appointment set state = 'ARRIVED' where id = :id").param("id", appointment).update();
        return issue(hallId, (String) r.get("group_code"), appointment, 0, null, kiosk);
    }

    private Ticket issue(long hallId, String group, Long appointment, int priority, Long transferredFrom) {
        return issue(hallId, group, appointment, priority, transferredFrom, null);
    }

    private Ticket issue(long hallId, String group, Long appointment, int priority, Long transferredFrom, Long kiosk) {
        LocalDate today = LocalDate.now(clock);
        // numbers per hall, day and prefix: A001 …, from a counter row (two groups with one initial share it); only
        // tickets of one prefix wait for each other, until the ticket's commit
        String prefix = prefix(group);
        int n = jdbc.sql("""
                insert into oneseal.hall_ticket_counter as c (hall_id, day, prefix, last_number) values (:hall, :day, :p, 1)
                on conflict (hall_id, day, prefix) do update set last_number = c.last_number + 1 returning last_number""")
                .param("hall", hallId).param("day", today).param("p", prefix).query(Integer.class).single();
        String number = prefix + String.format("%03d", n);
        long id = jdbc.sql("""
                insert into oneseal.queue_ticket (hall_id, day, number, group_code, appointment_id, priority, state,
                    issued_at, transferred_from, kiosk_id)
                values (:hall, :day, :number, :g, :appointment, :priority, 'WAITING', :at, :from, :kiosk) returning id""")
                .param("hall", hallId).param("day", today).param("number", number).param("g", group)
                .param("appointment", appointment).param("priority", priority).param("at", Timestamp.from(clock.instant()))
                .param("from", transferredFrom).param("kiosk", kiosk).query(Long.class).single();
        if (kiosk != null) {
            jdbc.sql("update oneseal.hall_kiosk set last_used_at = :at where id = :id")
                    .param("at", Timestamp.from(clock.instant())).param("id", kiosk).update();
        }
        return ticket(id);
    }

    private static String prefix(String group) {
        return switch (group) {
            case "GENERAL" -> "A";
            case "TALENT" -> "R";
            default -> group.substring(0, 1);
        };
    }

    /** "Call next" at the caller's window: the first waiting ticket of its group; empty when nobody waits. */
    @Transactional(noRollbackFor = {NotFoundException.class, BusinessRuleViolation.class}) // refusals: audited, in it
    @PreAuthorize("hasAuthority('hall:call')")
    public Optional<Ticket> callNext(long windowId) {
        OrgUnitView window = myWindow(windowId);
        String group = groupOf(window);
        if (group == null) {
            throw new BusinessRuleViolation("hall.group", messages.text("hall.window.noGroup"));
        }
        AccountPrincipal me = currentUser.principal().orElseThrow();
        // the previous ticket of the window is done (and its appointment served)
        jdbc.sql("""
                update oneseal.appointment set state = 'SERVED' where id in (select appointment_id from oneseal.queue_ticket
                where window_id = :w and state = 'CALLED' and appointment_id is not null)""").param("w", windowId).update();
        jdbc.sql("update oneseal.queue_ticket set state = 'DONE', finished_at = :at where window_id = :w and state = 'CALLED'")
                .param("at", Timestamp.from(clock.instant())).param("w", windowId).update();
        Optional<Long> next = jdbc.sql("""
                select id from oneseal.queue_ticket
                where hall_id = :hall and day = :day and group_code = :g and state = 'WAITING'
                order by priority, id limit 1 for update skip locked""")
                .param("hall", window.parentId()).param("day", LocalDate.now(clock)).param("g", group)
                .query(Long.class).optional();
        next.ifPresent(id -> jdbc.sql("""
                update oneseal.queue_ticket set state = 'CALLED', called_at = :at, window_id = :w, called_by = :me
                where id = :id""").param("at", Timestamp.from(clock.instant())).param("w", windowId)
                .param("me", me.getUsername()).param("id", id).update());
        return next.map(this::ticket);
    }

    /** Ends the service of the ticket called at the caller's window: served (DONE) or not there (ABSENT). */
    @Transactional(noRollbackFor = {NotFoundException.class, BusinessRuleViolation.class}) // refusals: audited, in it
    @PreAuthorize("hasAuthority('hall:call')")
    public Ticket finish(long windowId, long ticketId, boolean served) {
        myWindow(windowId);
        int n = jdbc.sql("""
                update oneseal.queue_ticket set state = :state, finished_at = :at
                where id = :id and window_id = :w and state = 'CALLED'""")
                .param("state", served ? "DONE" : "ABSENT").param("at", Timestamp.from(clock.instant()))
                .param("id", ticketId).param("w", windowId).update();
        if (n == 0) {
            throw new BusinessRuleViolation("hall.ticket", messages.text("hall.ticket.notCalledHere"));
        }
        jdbc.sql("""
                update oneseal.appointment set state = case when :served then 'SERVED' else 'NO_SHOW' end
                where id = (select appointment_id from oneseal.queue_ticket where id = :id)""")
                .param("served", served).param("id", ticketId).update();
        return ticket(ticketId);
    }

    /** Transfers the ticket called at the caller's window to another group of the hall: a new ticket, called first. */
    @Transactional(noRollbackFor = {NotFoundException.class, BusinessRuleViolation.class}) // refusals: audited, in it
    @PreAuthorize("hasAuthority('hall:call')")
    public Ticket transfer(long windowId, long ticketId, String groupCode) {
        OrgUnitView window = myWindow(windowId);
        if (groupCode == null || !groups(window.parentId()).contains(groupCode)) {
            throw InvalidInputException.of("groupCode", messages.text("hall.group.unknown"));
        }
        int n = jdbc.sql("""
                update oneseal.queue_ticket set state = 'DONE', finished_at = :at
                where id = :id and window_id = :w and state = 'CALLED'""")
                .param("at", Timestamp.from(clock.instant())).param("id", ticketId).param("w", windowId).update();
        if (n == 0) {
            throw new BusinessRuleViolation("hall.ticket", messages.text("hall.ticket.notCalledHere"));
        }
        return issue(window.parentId(), groupCode, null, 0, ticketId);
    }

    /** A window of the hall, if the hall is in the caller's scope (else "not found", audited). */
    OrgUnitView hallInScope(long hallId, String action) {
        OrgUnitView window = organisation.serviceWindows().stream()
                .filter(w -> w.parentId() != null && w.parentId() == hallId).findFirst()
                .orElseThrow(() -> new NotFoundException("hall " + hallId));
        if (!currentUser.scope().covers(window.regionId())) {
            audit.record(AuditRecord.of(action, "Hall", hallId).outcome(AuditOutcome.DENIED).region(window.regionId())
                    .reason("a hall of another region"));
            throw new NotFoundException("hall " + hallId);
        }
        return window;
    }

    /**
     * The window, if the caller works there: in their scope (else "not found"), and their own window or a window of
     * their hall (else refused: a ticket is never called at another hall's window). Both refusals are audited.
     */
    private OrgUnitView myWindow(long windowId) {
        OrgUnitView window = organisation.serviceWindow(windowId)
                .orElseThrow(() -> new NotFoundException("window " + windowId));
        if (!currentUser.scope().covers(window.regionId())) {
            audit.record(AuditRecord.of("hall.queue.call", "Window", windowId).outcome(AuditOutcome.DENIED)
                    .region(window.regionId()).reason("a window of another region"));
            throw new NotFoundException("window " + windowId);
        }
        Long unit = currentUser.principal().orElseThrow().orgUnitId();
        if (unit == null || unit != windowId && !unit.equals(window.parentId())) {
            audit.record(AuditRecord.of("hall.queue.call", "Window", windowId).outcome(AuditOutcome.DENIED)
                    .region(window.regionId()).reason("not the caller's window or hall"));
            throw new BusinessRuleViolation("hall.window", messages.text("hall.window.notYours"));
        }
        return window;
    }

    /** The halls (the parents of service windows) of the regions the filter accepts, with their names. */
    List<Map.Entry<Long, String>> halls(java.util.function.LongPredicate region) {
        var names = organisation.unitNames();
        return organisation.serviceWindows().stream().filter(w -> w.parentId() != null && region.test(w.regionId()))
                .map(OrgUnitView::parentId).distinct().sorted()
                .map(id -> Map.entry(id, names.getOrDefault(id, "#" + id))).toList();
    }

    /** The groups a hall serves (for the ticket machine): those of its schedules and windows. */
    @Transactional(readOnly = true)
    public List<String> groups(long hallId) {
        return jdbc.sql("""
                select group_code from oneseal.hall_schedule where hall_id = :hall and active
                union select 'GENERAL' where exists (select 1 from oneseal.org_unit where parent_id = :hall
                    and kind = 'WINDOW' and window_kind = 'GENERAL')
                order by 1""").param("hall", hallId).query(String.class).list();
    }

    /** The ticket called at a window and not finished yet, if any. */
    @Transactional(readOnly = true)
    public Optional<Ticket> current(long windowId) {
        return jdbc.sql("select id from oneseal.queue_ticket where window_id = :w and state = 'CALLED' order by id desc limit 1")
                .param("w", windowId).query(Long.class).optional().map(this::ticket);
    }

    /** The hall display: the tickets called last and how many wait per group. */
    public record Display(long hallId, String hallName, List<Ticket> called, Map<String, Long> waiting) {
    }

    @Transactional(readOnly = true)
    public Display display(long hallId) {
        String name = organisation.unitNames().get(hallId);
        if (name == null) {
            throw new NotFoundException("hall " + hallId);
        }
        LocalDate today = LocalDate.now(clock);
        List<Ticket> called = jdbc.sql("""
                select id from oneseal.queue_ticket where hall_id = :hall and day = :day and called_at is not null
                order by called_at desc limit 8""").param("hall", hallId).param("day", today).query(Long.class).list()
                .stream().map(this::ticket).toList();
        Map<String, Long> waiting = new java.util.TreeMap<>();
        jdbc.sql("""
                select group_code, count(*) from oneseal.queue_ticket where hall_id = :hall and day = :day
                and state = 'WAITING' group by group_code""").param("hall", hallId).param("day", today)
                .query(rs -> {
                    waiting.put(rs.getString(1), rs.getLong(2));
                });
        return new Display(hallId, name, called, waiting);
    }

    Ticket ticket(long id) {
        return jdbc.sql("select * from oneseal.queue_ticket where id = :id").param("id", id)
                .query((rs, n) -> new Ticket(rs.getLong("id"), rs.getLong("hall_id"), rs.getString("number"),
                        rs.getString("group_code"), rs.getObject("appointment_id") != null, rs.getString("state"),
                        rs.getTimestamp("issued_at").toInstant(),
                        rs.getTimestamp("called_at") == null ? null : rs.getTimestamp("called_at").toInstant(),
                        (Long) rs.getObject("window_id"),
                        rs.getObject("window_id") == null ? null
                                : organisation.serviceWindow(rs.getLong("window_id")).map(OrgUnitView::name).orElse(null),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant()))
                .single();
    }
}

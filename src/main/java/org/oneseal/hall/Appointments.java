package org.oneseal.hall;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.calendar.CalendarDay;
import org.oneseal.calendar.DayKind;
import org.oneseal.calendar.WorkingDayCalendar;
import org.oneseal.identity.AccountKind;
import org.oneseal.identity.AccountPrincipal;
import org.oneseal.identity.CurrentUser;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 预约: slots are made from the hall's service schedules for a day — which days a schedule serves (working days,
 * weekends, holidays, every day) the working-day calendar decides — and booked one place at a time: the place is
 * taken by a conditional update of the slot's count (the database also refuses a count above the capacity), so
 * that clients racing for the last places never overbook. An applicant holds at most a few future appointments and
 * one per slot; booking, changing and cancelling are theirs (or staff's for them), past slots cannot be booked.
 */
@Service
public class Appointments {

    static final int DAYS_AHEAD = 14;
    private static final String CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final CurrentUser currentUser;
    private final HallMessages messages;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxActive;
    private final SecureRandom random = new SecureRandom();
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final org.oneseal.identity.ApplicantDirectory applicants;
    /**
     * Bookings in progress at once on this node: a burst (everybody at 8:00 for the day's last places) waits here,
     * holding no database connection, instead of taking the whole pool and starving the hall's other requests.
     */
    private final java.util.concurrent.Semaphore inProgress;
    private final Duration wait;

    Appointments(JdbcClient jdbc, WorkingDayCalendar calendar, CurrentUser currentUser, HallMessages messages,
            AuditLog audit, Clock clock, @Value("${oneseal.hall.max-active-appointments:2}") int maxActive,
            org.springframework.transaction.support.TransactionTemplate tx,
            org.oneseal.identity.ApplicantDirectory applicants,
            @Value("${oneseal.hall.booking-concurrency:8}") int concurrency,
            @Value("${oneseal.hall.booking-wait:PT10S}") Duration wait) {
        if (concurrency < 1 || concurrency > 100) {
            throw new IllegalStateException("oneseal.hall.booking-concurrency must be between 1 and 100, not "
                    + concurrency);
        }
        this.inProgress = new java.util.concurrent.Semaphore(concurrency, true);
        this.wait = wait;
        this.tx = tx;
        this.applicants = applicants;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
        this.maxActive = maxActive;
    }

    /** A slot as the applicant sees it. */
    public record Slot(long id, long hallId, String groupCode, Long matterId, String kind, LocalDate day,
                       LocalTime starts, LocalTime ends, int capacity, int booked) {

        public int free() {
            return capacity - booked;
        }
    }

    /** An appointment. */
    public record Appointment(long id, String code, String state, Slot slot, long accountId, Long matterId) {
    }

    /** Whether a schedule serving {@code days} (WORKING, WEEKEND, HOLIDAY, NON_WORKING, EVERY) serves this day. */
    static boolean serves(String days, CalendarDay d) {
        return switch (days) {
            case "WORKING" -> d.workingDay();
            case "WEEKEND" -> d.kind() == DayKind.WEEKEND;
            case "HOLIDAY" -> d.kind() == DayKind.HOLIDAY;
            case "NON_WORKING" -> !d.workingDay();
            default -> true;
        };
    }

    /**
     * Makes the slots of a hall's day from its active schedules (idempotent). Slots are made while no
     * administrator changes the hall's schedules ({@link HallAdministration} holds the same lock, exclusively).
     */
    @Transactional
    public void makeSlots(long hallId, LocalDate day) {
        CalendarDay d = calendar.day(day);
        jdbc.sql("select pg_advisory_xact_lock_shared(" + HallAdministration.SCHEDULE_LOCK + ", cast(:hall as int))")
                .param("hall", hallId).query().listOfRows();
        List<Map<String, Object>> schedules = jdbc.sql("select * from oneseal.hall_schedule where hall_id = :hall and active")
                .param("hall", hallId).query().listOfRows();
        for (Map<String, Object> s : schedules) {
            if (!serves((String) s.get("days"), d)) {
                continue;
            }
            LocalTime t = ((java.sql.Time) s.get("starts")).toLocalTime();
            LocalTime end = ((java.sql.Time) s.get("ends")).toLocalTime();
            int minutes = ((Number) s.get("slot_minutes")).intValue();
            while (!t.plusMinutes(minutes).isAfter(end)) {
                jdbc.sql("""
                        insert into oneseal.appointment_slot (schedule_id, hall_id, group_code, matter_id, kind, day, starts,
                            ends, capacity)
                        values (:schedule, :hall, :group, :matter, :kind, :day, :starts, :ends, :capacity)
                        on conflict (schedule_id, day, starts) where open do nothing""")
                        .param("schedule", s.get("id")).param("hall", hallId).param("group", s.get("group_code"))
                        .param("matter", s.get("matter_id")).param("kind", s.get("kind")).param("day", day)
                        .param("starts", t).param("ends", t.plusMinutes(minutes)).param("capacity", s.get("capacity"))
                        .update();
                t = t.plusMinutes(minutes);
            }
        }
    }

    /**
     * The hall's slots of a day (made first), for a matter (its own slots and those open to every matter); not the
     * slots closed to new bookings (kept only for the bookings they have, after their schedule changed or stopped).
     */
    @Transactional
    public List<Slot> slots(long hallId, LocalDate day, Long matterId) {
        if (day.isBefore(LocalDate.now(clock)) || day.isAfter(LocalDate.now(clock).plusDays(DAYS_AHEAD))) {
            throw InvalidInputException.of("day", messages.text("hall.day.range", DAYS_AHEAD));
        }
        makeSlots(hallId, day);
        return jdbc.sql("""
                select * from oneseal.appointment_slot where hall_id = :hall and day = :day and open
                and (matter_id is null or matter_id = :matter) order by starts, group_code, id""")
                .param("hall", hallId).param("day", day).param("matter", matterId).query(Slots::slot).list();
    }

    /** Books a place for the signed-in applicant. */
    public Appointment book(long slotId, Long matterId) {
        AccountPrincipal me = applicant();
        return booked(() -> bookFor(me.accountId(), slotId, matterId, null));
    }

    /** Books a place for an applicant, by staff at the window or on the phone. */
    @org.springframework.security.access.prepost.PreAuthorize("hasAuthority('hall:book')")
    public Appointment bookForApplicant(long accountId, long slotId, Long matterId) {
        String staff = currentUser.principal().orElseThrow().getUsername();
        if (applicants.profile(accountId).isEmpty()) {
            throw InvalidInputException.of("accountId", messages.text("hall.applicant.unknown"));
        }
        checkSlotInMyRegion(slotId);
        return booked(() -> bookFor(accountId, slotId, matterId, staff));
    }

    /** A refusal to audit once the booking's transaction is over (it holds a connection: no second one inside it). */
    private static final class Refused extends RuntimeException {

        private final transient AuditRecord record;
        private final RuntimeException shown;

        Refused(AuditRecord record, RuntimeException shown) {
            super(shown.getMessage(), null, false, false);
            this.record = record;
            this.shown = shown;
        }
    }

    private Appointment booked(java.util.function.Supplier<Appointment> booking) {
        try {
            if (!inProgress.tryAcquire(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new org.oneseal.shared.TooBusyException(messages.text("hall.busy"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.oneseal.shared.TooBusyException(messages.text("hall.busy"));
        }
        try {
            return tx.execute(s -> booking.get());
        } catch (Refused r) {
            audit.recordIndependently(r.record);
            throw r.shown;
        } finally {
            inProgress.release();
        }
    }

    private Appointment bookFor(long accountId, long slotId, Long matterId, String staff) {
        // one booking at a time per applicant: the limit below is checked and kept under this lock
        jdbc.sql("select pg_advisory_xact_lock(7301, cast(:account as int))").param("account", accountId).query().listOfRows();
        Slot slot = jdbc.sql("select * from oneseal.appointment_slot where id = :id").param("id", slotId)
                .query(Slots::slot).optional().orElseThrow(() -> InvalidInputException.of("slotId",
                        messages.text("hall.slot.unknown")));
        if (slot.matterId() != null && matterId != null && !slot.matterId().equals(matterId)) {
            throw InvalidInputException.of("slotId", messages.text("hall.slot.otherMatter"));
        }
        if (!LocalDateTime.of(slot.day(), slot.starts()).isAfter(LocalDateTime.now(clock))) {
            throw refused(accountId, slot, "past slot", InvalidInputException.of("slotId", messages.text("hall.slot.past")));
        }
        long active = jdbc.sql("""
                select count(*) from oneseal.appointment a join oneseal.appointment_slot s on s.id = a.slot_id
                where a.account_id = :account and a.state = 'BOOKED' and s.day >= :today""")
                .param("account", accountId).param("today", LocalDate.now(clock)).query(Long.class).single();
        if (active >= maxActive) {
            throw refused(accountId, slot, "more than " + maxActive + " active appointments",
                    new BusinessRuleViolation("hall.limit", messages.text("hall.limit", maxActive)));
        }
        boolean same = jdbc.sql("select exists (select 1 from oneseal.appointment where slot_id = :slot and account_id = :a and state = 'BOOKED')")
                .param("slot", slotId).param("a", accountId).query(Boolean.class).single();
        if (same) {
            throw new BusinessRuleViolation("hall.same", messages.text("hall.slot.already"));
        }
        int taken = jdbc.sql("update oneseal.appointment_slot set booked = booked + 1 where id = :id and booked < capacity and open")
                .param("id", slotId).update();
        if (taken == 0) { // the slot filled up (the ordinary end of a race, not an attempt), or its schedule changed
            boolean open = jdbc.sql("select open from oneseal.appointment_slot where id = :id").param("id", slotId)
                    .query(Boolean.class).optional().orElse(false); // closed, or removed a moment ago
            throw open ? new BusinessRuleViolation("hall.full", messages.text("hall.slot.full"))
                    : new BusinessRuleViolation("hall.closed", messages.text("hall.slot.closed"));
        }
        String code = code();
        long id = jdbc.sql("""
                insert into oneseal.appointment (slot_id, account_id, matter_id, code, state, booked_at, booked_by)
                values (:slot, :account, :matter, :code, 'BOOKED', :at, :by) returning id""")
                .param("slot", slotId).param("account", accountId).param("matter", matterId).param("code", code)
                .param("at", Timestamp.from(clock.instant())).param("by", staff).query(Long.class).single();
        audit.record(AuditRecord.of("hall.appointment.book", "Appointment", id)
                .reason(slot.day() + " " + slot.starts() + " " + slot.kind() + (staff == null ? "" : " by " + staff)));
        return new Appointment(id, code, "BOOKED", new Slot(slot.id(), slot.hallId(), slot.groupCode(),
                slot.matterId(), slot.kind(), slot.day(), slot.starts(), slot.ends(), slot.capacity(),
                slot.booked() + 1), accountId, matterId);
    }

    private static Refused refused(long accountId, Slot slot, String why, RuntimeException shown) {
        return new Refused(AuditRecord.of("hall.appointment.book", "AppointmentSlot", slot.id())
                .outcome(AuditOutcome.FAILURE).reason(why + " (account " + accountId + ")"), shown);
    }

    /** Cancels one's own future appointment (the place becomes free again). */
    @Transactional(noRollbackFor = {NotFoundException.class, BusinessRuleViolation.class})
    public Appointment cancel(long appointmentId) {
        AccountPrincipal me = applicant();
        return cancelled(mine(appointmentId, me.accountId()), null);
    }

    /** Cancels an applicant's appointment at a hall of the caller's region (at the window or on the phone). */
    @Transactional(noRollbackFor = {NotFoundException.class, BusinessRuleViolation.class})
    @org.springframework.security.access.prepost.PreAuthorize("hasAuthority('hall:book')")
    public Appointment cancelForApplicant(long appointmentId) {
        String staff = currentUser.principal().orElseThrow().getUsername();
        return cancelled(inMyRegion(appointmentId, "hall.appointment.cancel"), staff);
    }

    private Appointment cancelled(Appointment a, String staff) {
        if (!"BOOKED".equals(a.state())) {
            throw new BusinessRuleViolation("hall.state", messages.text("hall.appointment.notBooked"));
        }
        release(a.id(), a.slot().id());
        audit.record(AuditRecord.of("hall.appointment.cancel", "Appointment", a.id())
                .reason(staff == null ? null : "by " + staff + " for account " + a.accountId()));
        return mine(a.id(), a.accountId());
    }

    /** Moves one's appointment to another slot: the old place is freed and the new one booked, in one transaction. */
    public Appointment change(long appointmentId, long newSlotId) {
        AccountPrincipal me = applicant();
        return booked(() -> changed(mine(appointmentId, me.accountId()), newSlotId, null));
    }

    /** Moves an applicant's appointment at a hall of the caller's region to another slot of such a hall. */
    @org.springframework.security.access.prepost.PreAuthorize("hasAuthority('hall:book')")
    public Appointment changeForApplicant(long appointmentId, long newSlotId) {
        String staff = currentUser.principal().orElseThrow().getUsername();
        // checked outside the booking's transaction: the refusal's audit stays
        Appointment old = inMyRegion(appointmentId, "hall.appointment.change");
        checkSlotInMyRegion(newSlotId);
        return booked(() -> changed(mine(appointmentId, old.accountId()), newSlotId, staff));
    }

    private Appointment changed(Appointment old, long newSlotId, String staff) {
        if (!"BOOKED".equals(old.state())) {
            throw new BusinessRuleViolation("hall.state", messages.text("hall.appointment.notBooked"));
        }
        if (!release(old.id(), old.slot().id())) {
            throw new BusinessRuleViolation("hall.state", messages.text("hall.appointment.notBooked"));
        }
        Appointment moved = bookFor(old.accountId(), newSlotId, old.matterId(), staff);
        jdbc.sql("update oneseal.appointment set changed_from = :old where id = :id").param("old", old.id())
                .param("id", moved.id()).update();
        return moved;
    }

    /** An applicant's appointments at the halls of the caller's region, newest slot first (for staff). */
    @Transactional(readOnly = true)
    @org.springframework.security.access.prepost.PreAuthorize("hasAuthority('hall:book')")
    public List<Appointment> ofApplicant(long accountId) {
        var scope = currentUser.scope();
        return scope.bind(jdbc.sql("""
                select a.id, a.code, a.state, a.account_id, a.matter_id as appointment_matter, s.* from oneseal.appointment a
                join oneseal.appointment_slot s on s.id = a.slot_id join oneseal.org_unit u on u.id = s.hall_id
                where a.account_id = :account and %s order by s.day desc, s.starts desc limit 100"""
                .formatted(scope.condition("u.region_id"))).param("account", accountId))
                .query((rs, n) -> new Appointment(rs.getLong(1), rs.getString(2), rs.getString(3), Slots.slotFrom(rs, 6),
                        rs.getLong(4), (Long) rs.getObject(5))).list();
    }

    /** The appointment, if its hall is in the caller's region (else "not found", audited). */
    private Appointment inMyRegion(long appointmentId, String action) {
        Map<String, Object> row = jdbc.sql("""
                select a.account_id, u.region_id from oneseal.appointment a
                join oneseal.appointment_slot s on s.id = a.slot_id join oneseal.org_unit u on u.id = s.hall_id
                where a.id = :id""").param("id", appointmentId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("appointment " + appointmentId));
        long accountId = ((Number) row.get("account_id")).longValue();
        long region = ((Number) row.get("region_id")).longValue();
        if (!currentUser.scope().covers(region)) {
            audit.record(AuditRecord.of(action, "Appointment", appointmentId).outcome(AuditOutcome.DENIED)
                    .region(region).reason("an appointment at a hall of another region"));
            throw new NotFoundException("appointment " + appointmentId);
        }
        return mine(appointmentId, accountId);
    }

    /** A slot at a hall of another region is no slot for the caller (as if unknown). */
    private void checkSlotInMyRegion(long slotId) {
        Long hallRegion = jdbc.sql("""
                select u.region_id from oneseal.appointment_slot s join oneseal.org_unit u on u.id = s.hall_id
                where s.id = :slot""").param("slot", slotId).query(Long.class).optional().orElse(null);
        if (hallRegion != null && !currentUser.scope().covers(hallRegion)) {
            throw InvalidInputException.of("slotId", messages.text("hall.slot.unknown"));
        }
    }

    /**
     * Cancels a booked appointment and frees its place — once: only the request that changes the state frees it
     * (a double click, or a cancellation racing the check-in, frees nothing twice).
     */
    private boolean release(long appointmentId, long slotId) {
        int changed = jdbc.sql("update oneseal.appointment set state = 'CANCELLED', cancelled_at = :at where id = :id and state = 'BOOKED'")
                .param("at", Timestamp.from(clock.instant())).param("id", appointmentId).update();
        if (changed == 1) {
            jdbc.sql("update oneseal.appointment_slot set booked = booked - 1 where id = :id").param("id", slotId).update();
        }
        return changed == 1;
    }

    /** The signed-in applicant's appointments, newest slot first. */
    @Transactional(readOnly = true)
    public List<Appointment> mine() {
        AccountPrincipal me = applicant();
        return jdbc.sql("""
                select a.id, a.code, a.state, a.account_id, a.matter_id as appointment_matter, s.* from oneseal.appointment a
                join oneseal.appointment_slot s on s.id = a.slot_id where a.account_id = :me
                order by s.day desc, s.starts desc limit 100""").param("me", me.accountId())
                .query((rs, n) -> new Appointment(rs.getLong(1), rs.getString(2), rs.getString(3), Slots.slotFrom(rs, 6),
                        rs.getLong(4), (Long) rs.getObject(5))).list();
    }

    private Appointment mine(long id, long accountId) {
        return jdbc.sql("""
                select a.id, a.code, a.state, a.account_id, a.matter_id as appointment_matter, s.* from oneseal.appointment a
                join oneseal.appointment_slot s on s.id = a.slot_id where a.id = :id and a.account_id = :me""")
                .param("id", id).param("me", accountId)
                .query((rs, n) -> new Appointment(rs.getLong(1), rs.getString(2), rs.getString(3), Slots.slotFrom(rs, 6),
                        rs.getLong(4), (Long) rs.getObject(5))).optional()
                .orElseThrow(() -> new NotFoundException("appointment " + id));
    }

    private AccountPrincipal applicant() {
        return currentUser.principal().filter(p -> p.kind() != AccountKind.STAFF)
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("applicants book"));
    }

    private String code() {
        StringBuilder code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }
}

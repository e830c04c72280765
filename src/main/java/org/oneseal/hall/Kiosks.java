package org.oneseal.hall;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.audit.AuditThrottle;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 取号机: the hall's ticket machines are enrolled devices. A member of the hall's staff, signed in on the machine,
 * enrols it (a name, e.g. "东门取号机"); the machine receives a random secret (a cookie, kept as a SHA-256 hash here)
 * and from then on issues tickets without anybody signed in. Anybody else — a phone in the hall, a script — gets no
 * ticket: refused with a clear message and audited (at most once a minute per address). Each machine issues at most
 * {@code oneseal.hall.kiosk-tickets-per-minute} tickets a minute (default 20), so a stuck key or a flood through one
 * machine cannot fill the queue. Staff of the hall list and revoke their machines.
 */
@Service
class Kiosks {

    static final String COOKIE = "OSKIOSK";

    private final JdbcClient jdbc;
    private final HallQueue queue;
    private final OrganisationManagement organisation;
    private final CurrentUser currentUser;
    private final HallMessages messages;
    private final AuditLog audit;
    private final AuditThrottle throttle;
    private final Clock clock;
    private final int perMinute;
    private final SecureRandom random = new SecureRandom();

    Kiosks(JdbcClient jdbc, HallQueue queue, OrganisationManagement organisation, CurrentUser currentUser,
            HallMessages messages, AuditLog audit, AuditThrottle throttle, Clock clock,
            @Value("${oneseal.hall.kiosk-tickets-per-minute:20}") int perMinute) {
        if (perMinute < 1 || perMinute > 600) {
            throw new IllegalStateException("oneseal.hall.kiosk-tickets-per-minute must be between 1 and 600, not "
                    + perMinute);
        }
        this.jdbc = jdbc;
        this.queue = queue;
        this.organisation = organisation;
        this.currentUser = currentUser;
        this.messages = messages;
        this.audit = audit;
        this.throttle = throttle;
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** An enrolled machine (never its secret). */
    record Kiosk(long id, long hallId, String name, String enrolledBy, Instant enrolledAt, Instant lastUsedAt,
                 String revokedBy, Instant revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A machine just enrolled and the cookie value it keeps (shown once, never stored). */
    record Enrolled(Kiosk kiosk, String cookie) {
    }

    /** Enrols the caller's machine as a ticket machine of their hall. */
    @Transactional(noRollbackFor = {NotFoundException.class, BusinessRuleViolation.class}) // refusals: audited, in it
    @PreAuthorize("hasAuthority('hall:book')")
    Enrolled enrol(long hallId, String name) {
        OrgUnitView hall = myHall(hallId, "hall.kiosk.enrol");
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 60) {
            throw InvalidInputException.of("name", messages.text("hall.kiosk.name"));
        }
        if (jdbc.sql("select exists (select 1 from oneseal.hall_kiosk where hall_id = :h and name = :n and revoked_at is null)")
                .param("h", hallId).param("n", clean).query(Boolean.class).single()) {
            throw InvalidInputException.of("name", messages.text("hall.kiosk.nameTaken"));
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String me = currentUser.principal().orElseThrow().getUsername();
        long id = jdbc.sql("""
                insert into oneseal.hall_kiosk (hall_id, name, token_hash, enrolled_by, enrolled_at)
                values (:hall, :name, :hash, :me, :at) returning id""")
                .param("hall", hallId).param("name", clean).param("hash", hash(token)).param("me", me)
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(AuditRecord.of("hall.kiosk.enrol", "Kiosk", id).region(hall.regionId()).reason(clean));
        return new Enrolled(kiosk(id), id + "." + token);
    }

    /** Revokes a machine of the caller's hall: its cookie issues nothing more. */
    @Transactional(noRollbackFor = {NotFoundException.class, BusinessRuleViolation.class})
    @PreAuthorize("hasAuthority('hall:book')")
    Kiosk revoke(long kioskId) {
        Kiosk k = jdbc.sql("select * from oneseal.hall_kiosk where id = :id").param("id", kioskId).query(Kiosks::row)
                .optional().orElseThrow(() -> new NotFoundException("kiosk " + kioskId));
        OrgUnitView hall = myHall(k.hallId(), "hall.kiosk.revoke");
        if (!k.active()) {
            throw new BusinessRuleViolation("hall.kiosk", messages.text("hall.kiosk.alreadyRevoked"));
        }
        jdbc.sql("update oneseal.hall_kiosk set revoked_by = :me, revoked_at = :at where id = :id and revoked_at is null")
                .param("me", currentUser.principal().orElseThrow().getUsername())
                .param("at", Timestamp.from(clock.instant())).param("id", kioskId).update();
        audit.record(AuditRecord.of("hall.kiosk.revoke", "Kiosk", kioskId).region(hall.regionId()).reason(k.name()));
        return kiosk(kioskId);
    }

    /** The machines of a hall the caller works in, active first. */
    @Transactional(noRollbackFor = {NotFoundException.class, BusinessRuleViolation.class}) // refusals: audited, in it
    @PreAuthorize("hasAuthority('hall:book')")
    List<Kiosk> of(long hallId) {
        myHall(hallId, "hall.kiosk.list");
        return jdbc.sql("select * from oneseal.hall_kiosk where hall_id = :hall order by revoked_at nulls first, id")
                .param("hall", hallId).query(Kiosks::row).list();
    }

    /** The machine holding this cookie value, if it is an active machine of this hall. */
    @Transactional(readOnly = true)
    Optional<Kiosk> recognise(long hallId, String cookie) {
        if (cookie == null || cookie.length() > 100 || cookie.indexOf('.') < 1) {
            return Optional.empty();
        }
        String token = cookie.substring(cookie.indexOf('.') + 1);
        return jdbc.sql("select * from oneseal.hall_kiosk where token_hash = :hash").param("hash", hash(token))
                .query(Kiosks::row).optional()
                .filter(k -> k.hallId() == hallId && k.active() && cookie.startsWith(k.id() + "."));
    }

    /**
     * A ticket from a machine: walk-in (a group) or by appointment code. Refused — with a message for the person at
     * the machine, and audited — when the device is no enrolled machine of this hall or is past its limit. The checks
     * run before the ticket's transaction (a refusal's audit takes no second connection inside one).
     */
    HallQueue.Ticket ticket(long hallId, String cookie, String address, String groupCode, String code) {
        Kiosk kiosk = recognise(hallId, cookie).orElse(null);
        if (kiosk == null) {
            throttle.record(address, AuditRecord.of("hall.kiosk.ticket", "Hall", hallId).outcome(AuditOutcome.DENIED)
                    .reason("not an enrolled ticket machine of this hall"));
            throw new NotAKiosk(messages.text("hall.kiosk.notEnrolled"));
        }
        long recent = jdbc.sql("""
                select count(*) from oneseal.queue_ticket where kiosk_id = :k and issued_at > :since""")
                .param("k", kiosk.id()).param("since", Timestamp.from(clock.instant().minus(Duration.ofMinutes(1))))
                .query(Long.class).single();
        if (recent >= perMinute) {
            throttle.record("kiosk " + kiosk.id(), AuditRecord.of("hall.kiosk.ticket", "Kiosk", kiosk.id())
                    .outcome(AuditOutcome.FAILURE).reason("more than " + perMinute + " tickets a minute"));
            throw new BusinessRuleViolation("hall.kiosk.limit", messages.text("hall.kiosk.busy"));
        }
        return code != null && !code.isBlank() ? queue.byAppointment(hallId, code, kiosk.id())
                : queue.walkIn(hallId, groupCode, kiosk.id());
    }

    /** The device is no ticket machine of the hall (shown as 403). */
    static final class NotAKiosk extends RuntimeException {

        NotAKiosk(String message) {
            super(message);
        }
    }

    /**
     * The hall, if the caller works there: in their scope (else "not found") and their hall or one of its windows
     * (else refused). Both refusals are audited.
     */
    private OrgUnitView myHall(long hallId, String action) {
        OrgUnitView window = queue.hallInScope(hallId, action);
        Long unit = currentUser.principal().orElseThrow().orgUnitId();
        boolean mine = unit != null && (unit == hallId || organisation.serviceWindows().stream()
                .anyMatch(w -> w.id() == unit && Objects.equals(w.parentId(), hallId)));
        if (!mine) {
            audit.record(AuditRecord.of(action, "Hall", hallId).outcome(AuditOutcome.DENIED).region(window.regionId())
                    .reason("not the caller's hall"));
            throw new BusinessRuleViolation("hall.kiosk.hall", messages.text("hall.kiosk.notYourHall"));
        }
        return window;
    }

    private Kiosk kiosk(long id) {
        return jdbc.sql("select * from oneseal.hall_kiosk where id = :id").param("id", id).query(Kiosks::row).single();
    }

    private static Kiosk row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Kiosk(rs.getLong("id"), rs.getLong("hall_id"), rs.getString("name"), rs.getString("enrolled_by"),
                rs.getTimestamp("enrolled_at").toInstant(),
                rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant(),
                rs.getString("revoked_by"),
                rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant());
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

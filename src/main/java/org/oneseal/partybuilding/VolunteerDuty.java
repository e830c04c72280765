package org.oneseal.partybuilding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer duty done (志愿服务签到与时长): a member signs in for their own shift on its day, from 30 minutes before it
 * starts until 30 minutes after it ends; a member who missed signing in has it recorded by whoever manages the
 * roster's organisation, with a reason. Hours are the sum of the signed-in shifts' lengths.
 */
@Service
class VolunteerDuty {

    static final int GRACE_MINUTES = 30;

    private final JdbcClient jdbc;
    private final PartyRecords records;
    private final VolunteerRosters rosters;
    private final AuditLog audit;

    VolunteerDuty(JdbcClient jdbc, PartyRecords records, VolunteerRosters rosters, AuditLog audit) {
        this.jdbc = jdbc;
        this.records = records;
        this.rosters = rosters;
        this.audit = audit;
    }

    /**
     * A member on a shift: status SIGNED_IN (by themselves), RECORDED (a missed sign-in recorded by staff), MISSED
     * (over without a sign-in) or PLANNED.
     */
    record Duty(long id, long rosterId, String place, long orgId, String shiftName, LocalDate day, LocalTime startsAt,
                LocalTime endsAt, long memberId, String memberName, String status, Instant signedInAt, String reason) {
    }

    /** A member's hours in a period: the signed-in shifts and their minutes. */
    record Hours(long memberId, String memberName, long shifts, long minutes, BigDecimal hours) {
    }

    record MemberDuties(long memberId, LocalDate from, LocalDate to, List<Duty> duties, Hours total) {
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    Duty signIn(long dutyId) {
        Duty d = duty(dutyId);
        if (!records.isMe(d.memberId())) {
            audit.recordIndependently(AuditRecord.of("party.duty.signIn", "PartyVolunteerDuty", dutyId)
                    .outcome(AuditOutcome.DENIED).reason("another member's shift"));
            throw new BusinessRuleViolation("party.duty.notYours", records.text("party.duty.notYours"));
        }
        notSigned(d);
        LocalDateTime opens = d.day().atTime(d.startsAt()).minusMinutes(GRACE_MINUTES);
        LocalDateTime closes = d.day().atTime(d.endsAt()).plusMinutes(GRACE_MINUTES);
        LocalDateTime now = records.now();
        if (now.isBefore(opens) || now.isAfter(closes)) {
            throw new BusinessRuleViolation("party.duty.window", records.text("party.duty.window", d.day(),
                    opens.toLocalTime(), closes.toLocalTime()));
        }
        sign(dutyId, null);
        audit.record(AuditRecord.of("party.duty.signIn", "PartyVolunteerDuty", dutyId));
        return duty(dutyId);
    }

    /** Puts a member on a shift (see {@link VolunteerRosters#assign}). */
    @Transactional(noRollbackFor = NotFoundException.class)
    Duty assign(long rosterId, VolunteerRosters.Assignment a) {
        return duty(rosters.assign(rosterId, a));
    }

    /** Records a sign-in the member missed (staff of the roster's organisation, with a reason). */
    @Transactional(noRollbackFor = NotFoundException.class)
    Duty recordMissed(long dutyId, String reasonText) {
        Duty d = duty(dutyId);
        records.access().requireManaged(d.orgId(), "party.duty.recordMissed");
        var errors = new InvalidInputException.Collector();
        String reason = records.required(errors, "reason", reasonText, 200, "party.duty.reason");
        errors.throwIfAny();
        notSigned(d);
        if (records.now().isBefore(d.day().atTime(d.startsAt()))) {
            throw new BusinessRuleViolation("party.duty.notBegun", records.text("party.duty.notBegun"));
        }
        sign(dutyId, reason);
        audit.record(AuditRecord.of("party.duty.recordMissed", "PartyVolunteerDuty", dutyId).reason(reason));
        return duty(dutyId);
    }

    /** The members on duty in a roster, by day and shift. */
    @Transactional(noRollbackFor = NotFoundException.class)
    List<Duty> ofRoster(long rosterId) {
        rosters.visible(rosterId);
        return duties("r.id = :id", Map.of("id", rosterId));
    }

    /** A member's shifts in a period and their hours (the member's own, or seen through their organisation). */
    @Transactional(noRollbackFor = NotFoundException.class)
    MemberDuties ofMember(long memberId, LocalDate from, LocalDate to) {
        records.requireMemberVisible(memberId, "party.duty.read");
        records.period(from, to);
        List<Duty> duties = duties("d.member_id = :m and d.day between :from and :to",
                Map.of("m", memberId, "from", from, "to", to));
        long minutes = duties.stream().filter(d -> d.signedInAt() != null)
                .mapToLong(d -> java.time.Duration.between(d.startsAt(), d.endsAt()).toMinutes()).sum();
        long shifts = duties.stream().filter(d -> d.signedInAt() != null).count();
        return new MemberDuties(memberId, from, to, duties,
                new Hours(memberId, records.memberName(memberId), shifts, minutes, hours(minutes)));
    }

    /** Hours per member in a period, on the rosters of an organisation and those below it. */
    @Transactional(noRollbackFor = NotFoundException.class)
    List<Hours> hours(long orgId, LocalDate from, LocalDate to) {
        records.access().requireVisible(orgId, "party.duty.hours");
        records.period(from, to);
        return jdbc.sql("""
                select m.id, m.name, count(*), coalesce(sum(extract(epoch from s.ends_at - s.starts_at) / 60), 0)
                from oneseal.party_volunteer_duty d join oneseal.party_volunteer_shift s on s.id = d.shift_id
                join oneseal.party_volunteer_roster r on r.id = s.roster_id join oneseal.party_member m on m.id = d.member_id
                where d.signed_in_at is not null and d.day between :from and :to and r.org_id in (%s)
                group by m.id, m.name order by 4 desc, m.name""".formatted(PartyOrganisation.SUBTREE)).param("org", orgId)
                .param("from", from).param("to", to)
                .query((rs, n) -> new Hours(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        hours(rs.getLong(4)))).list();
    }

    static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }

    private void notSigned(Duty d) {
        if (d.signedInAt() != null) {
            throw new BusinessRuleViolation("party.duty.signed", records.text("party.duty.signed"));
        }
    }

    private void sign(long dutyId, String reason) {
        int updated = jdbc.sql("""
                update oneseal.party_volunteer_duty set signed_in_at = :at, signed_in_by = :by, reason = :reason
                where id = :id and signed_in_at is null""").param("at", Timestamp.from(records.instant()))
                .param("by", records.access().staff().getUsername()).param("reason", reason).param("id", dutyId)
                .update();
        if (updated == 0) {
            throw new BusinessRuleViolation("party.duty.signed", records.text("party.duty.signed"));
        }
    }

    private Duty duty(long id) {
        return duties("d.id = :id", Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("duty " + id));
    }

    private List<Duty> duties(String condition, Map<String, ?> params) {
        LocalDateTime now = records.now();
        return jdbc.sql("""
                select d.*, s.name as shift_name, s.starts_at, s.ends_at, r.id as roster_id, r.place, r.org_id,
                       m.name as member_name
                from oneseal.party_volunteer_duty d join oneseal.party_volunteer_shift s on s.id = d.shift_id
                join oneseal.party_volunteer_roster r on r.id = s.roster_id join oneseal.party_member m on m.id = d.member_id
                where %s order by d.day, s.starts_at, m.name""".formatted(condition)).params(params)
                .query((rs, n) -> {
                    LocalDate day = rs.getDate("day").toLocalDate();
                    LocalTime ends = rs.getObject("ends_at", LocalTime.class);
                    Timestamp signed = rs.getTimestamp("signed_in_at");
                    String reason = rs.getString("reason");
                    String status = signed != null ? (reason == null ? "SIGNED_IN" : "RECORDED")
                            : now.isAfter(day.atTime(ends).plusMinutes(GRACE_MINUTES)) ? "MISSED" : "PLANNED";
                    return new Duty(rs.getLong("id"), rs.getLong("roster_id"), rs.getString("place"),
                            rs.getLong("org_id"), rs.getString("shift_name"), day,
                            rs.getObject("starts_at", LocalTime.class), ends, rs.getLong("member_id"),
                            rs.getString("member_name"), status, signed == null ? null : signed.toInstant(), reason);
                }).list();
    }
}

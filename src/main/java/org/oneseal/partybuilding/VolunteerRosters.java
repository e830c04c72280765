package org.oneseal.partybuilding;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.ConflictException;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer duty rosters (志愿服务排班): an organisation runs a roster for a place (the hall, a community) over a
 * period, with the shifts of each day (e.g. 上午 08:30–12:00, 下午 14:00–17:30, 晚上 18:00–20:30; a shift ends after it
 * starts, on the same day). Whoever manages the organisation plans it and puts its members on shifts: a member on
 * duty must belong to the organisation (or one below it) on the day, and cannot be on two overlapping shifts.
 * Signing in and hours: {@link VolunteerDuty}.
 */
@Service
class VolunteerRosters {

    static final List<String> PLACE_KINDS = List.of("HALL", "COMMUNITY", "OTHER");
    static final int MAX_SHIFTS = 6;

    private final JdbcClient jdbc;
    private final PartyRecords records;
    private final AuditLog audit;

    VolunteerRosters(JdbcClient jdbc, PartyRecords records, AuditLog audit) {
        this.jdbc = jdbc;
        this.records = records;
        this.audit = audit;
    }

    record Shift(long id, String name, LocalTime startsAt, LocalTime endsAt) {
    }

    record Roster(long id, long orgId, String orgName, String place, String placeKind, LocalDate startsOn,
                  LocalDate endsOn, List<Shift> shifts) {
    }

    /** A shift as submitted: times as {@code HH:mm}. */
    record NewShift(String name, String start, String end) {
    }

    record NewRoster(String place, String placeKind, LocalDate startsOn, LocalDate endsOn, List<NewShift> shifts) {
    }

    record Assignment(Long shiftId, LocalDate day, Long memberId) {
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    Roster create(long orgId, NewRoster r) {
        records.access().requireManaged(orgId, "party.roster.create");
        PartyOrganisation.Org org = records.organisation().org(orgId);
        var errors = new InvalidInputException.Collector();
        String place = records.required(errors, "place", r.place(), 100, "party.roster.place");
        if (!PartyRecords.oneOf(PLACE_KINDS, r.placeKind())) {
            errors.add("placeKind", records.text("party.roster.placeKind"));
        }
        boolean starts = day(errors, "startsOn", r.startsOn());
        if (day(errors, "endsOn", r.endsOn()) && starts && (r.endsOn().isBefore(r.startsOn())
                || r.endsOn().isAfter(r.startsOn().plusYears(1)))) {
            errors.add("endsOn", records.text("party.roster.period"));
        }
        List<Shift> shifts = shifts(errors, r.shifts());
        errors.throwIfAny();
        records.organisation().checkDay(org, r.startsOn(), "startsOn");
        records.organisation().checkDay(org, r.endsOn(), "endsOn");
        long id = jdbc.sql("""
                insert into oneseal.party_volunteer_roster (org_id, place, place_kind, starts_on, ends_on, created_by,
                    created_at) values (:o, :p, :k, :s, :e, :by, :at) returning id""").param("o", orgId)
                .param("p", place).param("k", r.placeKind()).param("s", r.startsOn()).param("e", r.endsOn())
                .param("by", records.access().staff().getUsername()).param("at", Timestamp.from(records.instant()))
                .query(Long.class).single();
        for (Shift s : shifts) {
            jdbc.sql("""
                    insert into oneseal.party_volunteer_shift (roster_id, name, starts_at, ends_at)
                    values (:r, :n, :s, :e)""").param("r", id).param("n", s.name()).param("s", s.startsAt())
                    .param("e", s.endsAt()).update();
        }
        audit.record(AuditRecord.of("party.roster.create", "PartyVolunteerRoster", id).reason(place));
        return roster(id);
    }

    /** Puts a member of the roster's organisation on a shift on a day of the roster. */
    @Transactional(noRollbackFor = NotFoundException.class)
    long assign(long rosterId, Assignment a) {
        Roster roster = roster(rosterId);
        records.access().requireManaged(roster.orgId(), "party.roster.assign");
        var errors = new InvalidInputException.Collector();
        Shift shift = roster.shifts().stream().filter(s -> a.shiftId() != null && s.id() == a.shiftId()).findFirst()
                .orElse(null);
        if (shift == null) {
            errors.add("shiftId", records.text("party.roster.shift"));
        }
        if (a.day() == null || a.day().isBefore(roster.startsOn()) || a.day().isAfter(roster.endsOn())) {
            errors.add("day", records.text("party.roster.day", roster.startsOn(), roster.endsOn()));
        }
        if (a.memberId() == null) {
            errors.add("memberId", records.text("party.assessment.member"));
        }
        errors.throwIfAny();
        if (!records.memberOn(roster.orgId(), a.memberId(), a.day())) {
            throw InvalidInputException.of("memberId", records.text("party.roster.notMember", roster.orgName(), a.day()));
        }
        // one assignment of a member and day at a time: two at once would each miss the other's overlapping shift
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:k))").param("k", "party-duty-" + a.memberId() + "-" + a.day())
                .query().listOfRows();
        if (jdbc.sql("""
                select exists (select 1 from oneseal.party_volunteer_duty d join oneseal.party_volunteer_shift s
                on s.id = d.shift_id where d.member_id = :m and d.day = :d and s.starts_at < :e and s.ends_at > :s)""")
                .param("m", a.memberId()).param("d", a.day()).param("s", shift.startsAt()).param("e", shift.endsAt())
                .query(Boolean.class).single()) {
            throw new ConflictException("memberId", records.text("party.roster.busy", a.day()));
        }
        long id = jdbc.sql("""
                insert into oneseal.party_volunteer_duty (shift_id, day, member_id, assigned_by, assigned_at)
                values (:s, :d, :m, :by, :at) returning id""").param("s", shift.id()).param("d", a.day())
                .param("m", a.memberId()).param("by", records.access().staff().getUsername())
                .param("at", Timestamp.from(records.instant())).query(Long.class).single();
        audit.record(AuditRecord.of("party.roster.assign", "PartyVolunteerDuty", id)
                .reason(a.day() + " " + shift.name()));
        return id;
    }

    /** The rosters of an organisation and of those below it, newest first. */
    @Transactional(noRollbackFor = NotFoundException.class)
    List<Roster> ofOrg(long orgId) {
        records.access().requireVisible(orgId, "party.roster.list");
        return jdbc.sql("select id from oneseal.party_volunteer_roster where org_id in (%s) order by starts_on desc, id desc"
                .formatted(PartyOrganisation.SUBTREE)).param("org", orgId).query(Long.class).list().stream()
                .map(this::roster).toList();
    }

    /** A roster the caller sees (through its organisation). */
    @Transactional(noRollbackFor = NotFoundException.class)
    Roster visible(long rosterId) {
        Roster r = roster(rosterId);
        records.access().requireVisible(r.orgId(), "party.roster.read");
        return r;
    }

    Roster roster(long id) {
        List<Shift> shifts = jdbc.sql("select * from oneseal.party_volunteer_shift where roster_id = :r order by starts_at")
                .param("r", id).query((rs, n) -> new Shift(rs.getLong("id"), rs.getString("name"),
                        rs.getObject("starts_at", LocalTime.class), rs.getObject("ends_at", LocalTime.class))).list();
        return jdbc.sql("""
                select r.*, o.name as org_name from oneseal.party_volunteer_roster r join oneseal.party_org o on o.id = r.org_id
                where r.id = :id""").param("id", id)
                .query((rs, n) -> new Roster(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"),
                        rs.getString("place"), rs.getString("place_kind"), rs.getDate("starts_on").toLocalDate(),
                        rs.getDate("ends_on").toLocalDate(), shifts)).optional()
                .orElseThrow(() -> new NotFoundException("roster " + id));
    }

    /** The shifts of a roster: 1 to 6, named uniquely, each ending after it starts. Rows left blank are skipped. */
    private List<Shift> shifts(InvalidInputException.Collector errors, List<NewShift> submitted) {
        List<Shift> shifts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<NewShift> given = submitted == null ? List.of() : submitted.stream().filter(s -> s != null
                && !(blank(s.name()) && blank(s.start()) && blank(s.end()))).toList();
        for (int i = 0; i < given.size(); i++) {
            NewShift s = given.get(i);
            String field = "shifts[" + i + "].";
            String name = records.required(errors, field + "name", s.name(), 20, "party.roster.shiftName");
            if (!name.isEmpty() && !names.add(name)) {
                errors.add(field + "name", records.text("party.roster.shiftNameTwice"));
            }
            LocalTime start = time(errors, field + "start", s.start());
            LocalTime end = time(errors, field + "end", s.end());
            if (start != null && end != null && !end.isAfter(start)) {
                errors.add(field + "end", records.text("party.roster.endBeforeStart"));
            }
            shifts.add(new Shift(0, name, start, end));
        }
        if (given.isEmpty() || given.size() > MAX_SHIFTS) {
            errors.add("shifts", records.text("party.roster.shifts", MAX_SHIFTS));
        }
        return shifts;
    }

    /** A day of the roster: given, within the years of the calendar (1900–9999); whether it is one. */
    private boolean day(InvalidInputException.Collector errors, String field, LocalDate day) {
        if (day == null) {
            errors.add(field, records.text("party.date.missing"));
            return false;
        }
        if (day.getYear() < PartyRecords.EARLIEST_YEAR || day.getYear() > PartyRecords.LATEST_YEAR) {
            errors.add(field, records.text("party.date.invalid"));
            return false;
        }
        return true;
    }

    private LocalTime time(InvalidInputException.Collector errors, String field, String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, records.text("party.roster.time"));
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

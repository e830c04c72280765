package org.oneseal.partybuilding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Study reflections (学习心得): written by the member (submitted themselves) or recorded by the party-affairs worker
 * of the member's organisation, with a yearly minimum ({@code oneseal.party.reflections-per-year}, 1–52, default 4;
 * the application does not start with another value). Who is behind: pro rata over the completed months of the year
 * in which the member belonged to the bureau's party organisation — by the end of month m a member who was there all
 * year owes ⌊minimum × m / 12⌋ (with 4: one by the end of March, two by June …, all four for a finished year).
 */
@Service
public class Reflections {

    private final JdbcClient jdbc;
    private final StudyAccess access;
    private final StudyRules rules;
    private final PartyOrganisation organisation;
    private final PartyMessages messages;
    private final AuditLog audit;
    private final Clock clock;
    private final int perYear;

    Reflections(JdbcClient jdbc, StudyAccess access, StudyRules rules, PartyOrganisation organisation,
            PartyMessages messages, AuditLog audit, Clock clock,
            @Value("${oneseal.party.reflections-per-year:4}") int perYear) {
        if (perYear < 1 || perYear > 52) {
            throw new IllegalStateException("oneseal.party.reflections-per-year must be between 1 and 52, not " + perYear);
        }
        this.jdbc = jdbc;
        this.access = access;
        this.rules = rules;
        this.organisation = organisation;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
        this.perYear = perYear;
    }

    /** What submits a reflection. */
    public record NewReflection(LocalDate writtenOn, String title, String body) {
    }

    /** A reflection; {@code byMember} false when the party-affairs worker recorded it. */
    public record Reflection(long id, long memberId, String memberName, LocalDate writtenOn, String title,
                             String body, boolean byMember, String recordedBy) {
    }

    /** A member's standing for the year so far: written, owed by now (pro rata), the yearly minimum. */
    public record Standing(long memberId, String name, String orgName, int written, int expectedSoFar, int minimum,
                           boolean behind) {
    }

    /** Who is behind in an organisation: its members on {@code asOf} (today, or the year's last day). */
    public record Progress(long orgId, String orgName, int year, LocalDate asOf, int perYear, List<Standing> members) {
    }

    public int perYear() {
        return perYear;
    }

    /** The caller submits a reflection of their own. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Reflection submit(NewReflection r) {
        return save(access.me(), r, true);
    }

    /** The party-affairs worker records a member's reflection (handed in on paper). */
    @Transactional(noRollbackFor = {NotFoundException.class, AccessDeniedException.class})
    public Reflection recordFor(long memberId, NewReflection r) {
        Long org = organisation.currentOrg(memberId).orElse(null);
        if (org == null) {
            access.requireMemberVisible(memberId, "party.reflection.record");
            throw new BusinessRuleViolation("party.member.gone", messages.text("party.member.gone"));
        }
        access.requireManaged(org, "party.reflection.record");
        return save(memberId, r, false);
    }

    /** One reflection: for the member and whoever sees the member's organisation. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Reflection reflection(long id) {
        Reflection r = find("r.id = :id", Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("reflection " + id));
        access.requireMemberVisible(r.memberId(), "party.reflection.read");
        return r;
    }

    /** A member's reflections, newest first (access is the caller's to check). */
    List<Reflection> of(long memberId) {
        return find("r.member_id = :m", Map.of("m", memberId));
    }

    /** Who is behind in an organisation (and the cells below it) for a year. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Progress progress(long orgId, Integer year) {
        PartyOrganisation.Org org = access.org(orgId);
        access.requireVisible(orgId, "party.reflection.progress");
        int y = rules.year(year);
        LocalDate asOf = y == rules.today().getYear() ? rules.today() : LocalDate.of(y, 12, 31);
        List<Standing> standings = jdbc.sql("""
                select m.id, m.name, s.org_name,
                    (select min(x.since) from oneseal.party_membership x where x.member_id = m.id) as arrived,
                    (select count(*) from oneseal.party_reflection r where r.member_id = m.id
                        and r.written_on between :first and :asOf) as written
                from oneseal.party_member m
                join lateral (select o.name as org_name from oneseal.party_membership x
                    join oneseal.party_org o on o.id = x.org_id where x.member_id = m.id and x.since <= :asOf
                    and (x.until is null or x.until >= :asOf) order by x.since desc, x.id desc limit 1) s on true
                where m.id in (:members)
                order by m.name""").param("members", members(orgId, asOf)).param("first", LocalDate.of(y, 1, 1))
                .param("asOf", asOf)
                .query((rs, n) -> standing(rs.getLong("id"), rs.getString("name"), rs.getString("org_name"),
                        rs.getInt("written"), rs.getDate("arrived").toLocalDate(), asOf)).stream()
                .sorted(java.util.Comparator.comparing((Standing st) -> !st.behind())).toList();
        return new Progress(orgId, org.name(), y, asOf, perYear, standings);
    }

    /** A member's standing for the year of {@code asOf}, or null when they are no member that day. */
    Standing standing(long memberId, LocalDate asOf) {
        return jdbc.sql("""
                select m.name, (select min(x.since) from oneseal.party_membership x where x.member_id = m.id) as arrived,
                    (select count(*) from oneseal.party_reflection r where r.member_id = m.id
                        and r.written_on between :first and :asOf) as written
                from oneseal.party_member m where m.id = :m""").param("m", memberId)
                .param("first", asOf.withDayOfYear(1)).param("asOf", asOf)
                .query((rs, n) -> rs.getDate("arrived") == null ? null : standing(memberId, rs.getString("name"),
                        null, rs.getInt("written"), rs.getDate("arrived").toLocalDate(), asOf)).optional().orElse(null);
    }

    /**
     * Pro rata: the completed months of the year up to {@code asOf} (the month of {@code asOf} counts once its last
     * day is reached), counted from the first whole month after the member arrived in the bureau's organisation.
     */
    Standing standing(long id, String name, String org, int written, LocalDate arrived, LocalDate asOf) {
        LocalDate yearStart = asOf.withDayOfYear(1);
        LocalDate start = arrived.isAfter(yearStart)
                ? (arrived.getDayOfMonth() == 1 ? arrived : arrived.withDayOfMonth(1).plusMonths(1)) : yearStart;
        LocalDate end = asOf.plusDays(1).withDayOfMonth(1);
        long months = Math.max(0, ChronoUnit.MONTHS.between(start, end));
        int minimum = (int) (perYear * Math.max(0, ChronoUnit.MONTHS.between(start, yearStart.plusYears(1))) / 12);
        int expected = (int) (perYear * months / 12);
        return new Standing(id, name, org, written, expected, minimum, written < expected);
    }

    private List<Long> members(long orgId, LocalDate day) {
        List<Long> ids = List.copyOf(organisation.membersOn(orgId, day));
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    private Reflection save(long memberId, NewReflection r, boolean byMember) {
        var errors = new InvalidInputException.Collector();
        rules.day(errors, "writtenOn", r.writtenOn());
        String title = rules.text(errors, "title", r.title(), 100, true);
        String body = rules.text(errors, "body", r.body(), 20000, true);
        errors.throwIfAny();
        if (access.orgOn(memberId, r.writtenOn()) == null) {
            throw InvalidInputException.of("writtenOn", messages.text("party.study.notMemberThen", r.writtenOn()));
        }
        long id = jdbc.sql("""
                insert into oneseal.party_reflection (member_id, written_on, title, body, by_member, recorded_by, recorded_at)
                values (:m, :d, :t, :b, :self, :by, :at) returning id""").param("m", memberId).param("d", r.writtenOn())
                .param("t", title).param("b", body).param("self", byMember).param("by", access.username())
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(AuditRecord.of("party.reflection.submit", "PartyReflection", id)
                .reason((byMember ? "self " : "by worker ") + memberId));
        return find("r.id = :id", Map.of("id", id)).getFirst();
    }

    private List<Reflection> find(String condition, Map<String, ?> params) {
        var spec = jdbc.sql("""
                select r.*, m.name as member_name from oneseal.party_reflection r
                join oneseal.party_member m on m.id = r.member_id where %s
                order by r.written_on desc, r.id desc""".formatted(condition));
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query((rs, n) -> new Reflection(rs.getLong("id"), rs.getLong("member_id"),
                rs.getString("member_name"), rs.getDate("written_on").toLocalDate(), rs.getString("title"),
                rs.getString("body"), rs.getBoolean("by_member"), rs.getString("recorded_by"))).list();
    }
}

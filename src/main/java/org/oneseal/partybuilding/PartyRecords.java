package org.oneseal.partybuilding;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What the records of assessment, recognition and volunteer duty share: the bureau's organ committee, whose
 * organisation a member counts in (for access), membership on a day, and the field rules of texts, months and
 * periods (each broken rule a field message from the bundle).
 */
@Component
class PartyRecords {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Days of these records (awards, honours, posts, periods) lie within these years. */
    static final int EARLIEST_YEAR = 1900;
    static final int LATEST_YEAR = 9999;

    private final JdbcClient jdbc;
    private final PartyAccess access;
    private final PartyOrganisation organisation;
    private final PartyMessages messages;
    private final Clock clock;

    PartyRecords(JdbcClient jdbc, PartyAccess access, PartyOrganisation organisation, PartyMessages messages,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.organisation = organisation;
        this.messages = messages;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    java.time.LocalDateTime now() {
        return java.time.LocalDateTime.now(clock.withZone(ZONE));
    }

    java.time.Instant instant() {
        return clock.instant();
    }

    PartyAccess access() {
        return access;
    }

    PartyOrganisation organisation() {
        return organisation;
    }

    /** A text of the bundle; numbers (years, limits) are shown as they are, without grouping. */
    String text(String key, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof Number ? String.valueOf(args[i]) : args[i];
        }
        return messages.text(key, shown);
    }

    /** Whether the caller manages the organ committee (publishes notices, records commendations). */
    boolean managesCommittee() {
        return access.managing() && committeeSeen();
    }

    /** Whether the caller sees the organ committee (previews notices, reads the figures). */
    boolean committeeSeen() {
        return committee().map(access.visibleOrgs()::contains).orElse(false);
    }

    /** The bureau's organ party committee (机关党委): its managers publish notices and record commendations. */
    long organCommittee() {
        return committee().orElseThrow(() -> new BusinessRuleViolation("party.committee.none",
                text("party.committee.none")));
    }

    private Optional<Long> committee() {
        return jdbc.sql("""
                select id from oneseal.party_org where kind = 'ORGAN_COMMITTEE' and dissolved_on is null
                order by id limit 1""").query(Long.class).optional();
    }

    /** Refuses anyone who does not manage the organ committee (404 when not seen, 403 without party:manage). */
    long requireCommitteeManaged(String action) {
        long committee = organCommittee();
        access.requireManaged(committee, action);
        return committee;
    }

    /** The organisation a member counts in: their current one, or the last one for a member transferred out. */
    Optional<Long> memberOrg(long memberId) {
        return jdbc.sql("""
                select org_id from oneseal.party_membership where member_id = :m
                order by (until is null) desc, since desc, id desc limit 1""").param("m", memberId).query(Long.class)
                .optional();
    }

    /** The caller's member id; staff who are not party members are refused (403). */
    long me() {
        return access.myMemberId().orElseThrow(() -> new AccessDeniedException("party members only"));
    }

    boolean isMe(long memberId) {
        return access.myMemberId().filter(id -> id == memberId).isPresent();
    }

    /** The member's records are the member's own, or seen by whoever sees their organisation. */
    void requireMemberVisible(long memberId, String action) {
        if (!isMe(memberId)) {
            access.requireVisible(memberOrg(memberId).orElseThrow(() -> new NotFoundException("member " + memberId)),
                    action);
        }
    }

    /** Recording for a member: whoever manages the member's organisation. */
    long requireMemberManaged(long memberId, String action) {
        long org = memberOrg(memberId).orElseThrow(() -> new NotFoundException("member " + memberId));
        access.requireManaged(org, action);
        return org;
    }

    /** Whether the member belonged to the organisation (or one below it) on the day. */
    boolean memberOn(long orgId, long memberId, LocalDate day) {
        return organisation.membersOn(orgId, day).contains(memberId);
    }

    /** Whether the member belonged to any organisation of the tree on the day. */
    boolean memberOfBureauOn(long memberId, LocalDate day) {
        return jdbc.sql("""
                select exists (select 1 from oneseal.party_membership where member_id = :m and since <= :d
                and (until is null or until >= :d))""").param("m", memberId).param("d", day).query(Boolean.class)
                .single();
    }

    /** Whether the member held a party role at some time in the year. */
    boolean heldRoleIn(long memberId, int year) {
        return jdbc.sql("""
                select exists (select 1 from oneseal.party_role where member_id = :m
                and extract(year from since) <= :y and (until is null or extract(year from until) >= :y))""")
                .param("m", memberId).param("y", year).query(Boolean.class).single();
    }

    /** SQL of the organisation a member (the column in %s) counts in: current, or the last. */
    static final String LAST_ORG = """
            select s.org_id from oneseal.party_membership s where s.member_id = %s
            order by (s.until is null) desc, s.since desc, s.id desc limit 1""";

    String memberName(long memberId) {
        return jdbc.sql("select name from oneseal.party_member where id = :m").param("m", memberId).query(String.class)
                .optional().orElseThrow(() -> new NotFoundException("member " + memberId));
    }

    /** The organisations the caller sees, never empty (for an {@code in (:visible)} condition). */
    List<Long> visible() {
        List<Long> ids = new ArrayList<>(access.visibleOrgs());
        if (ids.isEmpty()) {
            ids.add(-1L);
        }
        return ids;
    }

    /** Party records are for party members and those who hold a role; other staff are refused (403). */
    void requireInTree(String action) {
        if (access.myMemberId().isEmpty() && access.visibleOrgs().isEmpty()) {
            access.deny(action, "PartyOrg", 0, "not a party member");
            throw new AccessDeniedException("party members only");
        }
    }

    // ------------------------------------------------------------------------------------------------ field rules

    /** Whether a submitted choice is one of the allowed (null is none of them). */
    static boolean oneOf(List<String> allowed, String value) {
        return value != null && allowed.contains(value);
    }

    /** A text that must be given, at most {@code max} characters; stripped. */
    String required(InvalidInputException.Collector errors, String field, String value, int max, String key) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            errors.add(field, text(key, max));
        }
        return v;
    }

    /** A text that may be left empty, at most {@code max} characters; null when empty. */
    String optional(InvalidInputException.Collector errors, String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            errors.add(field, text("party.text.tooLong", max));
        }
        return v.isEmpty() ? null : v;
    }

    /** A month as {@code yyyy-MM}, not after the current month. */
    YearMonth month(InvalidInputException.Collector errors, String field, String value) {
        YearMonth month;
        try {
            month = value == null || value.isBlank() ? null : YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            month = null;
        }
        if (month == null || month.getYear() < EARLIEST_YEAR) {
            errors.add(field, text("party.month.invalid"));
            return null;
        } else if (month.isAfter(YearMonth.from(today()))) {
            errors.add(field, text("party.month.future"));
            return null;
        }
        return month;
    }

    /** A day that must be given and not lie in the future. */
    LocalDate pastDay(InvalidInputException.Collector errors, String field, LocalDate day) {
        if (day == null) {
            errors.add(field, text("party.date.missing"));
        } else if (day.getYear() < EARLIEST_YEAR) {
            errors.add(field, text("party.date.invalid"));
        } else if (day.isAfter(today())) {
            errors.add(field, text("party.date.future"));
        }
        return day;
    }

    /** A period of figures or hours: both days given, from not after to. */
    static void period(InvalidInputException.Collector errors, LocalDate from, LocalDate to, PartyMessages messages) {
        if (from == null || from.getYear() < EARLIEST_YEAR || from.getYear() > LATEST_YEAR) {
            errors.add("from", messages.text(from == null ? "party.date.missing" : "party.date.invalid"));
        }
        if (to == null || to.getYear() < EARLIEST_YEAR || to.getYear() > LATEST_YEAR) {
            errors.add("to", messages.text(to == null ? "party.date.missing" : "party.date.invalid"));
        }
        if (from != null && to != null && from.isAfter(to)) {
            errors.add("from", messages.text("party.period.order"));
        }
    }

    void period(LocalDate from, LocalDate to) {
        var errors = new InvalidInputException.Collector();
        period(errors, from, to, messages);
        errors.throwIfAny();
    }
}

package org.oneseal.partybuilding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.identity.StaffDirectory;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The party organisation (党组织): the tree party group → organ party committee → branches → cells, its members with
 * their history (joined, transferred in, moved between branches, transferred out) and party roles. Who sees and
 * manages what: {@link PartyAccess}. Every change is audited; a refused change changes nothing.
 */
@Service
public class PartyOrganisation {

    /** Which kind of organisation may stand under which. */
    private static final Map<String, String> PARENT_KIND = Map.of("ORGAN_COMMITTEE", "GROUP", "BRANCH",
            "ORGAN_COMMITTEE", "CELL", "BRANCH");
    static final List<String> KINDS = List.of("GROUP", "ORGAN_COMMITTEE", "BRANCH", "CELL");
    static final List<String> ROLES = List.of("SECRETARY", "DEPUTY_SECRETARY", "COMMITTEE_MEMBER",
            "PARTY_AFFAIRS_WORKER", "CELL_LEADER");

    private final JdbcClient jdbc;
    private final PartyAccess access;
    private final StaffDirectory staff;
    private final PartyMessages messages;
    private final AuditLog audit;
    private final Clock clock;

    PartyOrganisation(JdbcClient jdbc, PartyAccess access, StaffDirectory staff, PartyMessages messages,
            AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.staff = staff;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** A party organisation. */
    public record Org(long id, Long parentId, String kind, String name, LocalDate foundedOn, LocalDate dissolvedOn,
                      long members) {
    }

    /** A member as listed: their current organisation. */
    public record Member(long id, String name, Long accountId, String category, LocalDate joinedPartyOn, Long orgId,
                         String orgName, LocalDate since) {
    }

    /** One stay of a member in an organisation. */
    public record Stay(long orgId, String orgName, LocalDate since, String howIn, String cameFrom, LocalDate until,
                       String howOut, String wentTo) {
    }

    /** A party role held (or once held). */
    public record Role(long id, long memberId, String memberName, long orgId, String orgName, String role,
                       LocalDate since, LocalDate until) {
    }

    /** A member with their history and roles. */
    public record MemberDetail(Member member, List<Stay> history, List<Role> roles) {
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** The organisations the caller sees, in tree order (parents before children). */
    @Transactional(readOnly = true)
    public List<Org> tree() {
        Set<Long> visible = access.visibleOrgs();
        return orgs().stream().filter(o -> visible.contains(o.id())).toList();
    }

    /** One organisation the caller sees. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Org org(long id) {
        access.requireVisible(id, "party.org.read");
        return orgs().stream().filter(o -> o.id() == id).findFirst().orElseThrow(() -> new NotFoundException("org " + id));
    }

    /** The current members of an organisation and of the organisations below it. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public List<Member> members(long orgId) {
        access.requireVisible(orgId, "party.member.list");
        return jdbc.sql(MEMBER_SQL + "where s.org_id in (" + SUBTREE + ")" + """
                and exists (select 1 from oneseal.party_membership c where c.member_id = m.id and c.until is null)
                order by o.name, m.name""").param("org", orgId).query(PartyOrganisation::member).list();
    }

    /** A member: seen by whoever sees their current (or last) organisation, and by the member. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public MemberDetail member(long memberId) {
        Member m = jdbc.sql(MEMBER_SQL + "where m.id = :id").param("id", memberId).query(PartyOrganisation::member)
                .optional().orElseThrow(() -> new NotFoundException("member " + memberId));
        boolean own = access.myMemberId().filter(id -> id == memberId).isPresent();
        if (!own) {
            access.requireVisible(m.orgId() == null ? -1 : m.orgId(), "party.member.read");
        }
        List<Stay> history = jdbc.sql("""
                select s.*, o.name as org_name from oneseal.party_membership s join oneseal.party_org o on o.id = s.org_id
                where s.member_id = :m order by s.since, s.id""").param("m", memberId)
                .query((rs, n) -> new Stay(rs.getLong("org_id"), rs.getString("org_name"),
                        rs.getDate("since").toLocalDate(), rs.getString("how_in"), rs.getString("came_from"),
                        rs.getDate("until") == null ? null : rs.getDate("until").toLocalDate(), rs.getString("how_out"),
                        rs.getString("went_to"))).list();
        return new MemberDetail(m, history, roles("r.member_id = :id", memberId));
    }

    /** The caller's own member record, if they are a party member. */
    @Transactional(readOnly = true)
    public Optional<MemberDetail> me() {
        return access.myMemberId().map(this::member);
    }

    /** The current roles in an organisation. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public List<Role> roles(long orgId) {
        access.requireVisible(orgId, "party.role.list");
        return roles("r.org_id = :id and r.until is null", orgId);
    }

    /**
     * The members of an organisation (and of the organisations below it) on a day: those whose stay there covers the
     * day (for attendance: an attendee must be one of these). Access is the caller's to check.
     */
    Set<Long> membersOn(long orgId, LocalDate day) {
        return Set.copyOf(jdbc.sql("select s.member_id from oneseal.party_membership s where s.org_id in ("
                + SUBTREE + ")" + """
                and s.since <= :day and (s.until is null or s.until >= :day)""").param("org", orgId).param("day", day)
                .query(Long.class).list());
    }

    /** The organisation a member belongs to now (their branch or cell), if any. */
    Optional<Long> currentOrg(long memberId) {
        return jdbc.sql("select org_id from oneseal.party_membership where member_id = :m and until is null")
                .param("m", memberId).query(Long.class).optional();
    }

    // ------------------------------------------------------------------------------------------------ changing

    /** What creates an organisation. */
    public record NewOrg(Long parentId, String kind, String name, LocalDate foundedOn) {
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    public Org create(NewOrg o) {
        access.staff();
        var errors = new InvalidInputException.Collector();
        String kind = o.kind() == null ? "" : o.kind().strip();
        if (!KINDS.contains(kind)) {
            errors.add("kind", messages.text("party.org.kind"));
        }
        String name = o.name() == null ? "" : o.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add("name", messages.text("party.org.name"));
        }
        notFuture(errors, "foundedOn", o.foundedOn());
        errors.throwIfAny();
        Org parent = null;
        if ("GROUP".equals(kind)) {
            if (o.parentId() != null || jdbc.sql("select exists (select 1 from oneseal.party_org where kind = 'GROUP')")
                    .query(Boolean.class).single()) {
                throw new BusinessRuleViolation("party.org.group", messages.text("party.org.oneGroup"));
            }
            if (!access.managing() || !access.settingUp()) {
                throw new org.springframework.security.access.AccessDeniedException(PartyAccess.MANAGE);
            }
        } else {
            if (o.parentId() == null) {
                throw InvalidInputException.of("parentId", messages.text("party.org.parent", kind));
            }
            access.requireManaged(o.parentId(), "party.org.create");
            parent = org(o.parentId());
            if (!PARENT_KIND.get(kind).equals(parent.kind())) {
                throw InvalidInputException.of("parentId", messages.text("party.org.parentKind"));
            }
            if (parent.dissolvedOn() != null) {
                throw new BusinessRuleViolation("party.org.dissolved", messages.text("party.org.dissolved", parent.name()));
            }
            if (o.foundedOn().isBefore(parent.foundedOn())) {
                throw InvalidInputException.of("foundedOn", messages.text("party.org.beforeParent", parent.foundedOn()));
            }
        }
        if (jdbc.sql("select exists (select 1 from oneseal.party_org where coalesce(parent_id, 0) = :p and name = :n)")
                .param("p", o.parentId() == null ? 0L : o.parentId()).param("n", name).query(Boolean.class).single()) {
            throw InvalidInputException.of("name", messages.text("party.org.duplicate"));
        }
        long id;
        try { // the same organisation created twice at once: the unique name refuses the second
            id = jdbc.sql("""
                    insert into oneseal.party_org (parent_id, kind, name, founded_on, created_at, created_by)
                    values (:p, :k, :n, :f, :at, :by) returning id""").param("p", o.parentId()).param("k", kind)
                    .param("n", name).param("f", o.foundedOn()).param("at", Timestamp.from(clock.instant()))
                    .param("by", access.staff().getUsername()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("name", messages.text("party.org.duplicate"));
        }
        audit.record(AuditRecord.of("party.org.create", "PartyOrg", id).reason(kind + " " + name));
        return orgs().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    /** What admits a member to an organisation: a new party member (JOINED) or one transferred in. */
    public record Admission(String name, String username, String category, LocalDate joinedPartyOn, LocalDate since,
                            String how, String cameFrom) {
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    public MemberDetail admit(long orgId, Admission a) {
        access.requireManaged(orgId, "party.member.admit");
        Org org = memberOrg(orgId);
        var errors = new InvalidInputException.Collector();
        String name = a.name() == null ? "" : a.name().strip();
        if (name.isEmpty() || name.length() > 40) {
            errors.add("name", messages.text("party.member.name"));
        }
        if (a.category() == null || !List.of("FULL", "PROBATIONARY").contains(a.category())) {
            errors.add("category", messages.text("party.member.category"));
        }
        if (a.how() == null || !List.of("JOINED", "TRANSFER_IN").contains(a.how())) {
            errors.add("how", messages.text("party.member.how"));
        }
        if ("TRANSFER_IN".equals(a.how()) && (a.cameFrom() == null || a.cameFrom().isBlank()
                || a.cameFrom().strip().length() > 100)) {
            errors.add("cameFrom", messages.text("party.member.cameFrom"));
        }
        notFuture(errors, "joinedPartyOn", a.joinedPartyOn());
        notFuture(errors, "since", a.since());
        Long account = null;
        if (a.username() != null && !a.username().isBlank()) {
            var s = staff.find(a.username());
            if (s.isEmpty()) {
                errors.add("username", messages.text("party.member.account"));
            } else {
                account = s.get().accountId();
                if (jdbc.sql("select exists (select 1 from oneseal.party_member where account_id = :a)")
                        .param("a", account).query(Boolean.class).single()) {
                    errors.add("username", messages.text("party.member.accountTaken"));
                }
            }
        }
        errors.throwIfAny();
        checkDay(org, a.since(), "since");
        if (a.joinedPartyOn().isAfter(a.since())) {
            throw InvalidInputException.of("joinedPartyOn", messages.text("party.member.joinedAfter"));
        }
        long id;
        try { // one account admitted twice at once: the unique account refuses the second
            id = jdbc.sql("""
                    insert into oneseal.party_member (name, account_id, category, joined_party_on, created_at)
                    values (:n, :a, :c, :j, :at) returning id""").param("n", name).param("a", account)
                    .param("c", a.category()).param("j", a.joinedPartyOn()).param("at", Timestamp.from(clock.instant()))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("username", messages.text("party.member.accountTaken"));
        }
        stay(id, orgId, a.since(), a.how(), "TRANSFER_IN".equals(a.how()) ? a.cameFrom().strip() : null);
        audit.record(AuditRecord.of("party.member.admit", "PartyMember", id).reason(a.how() + " " + org.name()));
        return member(id);
    }

    /**
     * Moves a member to another branch or cell of the tree on a day: the old stay ends the day before, the new one
     * begins that day (one organisation a day); the roles that are no longer in the member's organisation or above it
     * end with the old stay.
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public MemberDetail move(long memberId, long toOrgId, LocalDate on) {
        lockMember(memberId);
        long from = currentOrg(memberId).orElseThrow(() -> new BusinessRuleViolation("party.member.gone",
                messages.text("party.member.gone")));
        access.requireManaged(from, "party.member.move");
        access.requireManaged(toOrgId, "party.member.move");
        if (from == toOrgId) {
            throw InvalidInputException.of("orgId", messages.text("party.member.sameOrg"));
        }
        Org to = memberOrg(toOrgId);
        requireDay(on);
        checkDay(to, on, "on");
        LocalDate since = jdbc.sql("select since from oneseal.party_membership where member_id = :m and until is null")
                .param("m", memberId).query(LocalDate.class).single();
        if (!on.isAfter(since)) { // the old stay ends the day before: it must keep a day
            throw InvalidInputException.of("on", messages.text("party.member.moveAfterSince", since));
        }
        leave(memberId, on.minusDays(1), "MOVED", null); // one organisation a day: the new one from the move's day
        stay(memberId, toOrgId, on, "MOVED", null);
        // a role is held in one's own organisation or one above it: those of the organisations left end with the stay
        int ended = jdbc.sql("""
                update oneseal.party_role set until = greatest(:last, since) where member_id = :m and until is null
                and org_id not in (with recursive up as (select cast(:to as bigint) as id union
                    select o.parent_id from oneseal.party_org o join up u on o.id = u.id where o.parent_id is not null)
                    select id from up)""").param("last", on.minusDays(1)).param("m", memberId).param("to", toOrgId)
                .update();
        audit.record(AuditRecord.of("party.member.move", "PartyMember", memberId)
                .reason("to " + to.name() + " " + on + (ended > 0 ? ", roles ended " + ended : "")));
        return member(memberId);
    }

    /** Transfers a member out of the bureau's organisation (组织关系转出), to a named organisation. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public MemberDetail transferOut(long memberId, LocalDate on, String wentTo) {
        lockMember(memberId);
        long from = currentOrg(memberId).orElseThrow(() -> new BusinessRuleViolation("party.member.gone",
                messages.text("party.member.gone")));
        access.requireManaged(from, "party.member.transferOut");
        if (wentTo == null || wentTo.isBlank() || wentTo.length() > 100) {
            throw InvalidInputException.of("wentTo", messages.text("party.member.wentTo"));
        }
        requireDay(on);
        leave(memberId, on, "TRANSFER_OUT", wentTo.strip());
        jdbc.sql("update oneseal.party_role set until = greatest(:on, since) where member_id = :m and until is null")
                .param("on", on).param("m", memberId).update();
        audit.record(AuditRecord.of("party.member.transferOut", "PartyMember", memberId).reason(wentTo.strip()));
        return member(memberId);
    }

    /** Gives a member a role in an organisation they see from (their own or one above). */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Role assignRole(long memberId, long orgId, String role, LocalDate since) {
        access.requireManaged(orgId, "party.role.assign");
        if (role == null || !ROLES.contains(role)) {
            throw InvalidInputException.of("role", messages.text("party.role.unknown"));
        }
        Org org = org(orgId);
        requireDay(since);
        checkDay(org, since, "since");
        lockMember(memberId); // a role given twice at once: the second finds it held (422), not the unique key (500)
        long current = currentOrg(memberId).orElseThrow(() -> new BusinessRuleViolation("party.member.gone",
                messages.text("party.member.gone")));
        boolean within = jdbc.sql("""
                with recursive up as (select :org as id union
                    select o.parent_id from oneseal.party_org o join up u on o.id = u.id where o.parent_id is not null)
                select :target in (select id from up)""").param("org", current).param("target", orgId)
                .query(Boolean.class).single();
        if (!within) {
            throw InvalidInputException.of("orgId", messages.text("party.role.notAbove"));
        }
        if (jdbc.sql("""
                select exists (select 1 from oneseal.party_role where member_id = :m and org_id = :o and role = :r
                and until is null)""").param("m", memberId).param("o", orgId).param("r", role).query(Boolean.class)
                .single()) {
            throw new BusinessRuleViolation("party.role.held", messages.text("party.role.held"));
        }
        long id = jdbc.sql("""
                insert into oneseal.party_role (member_id, org_id, role, since, recorded_by)
                values (:m, :o, :r, :s, :by) returning id""").param("m", memberId).param("o", orgId).param("r", role)
                .param("s", since).param("by", access.staff().getUsername()).query(Long.class).single();
        audit.record(AuditRecord.of("party.role.assign", "PartyRole", id).reason(role + " " + org.name()));
        return roles("r.id = :id", id).getFirst();
    }

    /** Ends a role (the date it ended). */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Role endRole(long roleId, LocalDate until) {
        Role r = roles("r.id = :id", roleId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("role " + roleId));
        access.requireManaged(r.orgId(), "party.role.end");
        if (r.until() != null) {
            throw new BusinessRuleViolation("party.role.ended", messages.text("party.role.ended"));
        }
        requireDay(until);
        if (until.isBefore(r.since())) {
            throw InvalidInputException.of("until", messages.text("party.role.beforeSince", r.since()));
        }
        // only an open role: of two endings at once the second finds it ended (and does not write over its day)
        if (jdbc.sql("update oneseal.party_role set until = :u where id = :id and until is null").param("u", until)
                .param("id", roleId).update() == 0) {
            throw new BusinessRuleViolation("party.role.ended", messages.text("party.role.ended"));
        }
        audit.record(AuditRecord.of("party.role.end", "PartyRole", roleId).reason(r.role() + " " + r.orgName()));
        return roles("r.id = :id", roleId).getFirst();
    }

    // ------------------------------------------------------------------------------------------------ rules

    /** A date that must be given, not lie in the future, nor before 1900 (as {@link PartyRecords#pastDay}). */
    private void notFuture(InvalidInputException.Collector errors, String field, LocalDate day) {
        if (day == null) {
            errors.add(field, messages.text("party.date.missing"));
        } else if (day.getYear() < PartyRecords.EARLIEST_YEAR) {
            errors.add(field, messages.text("party.date.invalid"));
        } else if (day.isAfter(LocalDate.now(clock))) {
            errors.add(field, messages.text("party.date.future"));
        }
    }

    private void requireDay(LocalDate day) {
        var errors = new InvalidInputException.Collector();
        notFuture(errors, "on", day);
        errors.throwIfAny();
    }

    /** A date within the organisation's life: not before it was founded, not after it was dissolved. */
    void checkDay(Org org, LocalDate day, String field) {
        if (day.isBefore(org.foundedOn())) {
            throw InvalidInputException.of(field, messages.text("party.date.beforeFounded", org.name(), org.foundedOn()));
        }
        if (org.dissolvedOn() != null && day.isAfter(org.dissolvedOn())) {
            throw InvalidInputException.of(field, messages.text("party.org.dissolved", org.name()));
        }
    }

    /** An organisation members belong to: a branch or a cell. */
    private Org memberOrg(long orgId) {
        Org org = org(orgId);
        if (!"BRANCH".equals(org.kind()) && !"CELL".equals(org.kind())) {
            throw InvalidInputException.of("orgId", messages.text("party.member.branchOnly"));
        }
        return org;
    }

    /**
     * Changes of a member's stays one at a time: two moves or transfers at once would both read the same current stay
     * (the second then failed on it, 500, or ended nothing and answered as if it had).
     */
    private void lockMember(long memberId) {
        jdbc.sql("select id from oneseal.party_member where id = :m for update").param("m", memberId).query(Long.class)
                .optional();
    }

    private void stay(long memberId, long orgId, LocalDate since, String how, String cameFrom) {
        jdbc.sql("""
                insert into oneseal.party_membership (member_id, org_id, since, how_in, came_from, recorded_by, recorded_at)
                values (:m, :o, :s, :h, :c, :by, :at)""").param("m", memberId).param("o", orgId).param("s", since)
                .param("h", how).param("c", cameFrom).param("by", access.staff().getUsername())
                .param("at", Timestamp.from(clock.instant())).update();
    }

    private void leave(long memberId, LocalDate on, String how, String wentTo) {
        LocalDate since = jdbc.sql("select since from oneseal.party_membership where member_id = :m and until is null")
                .param("m", memberId).query(LocalDate.class).single();
        if (on.isBefore(since)) {
            throw InvalidInputException.of("on", messages.text("party.member.beforeSince", since));
        }
        jdbc.sql("""
                update oneseal.party_membership set until = :on, how_out = :h, went_to = :w
                where member_id = :m and until is null""").param("on", on).param("h", how).param("w", wentTo)
                .param("m", memberId).update();
    }

    /** Every organisation in tree order, whoever asks (access is the caller's to check). */
    List<Org> orgs() {
        return jdbc.sql("""
                with recursive t as (
                    select o.*, array[o.id] as path from oneseal.party_org o where o.parent_id is null
                    union all select o.*, t.path || o.id from oneseal.party_org o join t on o.parent_id = t.id)
                select t.*, (select count(*) from oneseal.party_membership s where s.org_id = t.id and s.until is null)
                    as members from t order by path""")
                .query((rs, n) -> new Org(rs.getLong("id"), (Long) rs.getObject("parent_id"), rs.getString("kind"),
                        rs.getString("name"), rs.getDate("founded_on").toLocalDate(),
                        rs.getDate("dissolved_on") == null ? null : rs.getDate("dissolved_on").toLocalDate(),
                        rs.getLong("members"))).list();
    }

    private List<Role> roles(String condition, long id) {
        return jdbc.sql("""
                select r.*, m.name as member_name, o.name as org_name from oneseal.party_role r
                join oneseal.party_member m on m.id = r.member_id join oneseal.party_org o on o.id = r.org_id
                where %s order by r.until nulls first, r.since, r.id""".formatted(condition)).param("id", id)
                .query((rs, n) -> new Role(rs.getLong("id"), rs.getLong("member_id"), rs.getString("member_name"),
                        rs.getLong("org_id"), rs.getString("org_name"), rs.getString("role"),
                        rs.getDate("since").toLocalDate(),
                        rs.getDate("until") == null ? null : rs.getDate("until").toLocalDate())).list();
    }

    /** The organisation {@code :org} and every organisation below it (a subquery; the one copy of this walk). */
    static final String SUBTREE = """
            with recursive below as (select cast(:org as bigint) as id union
                select o.id from oneseal.party_org o join below b on o.parent_id = b.id) select id from below""";

    private static final String MEMBER_SQL = """
            select m.*, s.org_id, s.since, o.name as org_name from oneseal.party_member m
            left join lateral (select org_id, since from oneseal.party_membership x where x.member_id = m.id
                order by (x.until is null) desc, x.since desc, x.id desc limit 1) s on true
            left join oneseal.party_org o on o.id = s.org_id
            """;

    private static Member member(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Member(rs.getLong("id"), rs.getString("name"), (Long) rs.getObject("account_id"),
                rs.getString("category"), rs.getDate("joined_party_on").toLocalDate(), (Long) rs.getObject("org_id"),
                rs.getString("org_name"), rs.getDate("since") == null ? null : rs.getDate("since").toLocalDate());
    }
}

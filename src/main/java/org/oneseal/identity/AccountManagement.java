package org.oneseal.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.Masking;
import org.oneseal.shared.NotFoundException;
import org.oneseal.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 账号管理: staff accounts within the administrator's data scope, and the applicants' accounts with
 * their personal data masked; revealing it in full needs an authority and is audited.
 */
@Service
public class AccountManagement {

    /** Roles only a city-wide system administrator may grant. */
    static final Set<Role> CITY_ONLY_ROLES = EnumSet.of(Role.SYSTEM_ADMIN, Role.AUDITOR, Role.LEADER);
    /** What a region administrator may grant in the own region. */
    static final Set<Role> REGION_GRANTABLE = EnumSet.of(Role.WINDOW_STAFF, Role.REVIEWER, Role.CHIEF, Role.PARTY_AFFAIRS);

    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final OrganisationManagement organisation;
    private final AuditLog audit;
    private final IdentityMessages messages;
    private final CurrentUser currentUser;
    private final Clock clock;

    AccountManagement(AccountRepository accounts, JdbcClient jdbc, PasswordEncoder passwords,
            OrganisationManagement organisation, AuditLog audit, IdentityMessages messages, CurrentUser currentUser,
            Clock clock) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.organisation = organisation;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('identity:account:read')")
    public List<StaffAccountView> staff(DataScope scope, String text) {
        String like = text == null || text.isBlank() ? null : "%" + text.strip().replace("%", "\\%").replace("_", "\\_") + "%";
        List<Long> ids = scope.bind(jdbc.sql("""
                select id from oneseal.account
                where kind = 'STAFF' and %s
                  and (cast(:q as varchar) is null or username ilike :q or display_name like :q)
                order by region_id, username limit 1000""".formatted(scope.condition("region_id"))))
                .param("q", like).query(Long.class).list();
        Instant now = clock.instant();
        return ids.stream().map(id -> view(accounts.findById(id).orElseThrow(), now)).toList();
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('identity:account:read')")
    public StaffAccountView staffMember(DataScope scope, long id) {
        return view(loadStaff(scope, id), clock.instant());
    }

    @Transactional
    @PreAuthorize("hasAuthority('identity:account:manage')")
    public StaffAccountView createStaff(DataScope scope, StaffAccountCommand command) {
        InvalidInputException.Collector errors = check(scope, command);
        String broken = PasswordPolicy.check(command.initialPassword(), command.username());
        if (broken != null) {
            errors.add("initialPassword", messages.text(broken, PasswordPolicy.MIN_LENGTH));
        }
        errors.throwIfAny();
        if (accounts.usernameTaken(command.username())) {
            throw new ConflictException("username", messages.text("identity.username.taken"));
        }
        long id;
        try {
            id = accounts.insert(Account.newStaff(command.username(), passwords.encode(command.initialPassword()),
                    command.displayName().strip(), command.regionId(), command.orgUnitId(), command.cityWide(),
                    command.roles()), clock.instant());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConflictException("username", messages.text("identity.username.taken"));
        }
        audit.record(AuditRecord.of("identity.account.create", "Account", id).region(command.regionId())
                .reason("roles=" + command.roles() + " cityWide=" + command.cityWide()));
        return staffMember(scope, id);
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('identity:account:manage')")
    public StaffAccountView updateStaff(DataScope scope, long id, StaffAccountCommand command) {
        Account before = loadStaff(scope, id);
        InvalidInputException.Collector errors = check(scope, command);
        if (currentUser.principal().map(p -> p.accountId() == id).orElse(false) && changesRights(before, command)) {
            errors.add("roles", messages.text("identity.account.self"));
        }
        errors.throwIfAny();
        accounts.updateStaff(id, command.displayName().strip(), command.regionId(), command.orgUnitId(),
                command.cityWide(), command.enabled(), command.roles());
        audit.record(AuditRecord.of("identity.account.update", "Account", id).region(command.regionId())
                .reason("roles=" + command.roles() + " cityWide=" + command.cityWide() + " enabled=" + command.enabled()));
        return staffMember(scope, id);
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('identity:account:manage')")
    public void unlock(DataScope scope, long id) {
        Account account = loadStaff(scope, id);
        accounts.unlock(id);
        audit.record(AuditRecord.of("identity.account.unlock", "Account", id).region(account.regionId()));
    }

    /** The staff member enrols a new second factor at the next login (lost phone). */
    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('identity:account:manage')")
    public void resetSecondFactor(DataScope scope, long id) {
        Account account = loadStaff(scope, id);
        accounts.resetTotp(id);
        audit.record(AuditRecord.of("identity.account.totp-reset", "Account", id).region(account.regionId()));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('identity:applicant:read')")
    public List<ApplicantView> applicants(String text) {
        String like = text == null || text.isBlank() ? null : "%" + text.strip().replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(APPLICANTS + """
                where (cast(:q as varchar) is null or a.username ilike :q or a.display_name like :q)
                order by a.id desc limit 500""").param("q", like)
                .query((rs, n) -> applicant(rs, true)).list();
    }

    /** Shows an applicant's identifiers and phone in full; audited. */
    @Transactional
    @PreAuthorize("hasAuthority('identity:personal-data:reveal')")
    public ApplicantView reveal(long accountId) {
        ApplicantView full = jdbc.sql(APPLICANTS + " where a.id = :id").param("id", accountId)
                .query((rs, n) -> applicant(rs, false)).optional()
                .orElseThrow(() -> new NotFoundException("applicant " + accountId));
        audit.record(AuditRecord.of("identity.personal-data.reveal", "Account", accountId)
                .reason("identifier and phone shown in full"));
        return full;
    }

    private static final String APPLICANTS = """
            select a.id, a.kind, a.username, coalesce(p.real_name, e.name) as name,
                   coalesce(p.id_card_number, e.credit_code) as identifier, p.phone
            from oneseal.account a
            left join oneseal.person p on p.account_id = a.id
            left join oneseal.enterprise e on e.account_id = a.id
            """ + " ";

    private static ApplicantView applicant(java.sql.ResultSet rs, boolean mask) throws java.sql.SQLException {
        AccountKind kind = AccountKind.valueOf(rs.getString("kind"));
        String identifier = rs.getString("identifier");
        String phone = rs.getString("phone");
        boolean maskIdentifier = mask && kind == AccountKind.PERSON;
        return new ApplicantView(rs.getLong("id"), kind, rs.getString("username"),
                mask && kind == AccountKind.PERSON ? Masking.name(rs.getString("name")) : rs.getString("name"),
                maskIdentifier ? Masking.middle(identifier, 4, 4) : identifier,
                mask ? Masking.phone(phone) : phone, mask);
    }

    private Account loadStaff(DataScope scope, long id) {
        Account account = accounts.findById(id).filter(Account::isStaff)
                .orElseThrow(() -> new NotFoundException("account " + id));
        if (!scope.covers(account.regionId())) {
            audit.recordIndependently(AuditRecord.of("identity.account.read", "Account", id)
                    .outcome(AuditOutcome.DENIED).region(account.regionId()).reason("outside data scope"));
            throw new NotFoundException("account " + id);
        }
        return account;
    }

    private InvalidInputException.Collector check(DataScope scope, StaffAccountCommand command) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (!scope.covers(command.regionId())) {
            errors.add("regionId", messages.text("identity.orgunit.region.outside"));
        }
        if (command.orgUnitId() != null) {
            try {
                if (organisation.get(scope, command.orgUnitId()).regionId() != command.regionId()) {
                    errors.add("orgUnitId", messages.text("identity.account.orgunit.region"));
                }
            } catch (NotFoundException e) {
                errors.add("orgUnitId", messages.text("identity.orgunit.parent.invalid"));
            }
        }
        if (!scope.cityWide() && (command.cityWide() || command.roles().stream().anyMatch(CITY_ONLY_ROLES::contains))) {
            errors.add("roles", messages.text("identity.account.roles.cityOnly"));
        }
        Set<Role> grantable = grantableByCurrentUser();
        List<Role> refused = command.roles().stream().filter(r -> !grantable.contains(r)).sorted().toList();
        if (!refused.isEmpty()) {
            errors.add("roles", messages.text("identity.account.roles.notGrantable",
                    String.join("、", refused.stream().map(r -> messages.text("identity.role." + r)).toList())));
        }
        if (command.roles().contains(Role.SYSTEM_ADMIN) && command.roles().contains(Role.AUDITOR)) {
            errors.add("roles", messages.text("identity.account.roles.separation"));
        }
        return errors;
    }

    /** A system administrator grants every role; a region administrator only the working roles. */
    private Set<Role> grantableByCurrentUser() {
        Set<Role> own = currentUser.principal().map(AccountPrincipal::roles).orElse(Set.of());
        if (own.contains(Role.SYSTEM_ADMIN)) {
            return EnumSet.allOf(Role.class);
        }
        return own.contains(Role.REGION_ADMIN) ? REGION_GRANTABLE : EnumSet.noneOf(Role.class);
    }

    private static boolean changesRights(Account before, StaffAccountCommand command) {
        return !before.roles().equals(command.roles()) || before.regionId() != command.regionId().longValue()
                || before.cityWide() != command.cityWide() || before.enabled() != command.enabled()
                || !java.util.Objects.equals(before.orgUnitId(), command.orgUnitId());
    }

    private StaffAccountView view(Account a, Instant now) {
        return new StaffAccountView(a.id(), a.username(), a.displayName(), a.regionId(), a.orgUnitId(), a.cityWide(),
                a.roles(), a.enabled(), a.isLockedAt(now), a.hasConfirmedTotp(), null);
    }
}

package org.oneseal.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code ./oneseal create-admin --username=... --display-name=... [--region-code=... --region-name=...]}:
 * creates the first system administrator (and the city region if there is none), prints a generated
 * initial password, and exits. Refuses when a system administrator exists already.
 */
@Component
@ConditionalOnProperty(name = "oneseal.create-admin", havingValue = "true")
class FirstAdministrator implements ApplicationRunner {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AccountRepository accounts;
    private final RegionRepository regions;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationContext context;

    FirstAdministrator(AccountRepository accounts, RegionRepository regions, PasswordEncoder passwords, AuditLog audit,
            TransactionTemplate tx, Clock clock, ApplicationContext context) {
        this.accounts = accounts;
        this.regions = regions;
        this.passwords = passwords;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code;
        try {
            code = create(option(args, "username", "admin"), option(args, "display-name", "系统管理员"),
                    option(args, "region-code", null), option(args, "region-name", null));
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("create-admin: " + e.getMessage());
            code = 2;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }

    int create(String username, String displayName, String regionCode, String regionName) {
        if (accounts.anyWithRole(Role.SYSTEM_ADMIN)) {
            throw new IllegalStateException("a system administrator exists already; nothing was changed");
        }
        if (!username.matches("[A-Za-z][A-Za-z0-9_.-]{2,39}")) {
            throw new IllegalArgumentException("--username must be 3-40 letters, digits, '_', '.', '-' starting with a letter");
        }
        String password = newPassword();
        tx.executeWithoutResult(s -> {
            long city = cityRegion(regionCode, regionName);
            long id = accounts.insert(Account.newStaff(username, passwords.encode(password), displayName, city, null,
                    true, Set.of(Role.SYSTEM_ADMIN)), clock.instant());
            audit.record(AuditRecord.of("identity.account.create-first-admin", "Account", id).actor("system"));
        });
        System.out.println("First system administrator created.");
        System.out.println("  user name:        " + username);
        System.out.println("  initial password: " + password);
        System.out.println("At the first login OneSeal asks to enrol an authenticator app (TOTP) and shows recovery codes.");
        return 0;
    }

    private long cityRegion(String code, String name) {
        List<Region> all = regions.findAll();
        return all.stream().filter(r -> r.parentId() == null).findFirst().map(Region::id).orElseGet(() -> {
            if (code == null || name == null || !code.matches("\\d{6}")) {
                throw new IllegalArgumentException("no region exists yet: give --region-code=<6 digits> and --region-name=<city name>");
            }
            return regions.save(Region.create(new RegionCommand(code, name, RegionLevel.CITY, null, 0, true),
                    clock.instant())).id();
        });
    }

    private static String option(ApplicationArguments args, String name, String fallback) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? fallback : values.get(0).strip();
    }

    private static String newPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.insert(random.nextInt(sb.length()), "#").append("7a").toString();
    }
}

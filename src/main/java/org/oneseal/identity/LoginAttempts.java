package org.oneseal.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins (password or second factor) and locks the account for a while after
 * {@code oneseal.security.max-failed-logins}; the lock ends by itself after
 * {@code oneseal.security.lockout-duration}. Every attempt is audited.
 */
@Component
class LoginAttempts {

    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{2,39}");

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginAttempts(AccountRepository accounts, AuditLog audit, Clock clock,
            @Value("${oneseal.security.max-failed-logins:5}") int maxFailures,
            @Value("${oneseal.security.lockout-duration:15m}") Duration lockout) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    /** A wrong password for {@code username} (which may not exist). Returns true when the account is now locked. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean passwordFailed(String username, String why) {
        String name = username == null ? "" : username.strip();
        name = name.length() > 40 ? name.substring(0, 40) : name;
        var account = accounts.findByUsername(name);
        boolean locked = account.map(a -> lockIfNeeded(a.id())).orElse(false);
        // what was typed is recorded only when it is a user name: people type ID numbers or passwords there
        String actor = account.map(Account::username).orElse(USERNAME.matcher(name).matches() ? name : "(unknown)");
        audit.record(AuditRecord.of("identity.login", "Account", account.map(Account::id).orElse(null))
                .actor(actor).outcome(AuditOutcome.FAILURE)
                .reason(locked ? why + "; account locked" : why));
        return locked;
    }

    /** A wrong second factor. Returns true when the account is now locked. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean secondFactorFailed(AccountPrincipal principal) {
        boolean locked = lockIfNeeded(principal.accountId());
        audit.record(AuditRecord.of("identity.login.totp", "Account", principal.accountId())
                .actor(principal.getUsername()).outcome(AuditOutcome.FAILURE)
                .reason(locked ? "wrong code; account locked" : "wrong code"));
        return locked;
    }

    @Transactional
    public void succeeded(AccountPrincipal principal, String how) {
        accounts.recordSuccess(principal.accountId(), clock.instant());
        audit.record(AuditRecord.of("identity.login", "Account", principal.accountId())
                .actor(principal.getUsername()).region(principal.regionId()).reason(how));
    }

    private boolean lockIfNeeded(long accountId) {
        Instant now = clock.instant();
        Instant lockedUntil = accounts.recordFailure(accountId, now, maxFailures, now.plus(lockout));
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}

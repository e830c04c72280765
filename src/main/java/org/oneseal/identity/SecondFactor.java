package org.oneseal.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of staff logins: TOTP codes (each code usable once) or one-time recovery codes;
 * enrolment with a QR code and ten recovery codes shown once.
 */
@Service
class SecondFactor {

    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final Clock clock;

    SecondFactor(AccountRepository accounts, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks a TOTP code or a recovery code (xxxxx-xxxxx) of the account; each is accepted only once. */
    @Transactional
    public boolean verify(long accountId, String code) {
        Account account = accounts.findById(accountId).orElse(null);
        if (account == null || !account.hasConfirmedTotp() || code == null) {
            return false;
        }
        String input = code.strip().toUpperCase(Locale.ROOT);
        if (input.matches("[A-Z0-9]{5}-?[A-Z0-9]{5}")) {
            boolean used = accounts.useRecoveryCode(accountId, hashRecoveryCode(input), clock.instant());
            if (used) {
                audit.record(AuditRecord.of("identity.recovery-code.use", "Account", accountId).actor(account.username()));
            }
            return used;
        }
        OptionalLong step = Totp.matchingStep(account.totpSecret(), input, clock.instant());
        return step.isPresent() && accounts.useTotpStep(accountId, step.getAsLong());
    }

    Enrolment startEnrolment(long accountId, String username) {
        String secret = Totp.newSecret();
        String uri = Totp.otpauthUri("OneSeal", username, secret);
        return new Enrolment(accountId, secret, uri, org.oneseal.shared.QrCodes.pngDataUri(uri));
    }

    /** Confirms enrolment when the code fits the new secret; returns the recovery codes (shown once), or empty. */
    @Transactional
    public List<String> confirmEnrolment(long accountId, Enrolment enrolment, String code) {
        if (enrolment.accountId() != accountId) {
            return List.of();
        }
        OptionalLong step = Totp.matchingStep(enrolment.secret(), code, clock.instant());
        if (step.isEmpty() || !accounts.confirmTotp(accountId, enrolment.secret(), clock.instant())) {
            return List.of();
        }
        accounts.useTotpStep(accountId, step.getAsLong());
        List<String> codes = newRecoveryCodes(accountId);
        audit.record(AuditRecord.of("identity.totp.enrol", "Account", accountId));
        return codes;
    }

    /** New recovery codes, only against a current TOTP code (a stolen session alone cannot mint them). */
    @Transactional
    public List<String> regenerateRecoveryCodes(long accountId, String totpCode) {
        Account account = accounts.findById(accountId).orElse(null);
        OptionalLong step = account == null || !account.hasConfirmedTotp() ? OptionalLong.empty()
                : Totp.matchingStep(account.totpSecret(), totpCode, clock.instant());
        if (step.isEmpty() || !accounts.useTotpStep(accountId, step.getAsLong())) {
            return List.of();
        }
        List<String> codes = newRecoveryCodes(accountId);
        audit.record(AuditRecord.of("identity.recovery-code.regenerate", "Account", accountId));
        return codes;
    }

    private List<String> newRecoveryCodes(long accountId) {
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                sb.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            String code = sb.substring(0, 5) + "-" + sb.substring(5);
            codes.add(code);
            hashes.add(hashRecoveryCode(code));
        }
        accounts.replaceRecoveryCodes(accountId, hashes);
        return codes;
    }

    static String hashRecoveryCode(String code) {
        String normal = code.replace("-", "").toUpperCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normal.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A started enrolment of one account: the secret (also shown as text), its otpauth URI and QR code. */
    record Enrolment(long accountId, String secret, String uri, String qrDataUri) implements java.io.Serializable {
    }
}

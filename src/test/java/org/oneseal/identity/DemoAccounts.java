package org.oneseal.identity;

import java.time.Instant;

/** The demo accounts' password and current TOTP codes, for tests outside this package. */
public final class DemoAccounts {

    public static final String PASSWORD = DemoData.PASSWORD;

    private DemoAccounts() {
    }

    public static String currentCode(String username, Instant now) {
        return code(DemoData.demoSecret(username), now);
    }

    /** What an authenticator app shows now for this base32 secret. */
    public static String code(String secret, Instant now) {
        return Totp.code(secret, Totp.step(now));
    }
}

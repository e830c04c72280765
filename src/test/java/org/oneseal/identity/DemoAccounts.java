package org.oneseal.identity;

import java.time.Instant;

/** The demo accounts' password and current TOTP codes, for tests outside this package. */
public final class DemoAccounts {

    public static final String PASSWORD = DemoData.PASSWORD;

    private DemoAccounts() {
    }

    public static String currentCode(String username, Instant now) {
        return Totp.code(DemoData.demoSecret(username), Totp.step(now));
    }
}

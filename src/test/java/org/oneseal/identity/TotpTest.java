package org.oneseal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B, SHA-1 secret "12345678901234567890"; the 8-digit values end in these 6 digits. */
    private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void matchesTheRfc6238TestVectors() {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
    }

    @Test
    void acceptsOneStepOfDriftButNotMore() {
        Instant now = Instant.ofEpochSecond(1111111109);
        String previous = Totp.code(RFC_SECRET, Totp.step(now) - 1);
        String old = Totp.code(RFC_SECRET, Totp.step(now) - 3);
        assertThat(Totp.matchingStep(RFC_SECRET, previous, now)).hasValue(Totp.step(now) - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, old, now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12ab56", now)).isEmpty();
    }

    @Test
    void base32RoundTripsAndSecretsAreLongEnough() {
        byte[] bytes = {0, 1, 2, (byte) 250, 127, 33, 64, 99, 100, 7};
        assertThat(Totp.fromBase32(Totp.base32(bytes))).containsExactly(bytes);
        assertThat(Totp.newSecret()).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.otpauthUri("OneSeal", "admin", "ABC")).startsWith("otpauth://totp/OneSeal%3Aadmin?secret=ABC");
    }

    @Test
    void passwordPolicyNamesTheBrokenRule() {
        assertThat(PasswordPolicy.check("short1!", "zhang")).isEqualTo("identity.password.tooShort");
        assertThat(PasswordPolicy.check("alllowercaseletters", "zhang")).isEqualTo("identity.password.classes");
        assertThat(PasswordPolicy.check("Zhangsan@2026", "zhangsan")).isEqualTo("identity.password.containsUsername");
        assertThat(PasswordPolicy.check("Demo@2026!", "zhangsan")).isNull();
    }
}

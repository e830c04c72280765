package org.oneseal.identity;

import java.util.Locale;
import java.util.Set;

/**
 * 密码规则: at least 10 characters, at most 64, three of four character classes (upper, lower, digit,
 * symbol), not containing the user name, not a well-known password.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    private static final Set<String> COMMON = Set.of("password123", "qwertyuiop", "1234567890", "abcdefghij",
            "a123456789", "p@ssw0rd123", "qwer1234!@#$", "admin12345", "abc123456789", "woaini1314");

    private PasswordPolicy() {
    }

    /** Returns the message key of the first rule broken, or null when the password is acceptable. */
    static String check(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "identity.password.tooShort";
        }
        if (password.length() > 64) {
            return "identity.password.tooLong";
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            return "identity.password.classes";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return "identity.password.containsUsername";
        }
        if (COMMON.contains(lower)) {
            return "identity.password.common";
        }
        return null;
    }
}

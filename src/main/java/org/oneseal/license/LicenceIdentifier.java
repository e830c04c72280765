package org.oneseal.license;

import java.util.regex.Pattern;

/**
 * 证照标识: {@code OS} + year (4 digits) + issuing region id (6 digits, zero-padded) + sequence within year and
 * region (6 digits) + one check character (ISO/IEC 7064 MOD 37,36 over the 16 digits, 0–9 or A–Z), e.g.
 * {@code OS2026000012000001T}: 19 characters.
 */
final class LicenceIdentifier {

    static final String PREFIX = "OS";
    private static final Pattern FORMAT = Pattern.compile("OS\\d{16}[0-9A-Z]");
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private LicenceIdentifier() {
    }

    static String of(int year, long regionId, long sequence) {
        if (year < 1000 || year > 9999 || regionId < 0 || regionId > 999_999 || sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("licence identifier out of range: " + year + "/" + regionId + "/" + sequence);
        }
        String digits = String.format("%04d%06d%06d", year, regionId, sequence);
        return PREFIX + digits + checkCharacter(digits);
    }

    /** True for a well-formed identifier whose check character is right (a typo is caught before any lookup). */
    static boolean isWellFormed(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches()
                && candidate.charAt(18) == checkCharacter(candidate.substring(2, 18));
    }

    /** ISO/IEC 7064 MOD 37,36 (hybrid system), the check-character scheme GB/T 36903 also builds on. */
    static char checkCharacter(String digits) {
        int modulus = 36;
        int p = modulus;
        for (char c : digits.toCharArray()) {
            int s = (p % (modulus + 1)) + ALPHABET.indexOf(c);
            s = s % modulus == 0 ? modulus : s % modulus;
            p = s * 2;
        }
        p = p % (modulus + 1);
        int check = (modulus + 1 - p) % modulus;
        return ALPHABET.charAt(check);
    }
}

package org.oneseal.shared;

import java.util.Optional;

/**
 * A contact phone as people type it: spaces and hyphens dropped; an 11-digit mobile number (1…) or a landline with
 * its area code (0…, 10–12 digits). Used wherever a rater or reporter leaves a number for the callback.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** Whether something was typed at all. */
    public static boolean given(String raw) {
        return raw != null && !raw.isBlank();
    }

    /** The number without spaces and hyphens, or empty when what was typed is not a phone number. */
    public static Optional<String> normalised(String raw) {
        if (!given(raw)) {
            return Optional.empty();
        }
        String p = raw.strip().replace(" ", "").replace("-", "");
        return p.matches("1\\d{10}|0\\d{9,11}") ? Optional.of(p) : Optional.empty();
    }
}

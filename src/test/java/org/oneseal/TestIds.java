package org.oneseal;

import org.oneseal.shared.IdCardNumber;

/** Valid test identifiers: the first 17 characters of an ID card number completed by its check character. */
public final class TestIds {

    private TestIds() {
    }

    public static String idCard(String first17) {
        for (char c : "0123456789X".toCharArray()) {
            if (IdCardNumber.validate(first17 + c, null) == null) {
                return first17 + c;
            }
        }
        throw new IllegalArgumentException("no valid ID card number starts with " + first17);
    }
}

package org.oneseal.shared;

/** Masks personal data for display: only the ends stay readable. */
public final class Masking {

    private Masking() {
    }

    public static String middle(String value, int keepStart, int keepEnd) {
        if (value == null) {
            return null;
        }
        if (value.length() <= keepStart + keepEnd) {
            return "*".repeat(value.length());
        }
        return value.substring(0, keepStart) + "*".repeat(value.length() - keepStart - keepEnd)
                + value.substring(value.length() - keepEnd);
    }

    /** 138****5678 */
    public static String phone(String phone) {
        return middle(phone, 3, 4);
    }

    /** 张* / 欧阳** : the first character of a name stays. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return name.charAt(0) + "*".repeat(name.length() - 1);
    }
}

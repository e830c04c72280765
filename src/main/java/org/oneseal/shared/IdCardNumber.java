package org.oneseal.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * 居民身份证号码 (GB 11643-1999): 18 characters, ISO 7064 MOD 11-2 check character.
 * Construction validates; {@link #validate(String, LocalDate)} names the rule that failed.
 */
public record IdCardNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public IdCardNumber {
        Problem problem = validate(value, null);
        if (problem != null) {
            throw new InvalidIdentifierException(problem.messageKey(), problem.defaultMessage());
        }
        value = value.trim().toUpperCase(Locale.ROOT);
    }

    public static IdCardNumber parse(String raw, LocalDate today) {
        Problem problem = validate(raw, today);
        if (problem != null) {
            throw new InvalidIdentifierException(problem.messageKey(), problem.defaultMessage());
        }
        return new IdCardNumber(raw);
    }

    /** Returns null when valid, otherwise the rule that failed. {@code today} may be null (no future check). */
    public static Problem validate(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return new Problem("idcard.blank", "请填写身份证号码");
        }
        String v = raw.trim().toUpperCase(Locale.ROOT);
        if (v.length() != 18) {
            return new Problem("idcard.length", "身份证号码应为18位，当前为" + v.length() + "位");
        }
        if (!v.substring(0, 17).chars().allMatch(IdCardNumber::isAsciiDigit)) {
            return new Problem("idcard.digits", "身份证号码前17位必须是数字");
        }
        char last = v.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            return new Problem("idcard.lastchar", "身份证号码第18位只能是数字或X");
        }
        LocalDate birth = birthDateOf(v);
        if (birth == null) {
            return new Problem("idcard.birthdate", "身份证号码中的出生日期（第7至14位）不是真实日期");
        }
        if (birth.getYear() < 1900 || (today != null && birth.isAfter(today))) {
            return new Problem("idcard.birthdate.range", "身份证号码中的出生日期不能早于1900年或晚于今天");
        }
        if (checkCharacter(v) != last) {
            return new Problem("idcard.checksum", "身份证号码校验位不正确，请核对后重新输入");
        }
        return null;
    }

    /** Only 0-9: full-width or other Unicode digits would slip through the checksum. */
    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static char checkCharacter(String v) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (v.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static LocalDate birthDateOf(String v) {
        try {
            return LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    /** 1101**********002X: the first four and the last four characters stay visible. */
    public String masked() {
        return Masking.middle(value, 4, 4);
    }

    @Override
    public String toString() {
        return masked();
    }

    /** A failed rule: message key for the bundles plus the Chinese default text. */
    public record Problem(String messageKey, String defaultMessage) {
    }
}

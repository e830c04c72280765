package org.oneseal.shared;

import java.util.Locale;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters over an alphabet without I, O, S, V, Z;
 * check character = 31 − (Σ value × weight mod 31). Lower case is normalised to upper case.
 */
public record CreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        IdCardNumber.Problem problem = validate(value);
        if (problem != null) {
            throw new InvalidIdentifierException(problem.messageKey(), problem.defaultMessage());
        }
        value = value.trim().toUpperCase(Locale.ROOT);
    }

    /** Returns null when valid, otherwise the rule that failed. */
    public static IdCardNumber.Problem validate(String raw) {
        if (raw == null || raw.isBlank()) {
            return new IdCardNumber.Problem("creditcode.blank", "请填写统一社会信用代码");
        }
        String v = raw.trim().toUpperCase(Locale.ROOT);
        if (v.length() != 18) {
            return new IdCardNumber.Problem("creditcode.length", "统一社会信用代码应为18位，当前为" + v.length() + "位");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(v.charAt(i)) < 0) {
                return new IdCardNumber.Problem("creditcode.character",
                        "统一社会信用代码第" + (i + 1) + "位“" + v.charAt(i) + "”不是允许的字符（不使用I、O、S、V、Z）");
            }
        }
        if (checkCharacter(v) != v.charAt(17)) {
            return new IdCardNumber.Problem("creditcode.checksum", "统一社会信用代码校验位不正确，请核对后重新输入");
        }
        return null;
    }

    static char checkCharacter(String v) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(v.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    @Override
    public String toString() {
        return value;
    }
}

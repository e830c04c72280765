package org.oneseal.license;

import java.util.Map;
import java.util.regex.Pattern;

/** The rules a licence or a decision must satisfy before the seal signs it. */
final class LicenceRules {

    private static final Pattern FIELD_NAME = Pattern.compile("[^=\\n\\r\\\\]{1,64}");
    private static final int MAX_PARTICULARS = 40;

    private LicenceRules() {
    }

    static boolean isFieldName(String name) {
        return name != null && !name.isBlank() && FIELD_NAME.matcher(name).matches();
    }

    static void check(IssueLicence c, LicenceMessages messages) {
        required(messages, "caseNumber", c.caseNumber(), 64);
        required(messages, "licenceKind", c.licenceKind(), 100);
        required(messages, "matterCode", c.matterCode(), 64);
        required(messages, "matterName", c.matterName(), 200);
        required(messages, "holderName", c.holderName(), 200);
        required(messages, "holderIdentifier", c.holderIdentifier(), 64);
        required(messages, "issuerName", c.issuerName(), 200);
        if (c.validFrom() == null) {
            throw messages.violation("validFromMissing");
        }
        if (c.validUntil() != null && c.validUntil().isBefore(c.validFrom())) {
            throw messages.violation("validityOrder");
        }
        if (c.issuerRegionId() < 0 || c.issuerRegionId() > 999_999) {
            throw messages.violation("regionOutOfRange");
        }
        checkParticulars(c.particulars(), messages);
    }

    static void checkParticulars(Map<String, String> particulars, LicenceMessages messages) {
        if (particulars.size() > MAX_PARTICULARS) {
            throw messages.violation("tooManyParticulars", String.valueOf(MAX_PARTICULARS));
        }
        particulars.forEach((name, value) -> {
            if (!isFieldName(name.trim()) || !name.equals(name.trim())) {
                throw messages.violation("particularName", name);
            }
            if (blank(value) || value.length() > 1000) {
                throw messages.violation("particularValue", name, "1000");
            }
        });
    }

    static void check(IssueDecision d, LicenceMessages messages) {
        required(messages, "caseNumber", d.caseNumber(), 64);
        required(messages, "matterName", d.matterName(), 200);
        required(messages, "applicantName", d.applicantName(), 200);
        required(messages, "issuerName", d.issuerName(), 200);
        if (d.decidedOn() == null) {
            throw messages.violation("decidedOnMissing");
        }
        if (!d.granted() && (blank(d.reasons()) || blank(d.legalBasis()) || blank(d.remedies()))) {
            throw messages.violation("denialIncomplete");
        }
        optional(messages, "reasons", d.reasons(), 4000);
        optional(messages, "legalBasis", d.legalBasis(), 2000);
        optional(messages, "remedies", d.remedies(), 2000);
    }

    static void required(LicenceMessages messages, String field, String value, int max) {
        if (blank(value)) {
            throw messages.violation("required", messages.chinese("license.field." + field));
        }
        optional(messages, field, value, max);
    }

    private static void optional(LicenceMessages messages, String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw messages.violation("tooLong", messages.chinese("license.field." + field), String.valueOf(max));
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

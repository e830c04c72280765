package org.oneseal.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filter as typed into the auditor's form or the API's query string: plain text, checked here so that
 * bad input gets a message per field (a message key) instead of an error page.
 */
record AuditFilterForm(String actor, String action, String outcome, String objectType, String objectId,
                       String from, String to, String before) {

    /** The checked filter, or the errors (field name to message key) when some field is bad. */
    record Checked(AuditQuery query, Map<String, String> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    static AuditFilterForm empty() {
        return new AuditFilterForm(null, null, null, null, null, null, null, null);
    }

    Checked check() {
        Map<String, String> errors = new LinkedHashMap<>();
        tooLong(errors, "actor", actor, 100);
        tooLong(errors, "action", action, 100);
        tooLong(errors, "objectType", objectType, 64);
        tooLong(errors, "objectId", objectId, 128);
        AuditOutcome parsedOutcome = outcome(errors);
        LocalDate fromDate = date(errors, "from", from);
        LocalDate toDate = date(errors, "to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.put("to", "audit.filter.error.range");
        }
        Long beforeSeq = before(errors);
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        return new Checked(new AuditQuery(actor, action, parsedOutcome, objectType, objectId, fromDate, toDate,
                beforeSeq), errors);
    }

    /** A field's text by name (for the form template). */
    public String field(String name) {
        return switch (name) {
            case "actor" -> actor;
            case "action" -> action;
            case "outcome" -> outcome;
            case "objectType" -> objectType;
            case "objectId" -> objectId;
            case "from" -> from;
            case "to" -> to;
            case "before" -> before;
            default -> throw new IllegalArgumentException("no filter field " + name);
        };
    }

    /** The same filter on the next (older) page. */
    AuditFilterForm before(Long seq) {
        return new AuditFilterForm(actor, action, outcome, objectType, objectId, from, to,
                seq == null ? null : seq.toString());
    }

    private static void tooLong(Map<String, String> errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.put(field, "audit.filter.error.toolong");
        }
    }

    private AuditOutcome outcome(Map<String, String> errors) {
        if (blank(outcome)) {
            return null;
        }
        try {
            return AuditOutcome.valueOf(outcome.strip());
        } catch (IllegalArgumentException e) {
            errors.put("outcome", "audit.filter.error.outcome");
            return null;
        }
    }

    private static LocalDate date(Map<String, String> errors, String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "audit.filter.error.date");
            return null;
        }
    }

    private Long before(Map<String, String> errors) {
        if (blank(before)) {
            return null;
        }
        try {
            long seq = Long.parseLong(before.strip());
            if (seq > 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put("before", "audit.filter.error.before");
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

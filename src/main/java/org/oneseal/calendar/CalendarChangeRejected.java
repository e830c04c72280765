package org.oneseal.calendar;

import org.oneseal.shared.BusinessRuleViolation;

/**
 * An administrator's change breaks a rule of the calendar. {@link #code()} is the message key,
 * {@link #field()} the form field it concerns and {@link #args()} the key's arguments, so that the form
 * shows the message in the user's language; the exception's message is the Chinese text.
 */
class CalendarChangeRejected extends BusinessRuleViolation {

    private final String field;
    private final transient Object[] args;

    CalendarChangeRejected(String field, String key, Object[] args, String chineseMessage) {
        super(key, chineseMessage);
        this.field = field;
        this.args = args.clone();
    }

    String field() {
        return field;
    }

    Object[] args() {
        return args.clone();
    }
}

package org.oneseal.calendar;

/**
 * Thrown by {@link CalendarYear} when a change would break one of its rules; the facade turns it into
 * a {@link CalendarChangeRejected} with the readable text.
 */
class CalendarRuleBroken extends RuntimeException {

    private final String field;
    private final String key;
    private final transient Object[] args;

    CalendarRuleBroken(String field, String key, Object... args) {
        super(key);
        this.field = field;
        this.key = key;
        this.args = args.clone();
    }

    String field() {
        return field;
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.clone();
    }
}

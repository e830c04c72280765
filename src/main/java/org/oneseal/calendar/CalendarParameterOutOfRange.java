package org.oneseal.calendar;

/** A numeric request parameter of the calendar API lies outside its allowed range (HTTP 400). */
class CalendarParameterOutOfRange extends RuntimeException {

    private final String parameter;
    private final long value;
    private final int limit;

    CalendarParameterOutOfRange(String parameter, long value, int limit) {
        super(parameter + " out of range: " + value);
        this.parameter = parameter;
        this.value = value;
        this.limit = limit;
    }

    String parameter() {
        return parameter;
    }

    long value() {
        return value;
    }

    int limit() {
        return limit;
    }
}

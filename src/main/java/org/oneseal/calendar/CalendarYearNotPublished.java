package org.oneseal.calendar;

import org.oneseal.shared.BusinessRuleViolation;

/**
 * A computation touched a date of a year for which no holiday arrangement has been entered. The
 * calendar never guesses with weekends only: the caller gets this error, which names the year.
 */
public class CalendarYearNotPublished extends BusinessRuleViolation {

    /** The stable rule code of this violation. */
    public static final String CODE = "calendar.year.missing";

    private final int year;

    CalendarYearNotPublished(int year, String chineseMessage) {
        super(CODE, chineseMessage);
        this.year = year;
    }

    /** The year without data. */
    public int year() {
        return year;
    }
}

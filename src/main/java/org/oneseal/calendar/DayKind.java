package org.oneseal.calendar;

/** What kind of day a date is in the working-day calendar. */
public enum DayKind {

    /** An ordinary Monday to Friday (工作日). */
    WORKDAY,

    /** An ordinary Saturday or Sunday (周末). */
    WEEKEND,

    /** A statutory holiday or a day of a holiday period (法定节假日、放假调休). */
    HOLIDAY,

    /** A Saturday or Sunday on which people work to make up for a holiday (调休上班). */
    MAKEUP_WORKDAY
}

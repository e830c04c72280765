package org.oneseal.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One date of the working-day calendar.
 *
 * @param date       the date
 * @param workingDay whether deadlines count this day
 * @param kind       why it is (or is not) a working day
 * @param name       the holiday's name for {@link DayKind#HOLIDAY} and {@link DayKind#MAKEUP_WORKDAY}
 *                   (e.g. 春节, 春节调休上班), otherwise null
 */
public record CalendarDay(LocalDate date, boolean workingDay, DayKind kind, String name) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
    }
}

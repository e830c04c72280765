package org.oneseal.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The special days of one published year, as an immutable snapshot for computing.
 *
 * @param year    the year
 * @param version the year's version when the snapshot was read (see {@link CalendarCache})
 * @param days    the year's holidays and make-up working days by date
 */
record YearDays(int year, long version, Map<LocalDate, SpecialDay> days) {

    YearDays {
        days = Map.copyOf(days);
    }

    static YearDays of(int year, long version, Collection<SpecialDay> days) {
        return new YearDays(year, version, days.stream()
                .collect(Collectors.toMap(SpecialDay::date, Function.identity())));
    }

    /** The special day on that date, or null when the date is an ordinary weekday or weekend. */
    SpecialDay special(LocalDate date) {
        return days.get(date);
    }
}

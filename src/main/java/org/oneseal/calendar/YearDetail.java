package org.oneseal.calendar;

import java.time.Instant;
import java.util.List;

/**
 * A year as the administrator sees it.
 *
 * @param year           the year
 * @param sourceDocument the State Council notice the data come from
 * @param updatedAt      last change
 * @param days           the holidays and make-up working days in date order
 * @param rule           the working-day rule over this year's data (for the month grid)
 */
record YearDetail(int year, String sourceDocument, Instant updatedAt, List<SpecialDay> days, WorkingDayRule rule) {

    static YearDetail of(CalendarYear year) {
        YearDays snapshot = year.snapshot();
        WorkingDayRule rule = new WorkingDayRule(y -> {
            if (y != snapshot.year()) {
                throw new IllegalArgumentException("only " + snapshot.year() + " is loaded");
            }
            return snapshot;
        });
        return new YearDetail(year.year(), year.sourceDocument(), year.updatedAt(), year.days(), rule);
    }
}

package org.oneseal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One month as weeks of seven cells, Monday first, for the administrator's calendar view. Cells
 * before the first and after the last day of the month are null.
 *
 * @param month the month
 * @param weeks rows of seven cells
 */
record MonthGrid(YearMonth month, List<List<CalendarDay>> weeks) {

    static MonthGrid of(YearMonth month, WorkingDayRule rule) {
        List<List<CalendarDay>> weeks = new ArrayList<>();
        List<CalendarDay> week = blanks(month.atDay(1).getDayOfWeek().getValue() - 1);
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            week.add(rule.day(d));
            if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            week.addAll(blanks(7 - week.size()));
            weeks.add(week);
        }
        return new MonthGrid(month, weeks);
    }

    private static List<CalendarDay> blanks(int count) {
        return new ArrayList<>(Collections.nCopies(count, null));
    }

    YearMonth previous() {
        return month.minusMonths(1);
    }

    YearMonth next() {
        return month.plusMonths(1);
    }
}

package org.oneseal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The working-day rule and the deadline arithmetic built on it, over any source of year data.
 *
 * <p>A day is a working day iff it is (Monday to Friday and not a holiday) or a make-up working day.
 * The source throws for a year without data; this class never guesses with weekends only.
 *
 * <ul>
 *   <li>{@link #add}: the first day of a period is not counted (期间开始之日不计算在内), so
 *       {@code add(start, n)} is the n-th working day after {@code start}; {@code n = 0} gives
 *       {@code start} itself when it is a working day, else the next working day; {@code n < 0}
 *       gives the |n|-th working day before {@code start}.</li>
 *   <li>{@link #between}: the working days in the half-open interval (from, to]; when {@code to} lies
 *       before {@code from} the result is {@code -between(to, from)}.</li>
 * </ul>
 */
final class WorkingDayRule {

    /** Gives the data of a year, or throws when the year has none. */
    @FunctionalInterface
    interface YearSource {
        YearDays year(int year);
    }

    private final YearSource years;

    WorkingDayRule(YearSource years) {
        this.years = Objects.requireNonNull(years);
    }

    CalendarDay day(LocalDate date) {
        Objects.requireNonNull(date, "date");
        SpecialDay special = years.year(date.getYear()).special(date);
        if (special != null) {
            return new CalendarDay(date, special.kind().working(), special.kind().dayKind(), special.name());
        }
        boolean weekend = isWeekend(date);
        return new CalendarDay(date, !weekend, weekend ? DayKind.WEEKEND : DayKind.WORKDAY, null);
    }

    boolean isWorkingDay(LocalDate date) {
        return day(date).workingDay();
    }

    LocalDate add(LocalDate start, int days) {
        Objects.requireNonNull(start, "start");
        if (days == 0) {
            return isWorkingDay(start) ? start : add(start, 1);
        }
        years.year(start.getYear());
        int step = days > 0 ? 1 : -1;
        int remaining = Math.abs(days);
        LocalDate current = start;
        while (remaining > 0) {
            current = current.plusDays(step);
            if (isWorkingDay(current)) {
                remaining--;
            }
        }
        return current;
    }

    int between(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return -between(to, from);
        }
        years.year(from.getYear());
        years.year(to.getYear());
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}

package org.oneseal.calendar;

import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * 工作日历: the one place that says whether a date is a working day and computes deadlines in working
 * days. Every method throws {@link CalendarYearNotPublished} (a {@code BusinessRuleViolation}, HTTP 422)
 * when it needs a date of a year whose holiday arrangement has not been entered.
 *
 * <p>Reads come from an in-memory cache of each year's special days ({@link CalendarCache}); they open
 * no transaction, and at most one small query runs per year and recheck interval.
 */
@Service
public class WorkingDayCalendar {

    private final WorkingDayRule rule;

    WorkingDayCalendar(CalendarCache cache) {
        this.rule = new WorkingDayRule(cache);
    }

    /** Whether the date is a working day: (Monday to Friday and not a holiday) or a make-up working day. */
    /** Whether the holidays of this year have been entered (deadlines reaching into it can be computed). */
    public boolean isPublished(int year) {
        try {
            day(LocalDate.of(year, 1, 1));
            return true;
        } catch (CalendarYearNotPublished e) {
            return false;
        }
    }

    public boolean isWorkingDay(LocalDate date) {
        return rule.isWorkingDay(date);
    }

    /** The date with its kind (workday, weekend, holiday, make-up working day) and holiday name. */
    public CalendarDay day(LocalDate date) {
        return rule.day(date);
    }

    /**
     * The {@code days}-th working day after {@code start}; the start day itself is not counted
     * (行政许可法 Art. 82 with the rule that the first day of a period is not counted). Thus a decision
     * due "within 20 working days of acceptance" is due on {@code addWorkingDays(acceptedOn, 20)}.
     * {@code days = 0} gives {@code start} if it is a working day, else the next working day;
     * negative {@code days} count backwards (the |days|-th working day before {@code start}).
     */
    public LocalDate addWorkingDays(LocalDate start, int days) {
        return rule.add(start, days);
    }

    /**
     * The number of working days in (from, to]: {@code from} is not counted, {@code to} is. When
     * {@code to} lies before {@code from} the result is negative: {@code -workingDaysBetween(to, from)}.
     * For {@code n >= 0}: {@code workingDaysBetween(d, addWorkingDays(d, n)) == n} whenever d is a working
     * day or n > 0.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return rule.between(from, to);
    }
}

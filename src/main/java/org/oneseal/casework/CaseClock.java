package org.oneseal.casework;

import java.time.LocalDate;
import org.oneseal.calendar.WorkingDayCalendar;

/**
 * 办件时钟: the legal and promised time limits of one case in working days (行政许可法 Art. 42, 45, 82).
 * Starts on the day of acceptance (that day itself is not counted); correction waits and special
 * procedures pause it; one extension adds 10 working days to both limits. Immutable: every move returns
 * a new clock, and casework records it as an event with actor and reason.
 *
 * @param acceptedOn        the day the case was accepted (null: not started)
 * @param promisedDays      the bureau's promised limit (0 for an immediate matter)
 * @param legalDays         the legal limit
 * @param pausedDays        working days spent in finished pauses
 * @param pausedSince       the day the current pause began, or null when running
 * @param extensionDays     0, or the days of the one extension granted
 */
record CaseClock(LocalDate acceptedOn, int promisedDays, int legalDays, int pausedDays, LocalDate pausedSince,
                 int extensionDays) {

    static final int EXTENSION_DAYS = 10;
    /** Share of the promised limit after which a case is marked as urgent (default 80%). */
    static final double WARNING_SHARE = 0.8;

    CaseClock {
        if (promisedDays < 0 || legalDays < 0 || promisedDays > legalDays && legalDays > 0) {
            throw new IllegalArgumentException("limits must satisfy 0 <= promised <= legal");
        }
    }

    static CaseClock notStarted(int promisedDays, int legalDays) {
        return new CaseClock(null, promisedDays, legalDays, 0, null, 0);
    }

    boolean started() {
        return acceptedOn != null;
    }

    boolean paused() {
        return pausedSince != null;
    }

    boolean extended() {
        return extensionDays > 0;
    }

    CaseClock start(LocalDate on) {
        if (started()) {
            throw new IllegalStateException("the clock runs already");
        }
        return new CaseClock(on, promisedDays, legalDays, 0, null, 0);
    }

    CaseClock pause(LocalDate on) {
        if (!started() || paused()) {
            throw new IllegalStateException("only a running clock can be paused");
        }
        return new CaseClock(acceptedOn, promisedDays, legalDays, pausedDays, on, extensionDays);
    }

    CaseClock resume(LocalDate on, WorkingDayCalendar calendar) {
        if (!paused()) {
            throw new IllegalStateException("the clock is not paused");
        }
        int more = Math.max(0, calendar.workingDaysBetween(pausedSince, on));
        return new CaseClock(acceptedOn, promisedDays, legalDays, pausedDays + more, null, extensionDays);
    }

    CaseClock extend() {
        if (!started() || extended()) {
            throw new IllegalStateException("a case can be extended once, after acceptance");
        }
        return new CaseClock(acceptedOn, promisedDays, legalDays, pausedDays, pausedSince, EXTENSION_DAYS);
    }

    /** Working days used so far (pauses excluded). */
    int elapsed(LocalDate today, WorkingDayCalendar calendar) {
        if (!started()) {
            return 0;
        }
        LocalDate until = paused() ? pausedSince : today;
        return Math.max(0, calendar.workingDaysBetween(acceptedOn, until) - pausedDays);
    }

    /** The promised due date: concrete, shown to the applicant. While paused, counted as if resumed today. */
    LocalDate promisedDue(LocalDate today, WorkingDayCalendar calendar) {
        return due(promisedDays + extensionDays, today, calendar);
    }

    LocalDate legalDue(LocalDate today, WorkingDayCalendar calendar) {
        return due(legalDays + extensionDays, today, calendar);
    }

    private LocalDate due(int limit, LocalDate today, WorkingDayCalendar calendar) {
        if (!started()) {
            return null;
        }
        if (!paused()) {
            return calendar.addWorkingDays(acceptedOn, limit + pausedDays);
        }
        int remaining = Math.max(0, limit - elapsed(today, calendar));
        return calendar.addWorkingDays(today, remaining);
    }

    Urgency urgency(LocalDate today, WorkingDayCalendar calendar) {
        if (!started()) {
            return Urgency.NOT_STARTED;
        }
        if (paused()) {
            return Urgency.PAUSED;
        }
        int limit = promisedDays + extensionDays;
        int used = elapsed(today, calendar);
        if (today.isAfter(promisedDue(today, calendar))) {
            return Urgency.OVERDUE;
        }
        return limit > 0 && used >= Math.ceil(limit * WARNING_SHARE) ? Urgency.WARNING : Urgency.NORMAL;
    }

    /** Concluded after the legal limit (a statistic, not a state). */
    boolean lateAgainstLegal(LocalDate concludedOn, WorkingDayCalendar calendar) {
        return started() && concludedOn.isAfter(legalDue(concludedOn, calendar));
    }

    /** Took more than three times the promised limit ("3倍超期"). */
    boolean threeTimesLate(LocalDate concludedOn, WorkingDayCalendar calendar) {
        int limit = Math.max(1, promisedDays + extensionDays);
        return started() && elapsed(concludedOn, calendar) > 3 * limit;
    }

    enum Urgency {
        NOT_STARTED, NORMAL, WARNING, OVERDUE, PAUSED
    }
}

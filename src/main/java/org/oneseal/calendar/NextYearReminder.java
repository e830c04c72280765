package org.oneseal.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * From October on, every workbench page reminds staff when next year's holidays are not entered yet:
 * deadlines reaching into that year cannot be computed, so accepting such cases would be refused.
 */
@ControllerAdvice
class NextYearReminder {

    private static final Duration RECHECK = Duration.ofMinutes(10);

    private final WorkingDayCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;
    private volatile Instant checkedAt = Instant.MIN;
    private volatile boolean missing;

    NextYearReminder(WorkingDayCalendar calendar, MessageSource messages, Clock clock) {
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute("calendarReminder")
    String reminder() {
        LocalDate today = LocalDate.now(clock);
        if (today.getMonthValue() < 10) {
            return null;
        }
        Instant now = clock.instant();
        if (now.isAfter(checkedAt.plus(RECHECK)) || now.isBefore(checkedAt)) {
            missing = !calendar.isPublished(today.getYear() + 1);
            checkedAt = now;
        }
        return missing ? messages.getMessage("calendar.reminder.nextYear", new Object[] {today.getYear() + 1},
                LocaleContextHolder.getLocale()) : null;
    }
}

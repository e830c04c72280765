package org.oneseal.calendar;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Texts of error messages thrown by the calendar. Business-rule messages are Chinese (the API's
 * problem+json {@code detail} is Chinese), taken from the bundle {@code messages/calendar_zh_CN}.
 * Pass numbers as strings: MessageFormat would print the year 2027 as "2,027".
 */
@Component
class CalendarMessages {

    private final MessageSource messages;

    CalendarMessages(MessageSource messages) {
        this.messages = messages;
    }

    String chinese(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    CalendarYearNotPublished yearNotPublished(int year) {
        String y = String.valueOf(year);
        return new CalendarYearNotPublished(year, chinese("calendar.error.yearMissing", y));
    }
}

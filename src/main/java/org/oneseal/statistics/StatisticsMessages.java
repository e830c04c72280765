package org.oneseal.statistics;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The module's texts (and the metrics' names and definitions from every module's bundle) in the request's language. */
@Component
class StatisticsMessages {

    private final MessageSource messages;

    StatisticsMessages(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}

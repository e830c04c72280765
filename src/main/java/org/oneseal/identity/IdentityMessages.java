package org.oneseal.identity;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Texts of the identity module in the current request's language. */
@Component
class IdentityMessages {

    private final MessageSource messages;

    IdentityMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** An identifier problem: its precise Chinese text, or the bundle's text in another language. */
    String text(org.oneseal.shared.IdCardNumber.Problem problem) {
        if ("zh".equals(LocaleContextHolder.getLocale().getLanguage())) {
            return problem.defaultMessage();
        }
        return messages.getMessage(problem.messageKey(), null, problem.defaultMessage(), LocaleContextHolder.getLocale());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}

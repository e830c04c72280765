package org.oneseal.approval;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Texts of the approval module from the {@code messages/approval} bundles. Rule violations carry the Chinese
 * text (see {@link org.oneseal.shared.BusinessRuleViolation}); the English bundle serves pages that show the
 * same rule by its code.
 */
@Component
class ApprovalMessages {

    private final MessageSource messages;

    ApprovalMessages(MessageSource messages) {
        this.messages = messages;
    }

    String chinese(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }
}

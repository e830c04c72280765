package org.oneseal.matter;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Chinese texts of the matter module's errors (the API's problem+json detail is Chinese). */
@Component
class MatterMessages {

    private final MessageSource messages;

    MatterMessages(MessageSource messages) {
        this.messages = messages;
    }

    String chinese(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }
}

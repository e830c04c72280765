package org.oneseal.license;

import java.util.Locale;
import org.oneseal.shared.BusinessRuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Chinese texts of the licence module (rule violations, verification reasons, PDF labels). */
@Component
class LicenceMessages {

    private final MessageSource messages;

    LicenceMessages(MessageSource messages) {
        this.messages = messages;
    }

    String chinese(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    BusinessRuleViolation violation(String code, Object... args) {
        return new BusinessRuleViolation("license." + code, chinese("license.rule." + code, args));
    }
}

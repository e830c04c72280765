package org.oneseal.notification;

import org.oneseal.shared.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * 短信 (demo): writes a structured log line instead of sending, with the phone number masked. Switched off
 * with {@code oneseal.notification.sms.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "oneseal.notification.sms.enabled", havingValue = "true", matchIfMissing = true)
class SmsChannel implements OutboundChannel {

    private static final Logger log = LoggerFactory.getLogger(SmsChannel.class);

    @Override
    public boolean reaches(Recipient recipient) {
        return recipient.phone() != null && !recipient.phone().isBlank();
    }

    @Override
    public void send(Recipient recipient, String reference, String kind, String title, String body) {
        String to = Masking.phone(recipient.phone());
        log.atInfo().addKeyValue("channel", "sms").addKeyValue("to", to)
                .addKeyValue("reference", reference).addKeyValue("kind", kind)
                .log("SMS (log only) to {} about {}: {}", to, reference, title);
    }
}

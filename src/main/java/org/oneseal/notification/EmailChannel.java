package org.oneseal.notification;

import org.oneseal.shared.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * 电子邮件 (demo): writes a structured log line instead of sending, with the address masked. Switched off
 * with {@code oneseal.notification.email.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "oneseal.notification.email.enabled", havingValue = "true", matchIfMissing = true)
class EmailChannel implements OutboundChannel {

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

    @Override
    public boolean reaches(Recipient recipient) {
        return recipient.email() != null && recipient.email().contains("@");
    }

    @Override
    public void send(Recipient recipient, String reference, String kind, String title, String body) {
        String email = recipient.email();
        int at = email.indexOf('@');
        String to = Masking.middle(email.substring(0, at), 1, 0) + email.substring(at);
        log.atInfo().addKeyValue("channel", "email").addKeyValue("to", to)
                .addKeyValue("reference", reference).addKeyValue("kind", kind)
                .log("E-mail (log only) to {} about {}: {}", to, reference, title);
    }
}

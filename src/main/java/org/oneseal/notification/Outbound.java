package org.oneseal.notification;

import java.util.List;
import org.oneseal.identity.ApplicantDirectory;
import org.springframework.stereotype.Component;

/**
 * Sends a notice to an applicant outside the portal, through every outbound channel that reaches them (SMS to their
 * phone, e-mail). A channel that throws fails the caller's transaction, so the notice is retried as a whole.
 */
@Component
class Outbound {

    private final ApplicantDirectory applicants;
    private final List<OutboundChannel> channels;

    Outbound(ApplicantDirectory applicants, List<OutboundChannel> channels) {
        this.applicants = applicants;
        this.channels = channels;
    }

    void send(long accountId, String reference, String kind, String title, String body) {
        applicants.profile(accountId).map(p -> new Recipient(p.accountId(), p.phone(), null))
                .ifPresent(r -> channels.stream().filter(c -> c.reaches(r))
                        .forEach(c -> c.send(r, reference, kind, title, body)));
    }
}

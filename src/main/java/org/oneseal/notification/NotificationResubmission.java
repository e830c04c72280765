package org.oneseal.notification;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.oneseal.casework.CaseStatusChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Redelivers case status changes whose notice was not completed (the listener failed, or the node died
 * while handling it): a scheduled job, one node at a time. Only publications older than the grace period
 * are taken, so that an event still being handled is left alone.
 */
@Component
class NotificationResubmission {

    private final IncompleteEventPublications incomplete;
    private final Duration grace;

    NotificationResubmission(IncompleteEventPublications incomplete,
            @Value("${oneseal.notification.resubmit-after:PT10M}") Duration grace) {
        this.incomplete = incomplete;
        this.grace = grace;
    }

    @Scheduled(cron = "${oneseal.notification.resubmit-cron:0 */10 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "notification-resubmit",
            lockAtMostFor = "${oneseal.notification.resubmit-lock-at-most-for:PT5M}",
            lockAtLeastFor = "${oneseal.notification.resubmit-lock-at-least-for:PT1M}")
    public void scheduled() {
        resubmit(Instant.now());
    }

    void resubmit(Instant now) {
        Instant before = now.minus(grace);
        incomplete.resubmitIncompletePublications(p -> isNotice(p) && p.getPublicationDate().isBefore(before));
    }

    private static boolean isNotice(EventPublication publication) {
        return publication.getEvent() instanceof CaseStatusChanged
                || publication.getEvent() instanceof org.oneseal.hall.AppointmentReminderDue;
    }
}

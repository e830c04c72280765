package org.oneseal.notification;

import org.oneseal.casework.CaseStatusChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns a case's status change into a message for its applicant: asynchronously after the case's commit,
 * in a transaction of its own, recorded in the event publication registry (an event whose handling fails or
 * is cut off by a crash stays incomplete and is resubmitted, see {@link NotificationResubmission}).
 * <p>
 * The in-app message is stored once per (case, move, time); outbound channels are used only when the
 * message is new, so a redelivered event sends nothing twice. A failing channel rolls the message back and
 * the whole notice is retried later (at least once outside the portal, exactly once inside).
 */
@Component
class CaseStatusNotifier {

    private final CaseNotices notices;
    private final MessageStore store;
    private final Outbound outbound;

    CaseStatusNotifier(CaseNotices notices, MessageStore store, Outbound outbound) {
        this.notices = notices;
        this.store = store;
        this.outbound = outbound;
    }

    @ApplicationModuleListener
    void on(CaseStatusChanged event) {
        notices.of(event).filter(store::add).ifPresent(n -> outbound.send(n.accountId(), n.caseNumber(), n.kind(),
                n.title(), n.body()));
    }
}

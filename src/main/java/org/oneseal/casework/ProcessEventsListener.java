package org.oneseal.casework;

import org.oneseal.approval.ProcessEnded;
import org.oneseal.approval.ProcessStepReached;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the case's current step and the role who acts next in step with its process, in the same
 * transaction as the move that caused it.
 */
@Component
class ProcessEventsListener {

    private final CaseRepository cases;

    ProcessEventsListener(CaseRepository cases) {
        this.cases = cases;
    }

    @EventListener
    void on(ProcessStepReached event) {
        cases.lock(event.caseId()).ifPresent(file -> {
            file.stepReached(event.stepKey(), event.candidateRole());
            cases.save(file);
        });
    }

    @EventListener
    void on(ProcessEnded event) {
        cases.lock(event.caseId()).ifPresent(file -> {
            file.processEnded();
            cases.save(file);
        });
    }
}

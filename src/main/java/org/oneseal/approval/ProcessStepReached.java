package org.oneseal.approval;

import java.time.Instant;

/** A case's process reached a user step; {@code candidateRole} names the staff role (or APPLICANT) who acts. */
public record ProcessStepReached(long caseId, String processInstanceId, String stepKey, String stepName,
                                 String candidateRole, Instant at) {
}

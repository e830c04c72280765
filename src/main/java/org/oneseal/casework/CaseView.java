package org.oneseal.casework;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case as staff and applicants see it. {@code applicantIdentifier} is masked for persons.
 *
 * @param urgency NOT_STARTED, NORMAL, WARNING, OVERDUE or PAUSED
 */
public record CaseView(long id, String caseNumber, long matterId, long matterVersionId, String matterName,
                       long regionId, String applicantKind, String applicantName, String applicantIdentifier,
                       String channel, CaseStatus status, String currentStep, String candidateRole, String assignee,
                       Instant submittedAt, LocalDate acceptedOn, LocalDate promisedDue, LocalDate legalDue,
                       int promisedDays, int legalDays, boolean extended, boolean paused, String urgency,
                       LocalDate concludedOn, String licenceId, String decisionDocumentId) {
}

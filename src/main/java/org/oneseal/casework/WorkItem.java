package org.oneseal.casework;

import java.time.LocalDate;

/** One line of a staff member's task list. */
public record WorkItem(long caseId, String caseNumber, String matterName, String applicantName, CaseStatus status,
                       String step, String candidateRole, String assignee, LocalDate promisedDue, boolean overdue,
                       String urgency, long regionId) {
}

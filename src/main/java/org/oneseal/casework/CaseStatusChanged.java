package org.oneseal.casework;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case changed status (or its clock moved): published after every move, in the move's transaction, for
 * notifications and statistics. {@code applicantAccountId} is null for applicants without an account;
 * {@code bundleCaseId} is the 一件事 application the case belongs to, or null.
 */
public record CaseStatusChanged(long caseId, String caseNumber, String matterName, Long applicantAccountId,
                                long regionId, String event, CaseStatus status, LocalDate expectedDate, String reason,
                                Instant at, Long bundleCaseId) {
}

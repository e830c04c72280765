package org.oneseal.casework;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 告知承诺核查: the check of a commitment after the decision.
 *
 * @param state        OPEN, NOT_SAMPLED (not drawn by a random sample), PASSED or FAILED
 * @param consequence  of a failed check: CORRECTION_ORDER, REVOKE (the licence) or TERMINATE (the case)
 */
public record CommitmentVerification(long id, long caseId, String caseNumber, String matterName, String applicantName,
                                     long regionId, String method, int samplePercent, LocalDate dueOn, String state,
                                     String findings, String consequence, LocalDate correctionDue, Instant concludedAt,
                                     String concludedBy) {
}

package org.oneseal.license;

import java.time.LocalDate;

/**
 * Sign a decision document (准予/不予行政许可决定书). A denial must state its reasons, its legal basis and
 * the remedies open to the applicant (行政复议、行政诉讼).
 */
public record IssueDecision(long caseId, String caseNumber, String matterName, String applicantName, boolean granted,
                            String reasons, String legalBasis, String remedies, String issuerName, LocalDate decidedOn) {
}

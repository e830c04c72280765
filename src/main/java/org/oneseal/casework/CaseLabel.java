package org.oneseal.casework;

/**
 * How a list of records names a submitted case: its number and its matter's name (no applicant: the lists that use it
 * carry no personal data).
 */
public record CaseLabel(long id, String caseNumber, String matterName) {
}

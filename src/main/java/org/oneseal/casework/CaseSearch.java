package org.oneseal.casework;

/** Filters of the staff case search; every field optional. */
public record CaseSearch(String caseNumber, String applicant, String matter, CaseStatus status, boolean overdueOnly) {

    public static CaseSearch none() {
        return new CaseSearch(null, null, null, null, false);
    }
}

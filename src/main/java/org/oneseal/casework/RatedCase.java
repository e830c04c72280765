package org.oneseal.casework;

import java.time.LocalDate;
import java.util.Set;

/**
 * What 好差评 needs to know of a case: where it belongs (region, department, matter), whose it is (the applicant's
 * account and the phone to call back), when it was accepted and concluded, and every staff member who acted on
 * it (staff may not rate their own service).
 */
public record RatedCase(long id, String caseNumber, String matterName, CaseStatus status, long regionId, long departmentId,
                        long matterId,
                        Long applicantAccountId, String applicantName, String applicantPhone, LocalDate acceptedOn,
                        LocalDate concludedOn, Set<String> staff) {
}

package org.oneseal.casework;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 容缺材料: a material the case was taken in without, the date the applicant committed to, and what became of it.
 *
 * @param suppliedAt    when it arrived, or null while missing
 * @param overdueOn     the day the job found it overdue, or null
 * @param overdueAction what that did to the case: SUSPEND or TERMINATE, or null
 */
public record DeferredMaterialView(String requirementCode, String materialName, LocalDate dueOn, Instant suppliedAt,
                                   LocalDate overdueOn, String overdueAction) {

    public boolean missing() {
        return suppliedAt == null;
    }
}

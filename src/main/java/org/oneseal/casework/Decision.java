package org.oneseal.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * 决定: grant or deny. Every decision states its reasons; a denial also its legal basis and the applicant's
 * remedies (administrative reconsideration / litigation), as the Administrative Licensing Law requires. A grant
 * may carry conditions (附条件准予), printed on the decision and the licence.
 */
public record Decision(@NotNull(message = "{casework.decision.grant.required}") Boolean grant,
                       @NotBlank(message = "{casework.decision.reasons.required}") @Size(max = 2000) String reasons,
                       @Size(max = 1000) String legalBasis,
                       @Size(max = 1000) String remedies,
                       @Size(max = 400) String conditions) {

    public Decision(Boolean grant, String reasons, String legalBasis, String remedies) {
        this(grant, reasons, legalBasis, remedies, null);
    }
}

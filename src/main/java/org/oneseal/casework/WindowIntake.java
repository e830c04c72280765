package org.oneseal.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * 窗口收件: window staff take an application for an applicant identified by ID card number or credit code. For a
 * city-wide or cross-province matter of another region, {@code deliverAt} says where the applicant takes the
 * result: RECEIVING (this hall, the default) or COMPETENT (the office that decides).
 */
public record WindowIntake(@NotNull(message = "{casework.matter.required}") Long matterId,
                           @NotBlank(message = "{casework.applicant.identifier.required}") @Size(max = 30) String applicantIdentifier,
                           @NotBlank(message = "{casework.applicant.name.required}") @Size(max = 120) String applicantName,
                           @Size(max = 20) String phone, String deliverAt) {

    public WindowIntake(Long matterId, String applicantIdentifier, String applicantName, String phone) {
        this(matterId, applicantIdentifier, applicantName, phone, null);
    }
}

package org.oneseal.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A person the enterprise allows to act for it (经办人), optionally until a date. */
public record AgentForm(
        @NotBlank(message = "{identity.realName.required}") @Size(max = 60, message = "{identity.name.size}") String realName,
        @NotBlank(message = "{idcard.blank}") @Size(max = 30, message = "{idcard.length.simple}") String idCardNumber,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil) {
}

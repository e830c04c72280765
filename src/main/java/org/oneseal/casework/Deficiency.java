package org.oneseal.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One item of a correction notice (一次性告知): which material (or null for the form) and what is wrong. */
public record Deficiency(@Size(max = 40) String requirementCode,
                         @NotBlank(message = "{casework.deficiency.required}") @Size(max = 1000) String description) {
}

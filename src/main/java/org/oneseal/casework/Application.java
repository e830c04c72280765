package org.oneseal.casework;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An online application: which matter, a contact phone, a note. The files come separately. */
public record Application(@NotNull(message = "{casework.matter.required}") Long matterId,
                          @Pattern(regexp = "(1\\d{10})?", message = "{casework.phone.pattern}") String phone,
                          @Size(max = 1000, message = "{casework.note.size}") String note) {
}

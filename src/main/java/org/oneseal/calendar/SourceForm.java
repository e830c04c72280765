package org.oneseal.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The form "correct the source document" of a year. */
record SourceForm(
        @NotBlank(message = "{calendar.year.error.sourceRequired}")
        @Size(max = CalendarYear.MAX_SOURCE_LENGTH, message = "{calendar.form.tooLong}")
        String sourceDocument) {
}

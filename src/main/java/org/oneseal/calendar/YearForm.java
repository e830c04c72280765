package org.oneseal.calendar;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The form "add a year": the year and the State Council notice its data come from. */
record YearForm(
        @NotNull(message = "{calendar.year.error.yearRequired}")
        @Min(value = CalendarYear.FIRST_YEAR, message = "{calendar.year.error.range}")
        @Max(value = CalendarYear.LAST_YEAR, message = "{calendar.year.error.range}")
        Integer year,
        @NotBlank(message = "{calendar.year.error.sourceRequired}")
        @Size(max = CalendarYear.MAX_SOURCE_LENGTH, message = "{calendar.form.tooLong}")
        String sourceDocument) {

    static YearForm empty() {
        return new YearForm(null, "");
    }
}

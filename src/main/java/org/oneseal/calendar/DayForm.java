package org.oneseal.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** The form for a holiday or make-up working day. When a day is changed, its date stays as it is. */
record DayForm(
        @NotNull(message = "{calendar.day.error.dateRequired}")
        @DateTimeFormat(iso = ISO.DATE)
        LocalDate date,
        @NotNull(message = "{calendar.day.error.kindRequired}")
        SpecialDayKind kind,
        @NotBlank(message = "{calendar.day.error.nameRequired}")
        @Size(max = CalendarYear.MAX_NAME_LENGTH, message = "{calendar.form.tooLong}")
        String name) {

    static DayForm empty() {
        return new DayForm(null, SpecialDayKind.HOLIDAY, "");
    }

    static DayForm of(SpecialDay day) {
        return new DayForm(day.date(), day.kind(), day.name());
    }
}

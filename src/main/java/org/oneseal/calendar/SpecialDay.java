package org.oneseal.calendar;

import java.time.LocalDate;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A holiday or make-up working day, part of the {@link CalendarYear} aggregate.
 *
 * @param date the date (unique over all years)
 * @param kind holiday or make-up working day
 * @param name e.g. 春节, 国庆节调休上班
 */
@Table(schema = "oneseal", name = "calendar_day")
record SpecialDay(LocalDate date, SpecialDayKind kind, String name) {
}

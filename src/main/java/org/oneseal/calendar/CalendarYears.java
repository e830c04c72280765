package org.oneseal.calendar;

import org.springframework.data.repository.ListCrudRepository;

/** The stored {@link CalendarYear} aggregates, by year. */
interface CalendarYears extends ListCrudRepository<CalendarYear, Integer> {
}

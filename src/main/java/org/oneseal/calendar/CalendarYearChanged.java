package org.oneseal.calendar;

/**
 * An administrator changed the holidays or make-up working days of a year (or entered a new year).
 * Deadlines already computed for dates in that year may have moved.
 *
 * @param year the changed year
 */
public record CalendarYearChanged(int year) {
}

package org.oneseal.calendar;

import java.time.Instant;

/**
 * One line of the list of years.
 *
 * @param year            the year
 * @param sourceDocument  the State Council notice the data come from
 * @param holidays        number of holiday dates
 * @param makeupWorkdays  number of make-up working days
 * @param updatedAt       last change
 */
record YearSummary(int year, String sourceDocument, int holidays, int makeupWorkdays, Instant updatedAt) {
}

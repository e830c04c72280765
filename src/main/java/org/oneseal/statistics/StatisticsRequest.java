package org.oneseal.statistics;

import java.time.LocalDate;

/**
 * What a viewer asks for: a period (both days included, at most one year), an area (null: the viewer's own) and
 * optionally a department (an org unit id; a chief's department dashboard is always their own department).
 */
public record StatisticsRequest(LocalDate from, LocalDate to, Area area, Long department) {
}

package org.oneseal.statistics;

import java.time.LocalDate;

/**
 * What a viewer asks for: a period (both days included, at most one year), an area (null: the viewer's own) and
 * optionally a department or a window (org unit ids, in the area; a chief's department dashboard is always their own
 * department, window staff's their own window).
 */
public record StatisticsRequest(LocalDate from, LocalDate to, Area area, Long department, Long window) {

    public StatisticsRequest(LocalDate from, LocalDate to, Area area, Long department) {
        this(from, to, area, department, null);
    }
}

package org.oneseal.statistics;

import java.util.List;

/**
 * The figures of one window or one department of the area (a row of a bulletin's table).
 *
 * @param unit    the org unit id of the window or department
 * @param label   its name; with its region, e.g. 综合受理窗口（南溪县）, when another row has the same name
 * @param figures the figures asked for, in the order asked
 */
public record BreakdownRow(long unit, String label, List<Figure> figures) {

    /** The figure of that id in this row, or null when it was not asked for. */
    public Figure figure(String id) {
        return figures.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }
}

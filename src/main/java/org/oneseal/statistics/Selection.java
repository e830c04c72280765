package org.oneseal.statistics;

import java.time.LocalDate;
import org.oneseal.shared.metrics.MetricQuery;

/**
 * A request resolved for its viewer: the query the sources run (regions already narrowed to the viewer's data scope,
 * a chief's department and a window's own unit forced) and the labels to print.
 *
 * @param query            what the sources compute
 * @param area             the area as chosen (or defaulted)
 * @param areaLabel        全市, 市本级, or the region's name
 * @param includesCityLevel whether 市本级 records are in (bureau-wide figures exist only then)
 * @param departmentLabel  the department's name, or null
 * @param windowLabel      the window's name when a window's own numbers are shown, or null
 */
public record Selection(MetricQuery query, Area area, String areaLabel, boolean includesCityLevel,
        String departmentLabel, String windowLabel) {

    public LocalDate from() {
        return query.from();
    }

    public LocalDate to() {
        return query.to();
    }
}

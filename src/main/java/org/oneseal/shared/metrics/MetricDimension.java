package org.oneseal.shared.metrics;

/** The breakdowns below a region that a figure supports; a figure without one cannot be asked for it. */
public enum MetricDimension {
    /** the department (进驻部门 or bureau section) that owns the matter or the case */
    DEPARTMENT,
    /** the service window (窗口, an org unit of kind WINDOW) */
    WINDOW,
    /** one member of staff, by username */
    STAFF
}

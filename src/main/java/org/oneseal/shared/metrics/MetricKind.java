package org.oneseal.shared.metrics;

/** How a figure relates to the period asked for. */
public enum MetricKind {
    /** counts what happened between the first and the last day of the period */
    FLOW,
    /** a state at the end of the period's last day (the catalogue figures): the first day is ignored */
    STOCK
}

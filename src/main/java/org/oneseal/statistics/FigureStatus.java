package org.oneseal.statistics;

/** Whether a figure has a number, and if not, why not. */
public enum FigureStatus {
    /** computed: the value is the figure */
    OK,
    /** computed, but there is no number for this period and area (e.g. a rate with nothing to divide by) */
    NO_VALUE,
    /** the platform does not hold the records yet (its module is not built, or nothing records the fact) */
    NOT_AVAILABLE,
    /** the figure does not exist for this choice (a bureau-wide figure asked for a county, a breakdown it lacks) */
    NOT_APPLICABLE
}

package org.oneseal.calendar;

/** The two kinds of day an administrator enters: everything else follows from the day of the week. */
enum SpecialDayKind {

    HOLIDAY(DayKind.HOLIDAY, false),
    MAKEUP_WORKDAY(DayKind.MAKEUP_WORKDAY, true);

    private final DayKind dayKind;
    private final boolean working;

    SpecialDayKind(DayKind dayKind, boolean working) {
        this.dayKind = dayKind;
        this.working = working;
    }

    DayKind dayKind() {
        return dayKind;
    }

    boolean working() {
        return working;
    }
}

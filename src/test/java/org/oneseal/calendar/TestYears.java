package org.oneseal.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds explicit calendar data for unit tests: no database, no Spring. */
final class TestYears implements WorkingDayRule.YearSource {

    /** What the source throws for a year without data. */
    static final class MissingYear extends RuntimeException {
        final int year;

        MissingYear(int year) {
            super("no data for " + year);
            this.year = year;
        }
    }

    private final Map<Integer, List<SpecialDay>> years = new HashMap<>();

    static TestYears of(int... years) {
        TestYears source = new TestYears();
        for (int year : years) {
            source.years.put(year, new ArrayList<>());
        }
        return source;
    }

    TestYears holidays(String first, String last, String name) {
        for (LocalDate d = LocalDate.parse(first); !d.isAfter(LocalDate.parse(last)); d = d.plusDays(1)) {
            add(new SpecialDay(d, SpecialDayKind.HOLIDAY, name));
        }
        return this;
    }

    TestYears makeup(String date, String name) {
        add(new SpecialDay(LocalDate.parse(date), SpecialDayKind.MAKEUP_WORKDAY, name));
        return this;
    }

    WorkingDayRule rule() {
        return new WorkingDayRule(this);
    }

    @Override
    public YearDays year(int year) {
        List<SpecialDay> days = years.get(year);
        if (days == null) {
            throw new MissingYear(year);
        }
        return YearDays.of(year, 1, days);
    }

    private void add(SpecialDay day) {
        years.get(day.date().getYear()).add(day);
    }
}

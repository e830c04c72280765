package org.oneseal.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The rules the year aggregate enforces on an administrator's changes. 2028-05-02 is a Tuesday. */
class CalendarYearTests {

    private static final Instant NOW = Instant.parse("2027-11-20T02:00:00Z");
    private final CalendarYear year = CalendarYear.create(2028, "  国务院办公厅关于2028年部分节假日安排的通知 ", NOW);

    @Test
    void acceptsHolidaysAndWeekendMakeupDaysAndTrimsTexts() {
        year.addDay(parse("2028-05-02"), SpecialDayKind.HOLIDAY, " 劳动节 ", NOW);
        year.addDay(parse("2028-05-07"), SpecialDayKind.MAKEUP_WORKDAY, "劳动节调休上班", NOW);
        year.addDay(parse("2028-05-01"), SpecialDayKind.HOLIDAY, "劳动节", NOW);

        assertThat(year.sourceDocument()).isEqualTo("国务院办公厅关于2028年部分节假日安排的通知");
        assertThat(year.days()).extracting(SpecialDay::date)
                .containsExactly(parse("2028-05-01"), parse("2028-05-02"), parse("2028-05-07"));
        assertThat(year.find(parse("2028-05-02"))).get().extracting(SpecialDay::name).isEqualTo("劳动节");
    }

    @Test
    void refusesBadDaysNamingTheField() {
        year.addDay(parse("2028-05-01"), SpecialDayKind.HOLIDAY, "劳动节", NOW);

        assertRejected(() -> year.addDay(parse("2029-05-01"), SpecialDayKind.HOLIDAY, "劳动节", NOW),
                "date", "calendar.day.error.outsideYear");
        assertRejected(() -> year.addDay(parse("2028-05-01"), SpecialDayKind.HOLIDAY, "又一个", NOW),
                "date", "calendar.day.error.alreadySpecial");
        assertRejected(() -> year.addDay(parse("2028-05-02"), SpecialDayKind.MAKEUP_WORKDAY, "调休", NOW),
                "kind", "calendar.day.error.makeupOnWeekday");
        assertRejected(() -> year.addDay(parse("2028-05-03"), SpecialDayKind.HOLIDAY, "  ", NOW),
                "name", "calendar.day.error.nameRequired");
        assertRejected(() -> year.addDay(parse("2028-05-03"), SpecialDayKind.HOLIDAY, "节".repeat(51), NOW),
                "name", "calendar.error.tooLong");
        assertRejected(() -> year.addDay(null, SpecialDayKind.HOLIDAY, "节", NOW), "date", "calendar.day.error.dateRequired");
        assertThat(year.days()).hasSize(1);
    }

    @Test
    void changesAndRemovesOnlyExistingDays() {
        year.addDay(parse("2028-05-06"), SpecialDayKind.HOLIDAY, "劳动节", NOW);

        year.changeDay(parse("2028-05-06"), SpecialDayKind.MAKEUP_WORKDAY, "劳动节调休上班", NOW);
        assertThat(year.days()).containsExactly(
                new SpecialDay(parse("2028-05-06"), SpecialDayKind.MAKEUP_WORKDAY, "劳动节调休上班"));

        assertRejected(() -> year.changeDay(parse("2028-05-08"), SpecialDayKind.HOLIDAY, "x", NOW),
                "date", "calendar.day.error.notSpecial");
        year.removeDay(parse("2028-05-06"), NOW);
        assertThat(year.days()).isEmpty();
        assertRejected(() -> year.removeDay(parse("2028-05-06"), NOW), "date", "calendar.day.error.notSpecial");
    }

    @Test
    void refusesYearsOutOfRangeAndMissingSource() {
        assertRejected(() -> CalendarYear.create(1899, "通知", NOW), "year", "calendar.year.error.range");
        assertRejected(() -> CalendarYear.create(2201, "通知", NOW), "year", "calendar.year.error.range");
        assertRejected(() -> CalendarYear.create(2029, " ", NOW), "sourceDocument", "calendar.year.error.sourceRequired");
    }

    private static void assertRejected(ThrowingCallable change, String field, String key) {
        assertThatThrownBy(change).isInstanceOfSatisfying(CalendarRuleBroken.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.key()).isEqualTo(key);
        });
    }
}

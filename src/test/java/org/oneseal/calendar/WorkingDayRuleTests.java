package org.oneseal.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The working-day rule and the deadline arithmetic on explicit data (an invented year 2030 and 2031). */
class WorkingDayRuleTests {

    // 2030-02-04 is a Monday. Holiday Mon 2030-02-04 .. Sun 2030-02-10, make-up Sat 2030-02-02 and
    // Sat 2030-02-16; New Year 2031-01-01 (Wednesday).
    private final WorkingDayRule rule = TestYears.of(2030, 2031)
            .holidays("2030-02-04", "2030-02-10", "春节")
            .makeup("2030-02-02", "春节调休上班")
            .makeup("2030-02-16", "春节调休上班")
            .holidays("2031-01-01", "2031-01-01", "元旦")
            .rule();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2030-01-28, WORKDAY,        true,  ",
        "2030-01-26, WEEKEND,        false, ",
        "2030-02-04, HOLIDAY,        false, 春节",
        "2030-02-09, HOLIDAY,        false, 春节",
        "2030-02-02, MAKEUP_WORKDAY, true,  春节调休上班",
        "2030-02-16, MAKEUP_WORKDAY, true,  春节调休上班",
        "2030-02-17, WEEKEND,        false, ",
        "2031-01-01, HOLIDAY,        false, 元旦"})
    void classifiesEachDay(LocalDate date, DayKind kind, boolean working, String name) {
        assertThat(rule.day(date)).isEqualTo(new CalendarDay(date, working, kind, name));
        assertThat(rule.isWorkingDay(date)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        "2030-01-28,  1, 2030-01-29",   // the start day is not counted
        "2030-02-01,  1, 2030-02-02",   // Friday + 1 = the make-up Saturday
        "2030-02-01,  2, 2030-02-11",   // then the whole holiday is skipped
        "2030-02-02,  5, 2030-02-15",
        "2030-02-02,  6, 2030-02-16",   // the second make-up Saturday counts
        "2030-02-02,  7, 2030-02-18",   // Sunday 17 does not
        "2030-12-30,  2, 2031-01-02",   // across the year end, skipping New Year
        "2030-01-28,  0, 2030-01-28",   // zero on a working day: that day
        "2030-02-05,  0, 2030-02-11",   // zero on a holiday: the next working day
        "2030-02-03,  0, 2030-02-11",   // zero on a Sunday before the holiday
        "2030-02-11, -1, 2030-02-02",   // backwards over the holiday to the make-up day
        "2030-02-11, -2, 2030-02-01"})
    void addsWorkingDays(LocalDate start, int days, LocalDate expected) {
        assertThat(rule.add(start, days)).isEqualTo(expected);
    }

    @Test
    void countsWorkingDaysInTheHalfOpenInterval() {
        assertThat(rule.between(parse("2030-02-01"), parse("2030-02-01"))).isZero();
        assertThat(rule.between(parse("2030-01-28"), parse("2030-01-29"))).as("to is counted, from is not").isEqualTo(1);
        assertThat(rule.between(parse("2030-02-01"), parse("2030-02-11"))).as("make-up Saturday and Monday after").isEqualTo(2);
        assertThat(rule.between(parse("2030-02-03"), parse("2030-02-10"))).as("holiday week").isZero();
        assertThat(rule.between(parse("2030-12-31"), parse("2031-01-02"))).isEqualTo(1);
    }

    @Test
    void countsNegativelyBackwards() {
        assertThat(rule.between(parse("2030-02-11"), parse("2030-02-01"))).isEqualTo(-2);
        assertThat(rule.between(parse("2030-03-01"), parse("2030-01-01")))
                .isEqualTo(-rule.between(parse("2030-01-01"), parse("2030-03-01")));
    }

    @Test
    void betweenUndoesAdd() {
        for (LocalDate start = parse("2030-01-20"); start.isBefore(parse("2030-03-01")); start = start.plusDays(1)) {
            for (int n = 1; n <= 20; n++) {
                assertThat(rule.between(start, rule.add(start, n))).as("%s + %d", start, n).isEqualTo(n);
            }
            if (rule.isWorkingDay(start)) {
                assertThat(rule.between(start, rule.add(start, -3))).as("%s - 3", start).isEqualTo(-3);
            }
        }
    }

    @Test
    void refusesYearsWithoutDataInsteadOfGuessing() {
        assertThatThrownBy(() -> rule.day(parse("2032-03-01"))).isInstanceOf(TestYears.MissingYear.class)
                .satisfies(e -> assertThat(((TestYears.MissingYear) e).year).isEqualTo(2032));
        assertThatThrownBy(() -> rule.add(parse("2031-12-30"), 3))
                .satisfies(e -> assertThat(((TestYears.MissingYear) e).year).isEqualTo(2032));
        assertThatThrownBy(() -> rule.add(parse("2030-01-02"), -3))
                .satisfies(e -> assertThat(((TestYears.MissingYear) e).year).isEqualTo(2029));
        assertThatThrownBy(() -> rule.between(parse("2029-12-31"), parse("2029-12-31")))
                .satisfies(e -> assertThat(((TestYears.MissingYear) e).year).isEqualTo(2029));
        assertThatThrownBy(() -> rule.between(parse("2030-06-01"), parse("2033-01-01")))
                .isInstanceOf(TestYears.MissingYear.class);
    }
}

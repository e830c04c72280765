package org.oneseal.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oneseal.IntegrationTest;
import org.oneseal.audit.AuditLog;
import org.oneseal.shared.BusinessRuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The facade on the data shipped by the migration (State Council notices for 2024, 2025 and 2026).
 * Only 2024-2026 data and the years 2023 and 2030 (never entered by any test) are relied on here.
 */
@IntegrationTest
class ShippedCalendarTests {

    @MockitoBean
    AuditLog auditLog;

    @Autowired
    WorkingDayCalendar calendar;

    @ParameterizedTest(name = "{0}: working {1}")
    @CsvSource({
        "2024-02-04, true,  MAKEUP_WORKDAY, 春节调休上班",   // Sunday make-up before Spring Festival 2024
        "2024-02-09, true,  WORKDAY,        ",                // 除夕 2024 was not a holiday
        "2024-02-12, false, HOLIDAY,        春节",
        "2024-02-17, false, HOLIDAY,        春节",            // Saturday inside the holiday
        "2024-02-18, true,  MAKEUP_WORKDAY, 春节调休上班",
        "2024-09-29, true,  MAKEUP_WORKDAY, 国庆节调休上班",
        "2024-10-07, false, HOLIDAY,        国庆节",
        "2024-10-12, true,  MAKEUP_WORKDAY, 国庆节调休上班",
        "2025-01-26, true,  MAKEUP_WORKDAY, 春节调休上班",
        "2025-02-04, false, HOLIDAY,        春节",
        "2025-02-08, true,  MAKEUP_WORKDAY, 春节调休上班",
        "2025-10-08, false, HOLIDAY,        国庆节、中秋节",
        "2025-10-11, true,  MAKEUP_WORKDAY, 国庆节、中秋节调休上班",
        "2025-10-12, false, WEEKEND,        ",
        "2026-01-04, true,  MAKEUP_WORKDAY, 元旦调休上班",
        "2026-02-14, true,  MAKEUP_WORKDAY, 春节调休上班",
        "2026-02-23, false, HOLIDAY,        春节",
        "2026-02-28, true,  MAKEUP_WORKDAY, 春节调休上班",
        "2026-09-20, true,  MAKEUP_WORKDAY, 国庆节调休上班",
        "2026-09-25, false, HOLIDAY,        中秋节",
        "2026-10-10, true,  MAKEUP_WORKDAY, 国庆节调休上班",
        "2026-11-27, true,  WORKDAY,        "})
    void knowsTheShippedDays(LocalDate date, boolean working, DayKind kind, String name) {
        assertThat(calendar.day(date)).isEqualTo(new CalendarDay(date, working, kind, name));
        assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
        "2024-02-08,  1, 2024-02-09",
        "2024-02-09,  1, 2024-02-18",   // over Spring Festival 2024 to the Sunday make-up day
        "2024-02-09,  2, 2024-02-19",
        "2024-02-09, 20, 2024-03-14",
        "2025-01-24,  1, 2025-01-26",   // Friday + 1 = the Sunday make-up day
        "2025-01-27,  1, 2025-02-05",   // over Spring Festival 2025
        "2025-01-27,  4, 2025-02-08",   // the Saturday make-up day
        "2025-01-27, 20, 2025-03-03",
        "2026-02-13,  1, 2026-02-14",   // Saturday make-up before Spring Festival 2026
        "2026-02-13,  2, 2026-02-24",
        "2026-02-13, 20, 2026-03-19",
        "2024-09-27,  5, 2024-10-10",   // over National Day 2024
        "2025-09-25, 20, 2025-10-29",   // a 20-working-day decision limit over National Day 2025
        "2026-09-18,  5, 2026-09-24",   // Sunday make-up 2026-09-20 counts
        "2026-09-24,  3, 2026-09-30",   // Mid-Autumn 2026 skipped
        "2024-02-17,  0, 2024-02-18",
        "2025-10-09, -2, 2025-09-29"})
    void addsWorkingDaysOverTheHolidays(LocalDate start, int days, LocalDate expected) {
        assertThat(calendar.addWorkingDays(start, days)).isEqualTo(expected);
    }

    @Test
    void countsWorkingDaysAcrossHolidaysAndYears() {
        assertThat(calendar.workingDaysBetween(parse("2025-09-26"), parse("2025-10-13"))).isEqualTo(7);
        assertThat(calendar.workingDaysBetween(parse("2025-10-13"), parse("2025-09-26"))).isEqualTo(-7);
        assertThat(calendar.workingDaysBetween(parse("2024-09-30"), parse("2024-10-08"))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(parse("2026-09-30"), parse("2026-10-12"))).isEqualTo(4);
        assertThat(calendar.workingDaysBetween(parse("2024-02-09"), parse("2024-02-19"))).isEqualTo(2);
        assertThat(calendar.workingDaysBetween(parse("2024-12-31"), parse("2025-01-02"))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(parse("2024-01-01"), parse("2024-12-31")))
                .as("2024 without 1 January, itself a holiday").isEqualTo(251);
        assertThat(calendar.workingDaysBetween(parse("2024-12-31"), parse("2025-12-31"))).isEqualTo(248);
        assertThat(calendar.workingDaysBetween(parse("2025-12-31"), parse("2026-12-31"))).isEqualTo(248);
    }

    @Test
    void refusesYearsWithoutDataNamingTheYear() {
        assertThatThrownBy(() -> calendar.isWorkingDay(parse("2030-05-01")))
                .isInstanceOfSatisfying(CalendarYearNotPublished.class, e -> {
                    assertThat(e.year()).isEqualTo(2030);
                    assertThat(e.code()).isEqualTo("calendar.year.missing");
                    assertThat(e.getMessage()).startsWith("2030年的工作日历尚未发布");
                });
        assertThatThrownBy(() -> calendar.addWorkingDays(parse("2024-01-02"), -2))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("2023年");
        assertThatThrownBy(() -> calendar.workingDaysBetween(parse("2025-06-01"), parse("2030-01-01")))
                .hasMessageContaining("年的工作日历尚未发布");
    }
}

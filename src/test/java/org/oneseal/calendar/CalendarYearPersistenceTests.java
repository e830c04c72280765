package org.oneseal.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The year aggregate in PostgreSQL: its days, its version, and refusal of a stale save. Uses 2032 only. */
@IntegrationTest
class CalendarYearPersistenceTests {

    private static final Instant NOW = Instant.parse("2031-11-20T02:00:00Z");

    @MockitoBean
    AuditLog auditLog;

    @Autowired
    CalendarYears years;

    @Autowired
    CalendarQueries queries;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void no2032() {
        jdbc.sql("delete from oneseal.calendar_year where year = 2032").update();
    }

    @Test
    void storesDaysAndCountsVersions() {
        CalendarYear year = CalendarYear.create(2032, "测试用的2032年通知", NOW);
        year.addDay(parse("2032-01-01"), SpecialDayKind.HOLIDAY, "元旦", NOW);
        years.save(year);
        long first = queries.version(2032).orElseThrow();

        CalendarYear loaded = years.findById(2032).orElseThrow();
        loaded.addDay(parse("2032-01-04"), SpecialDayKind.MAKEUP_WORKDAY, "元旦调休上班", NOW);
        years.save(loaded);

        assertThat(queries.version(2032)).contains(first + 1);
        assertThat(queries.yearDays(2032).orElseThrow().days()).containsOnlyKeys(parse("2032-01-01"), parse("2032-01-04"));
        assertThat(years.findById(2032).orElseThrow().days()).extracting(SpecialDay::name)
                .containsExactly("元旦", "元旦调休上班");
    }

    @Test
    void refusesAStaleSave() {
        years.save(CalendarYear.create(2032, "测试用的2032年通知", NOW));
        CalendarYear mine = years.findById(2032).orElseThrow();
        CalendarYear theirs = years.findById(2032).orElseThrow();
        theirs.addDay(parse("2032-02-02"), SpecialDayKind.HOLIDAY, "他们的", NOW);
        years.save(theirs);

        mine.addDay(parse("2032-02-03"), SpecialDayKind.HOLIDAY, "我的", NOW);
        assertThatThrownBy(() -> years.save(mine)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(queries.yearDays(2032).orElseThrow().days()).containsOnlyKeys(parse("2032-02-02"));
    }
}

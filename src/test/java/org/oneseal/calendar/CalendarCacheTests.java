package org.oneseal.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A change made by another node (simulated by writing the tables directly, as that node's facade would)
 * reaches this node's cache through the year's version, once the recheck interval has passed.
 * Uses 2029, which no other test relies on. 2029-03-06 is a Tuesday.
 */
@IntegrationTest
class CalendarCacheTests {

    @MockitoBean
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CalendarQueries queries;

    @Autowired
    CalendarMessages messages;

    @BeforeEach
    void year2029WithoutSpecialDays() {
        jdbc.sql("delete from oneseal.calendar_year where year = 2029").update();
        jdbc.sql("insert into oneseal.calendar_year (year, source_document) values (2029, '测试用的2029年通知')").update();
    }

    @Test
    void seesAnotherNodesChangeAfterTheRecheckInterval() {
        CalendarCache rechecking = new CalendarCache(queries, messages, Duration.ZERO);
        CalendarCache longLived = new CalendarCache(queries, messages, Duration.ofHours(1));
        assertThat(rechecking.year(2029).special(parse("2029-03-06"))).isNull();
        assertThat(longLived.year(2029).special(parse("2029-03-06"))).isNull();

        changeOnAnotherNode();

        assertThat(rechecking.year(2029).special(parse("2029-03-06")))
                .isEqualTo(new SpecialDay(parse("2029-03-06"), SpecialDayKind.HOLIDAY, "测试节"));
        assertThat(longLived.year(2029).special(parse("2029-03-06"))).as("still within its interval").isNull();
        longLived.evict(2029);
        assertThat(longLived.year(2029).special(parse("2029-03-06"))).isNotNull();
    }

    @Test
    void forgetsAYearThatWasRemoved() {
        CalendarCache rechecking = new CalendarCache(queries, messages, Duration.ZERO);
        rechecking.year(2029);

        jdbc.sql("delete from oneseal.calendar_year where year = 2029").update();

        assertThatThrownBy(() -> rechecking.year(2029)).isInstanceOf(CalendarYearNotPublished.class)
                .hasMessageStartingWith("2029年的工作日历尚未发布");
    }

    private void changeOnAnotherNode() {
        jdbc.sql("insert into oneseal.calendar_day (date, year, kind, name) values ('2029-03-06', 2029, 'HOLIDAY', '测试节')")
                .update();
        jdbc.sql("update oneseal.calendar_year set version = version + 1 where year = 2029").update();
    }
}

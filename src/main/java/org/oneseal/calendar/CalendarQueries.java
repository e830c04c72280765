package org.oneseal.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read models of the calendar, straight from SQL. */
@Component
class CalendarQueries {

    private final JdbcClient jdbc;

    CalendarQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The year's version, or empty when the year has no data. */
    Optional<Long> version(int year) {
        return jdbc.sql("select version from oneseal.calendar_year where year = :year")
                .param("year", year)
                .query(Long.class)
                .optional();
    }

    /** The year's special days and version, read in one statement (one consistent snapshot). */
    Optional<YearDays> yearDays(int year) {
        List<SpecialDay> days = new ArrayList<>();
        List<Long> versions = jdbc.sql("""
                        select y.version, d.date, d.kind, d.name
                        from oneseal.calendar_year y
                        left join oneseal.calendar_day d on d.year = y.year
                        where y.year = :year""")
                .param("year", year)
                .query((rs, row) -> {
                    LocalDate date = rs.getObject("date", LocalDate.class);
                    if (date != null) {
                        days.add(new SpecialDay(date, SpecialDayKind.valueOf(rs.getString("kind")), rs.getString("name")));
                    }
                    return rs.getLong("version");
                })
                .list();
        return versions.isEmpty() ? Optional.empty() : Optional.of(YearDays.of(year, versions.getFirst(), days));
    }

    /** Every year with data, newest first, with its counts. */
    List<YearSummary> yearSummaries() {
        return jdbc.sql("""
                        select y.year, y.source_document, y.updated_at,
                               count(d.date) filter (where d.kind = 'HOLIDAY') as holidays,
                               count(d.date) filter (where d.kind = 'MAKEUP_WORKDAY') as makeup_workdays
                        from oneseal.calendar_year y
                        left join oneseal.calendar_day d on d.year = y.year
                        group by y.year
                        order by y.year desc""")
                .query((rs, row) -> new YearSummary(rs.getInt("year"), rs.getString("source_document"),
                        rs.getInt("holidays"), rs.getInt("makeup_workdays"),
                        rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant()))
                .list();
    }
}

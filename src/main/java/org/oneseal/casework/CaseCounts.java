package org.oneseal.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.oneseal.casework.CaseFacts.Measure;
import org.oneseal.shared.metrics.MetricQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts for the case figures: the rolled days of a period from the roll-up, the other days (today, a day changed
 * since its roll-up, days never rolled) from the cases themselves with the same conditions ({@link CaseFacts}), in
 * one statement.
 */
@Component
class CaseCounts {

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseCounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Every measure summed over the query's period, region, department and staff member, in one statement: the days
     * of the period not rolled up ({@code live}, read once at the start of the statement) are counted from the cases
     * through each fact's day index, the others read from the roll-up — both against the same snapshot, so that a day
     * un-rolled meanwhile is never summed from the roll-up it left.
     */
    Map<Measure, Long> flows(MetricQuery q) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", q.from());
        params.put("to", q.to());
        String dims = CaseFacts.dimensions(q, params);
        String sums = CaseFacts.measures().stream().map(m -> "coalesce(sum(" + m.column + "), 0)")
                .collect(Collectors.joining(", "));
        String sql = """
                with live as materialized (
                    select array(select d::date
                                 from generate_series(cast(:from as date), cast(:to as date), interval '1 day') d
                                 where not exists (select 1 from oneseal.case_day r where r.day = d::date and r.rolled))
                           as days)
                select %s from (
                select %s from oneseal.case_daily
                where day between :from and :to and day <> all (cast((select days from live) as date[])) and %s
                union all
                %s
                ) f""".formatted(sums, Measure.columns(), dims,
                CaseFacts.factRows("= any (cast((select days from live) as date[]))", dims, false));
        Map<Measure, Long> sum = new EnumMap<>(Measure.class);
        jdbc.sql(sql).params(params).query(rs -> {
            for (Measure m : Measure.values()) {
                sum.put(m, rs.getLong(m.ordinal() + 1));
            }
        });
        return sum;
    }

    /** The cases open at the end of the query's last day (or now, if it has not ended), and of them overdue. */
    long[] stock(MetricQuery q) {
        LocalDate day = stockDay(q);
        Map<String, Object> params = new HashMap<>();
        params.put("day", day);
        String dims = CaseFacts.dimensions(q, params);
        String sql = """
                select coalesce(sum(open), 0), coalesce(sum(overdue), 0) from (
                    select open, overdue from oneseal.case_stock_daily
                    where day = :day and exists (select 1 from oneseal.case_day where day = :day and rolled) and %1$s
                    union all
                    select 1, case when %2$s then 1 else 0 end from oneseal.case_file
                    where not exists (select 1 from oneseal.case_day where day = :day and rolled) and %3$s and %1$s
                ) s""".formatted(dims, CaseFacts.OVERDUE_AT, CaseFacts.OPEN_AT);
        return jdbc.sql(sql).params(params).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** The day a stock figure is taken at: the query's last day, or today while that day is still ahead. */
    LocalDate stockDay(MetricQuery q) {
        LocalDate today = LocalDate.now(clock);
        return q.to().isAfter(today) ? today : q.to();
    }
}

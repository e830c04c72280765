package org.oneseal.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.oneseal.casework.CaseFacts.Measure;
import org.oneseal.shared.metrics.MetricQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts for the case figures: the rolled days of a period from the roll-up, the other days (today, a day changed
 * since its roll-up, days never rolled) from the cases themselves with the same conditions ({@link CaseFacts}).
 */
@Component
class CaseCounts {

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseCounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every measure summed over the query's period, region, department and staff member. */
    Map<Measure, Long> flows(MetricQuery q) {
        Set<LocalDate> rolled = new HashSet<>(jdbc.sql(
                        "select day from oneseal.case_day where rolled and day between :from and :to")
                .param("from", q.from()).param("to", q.to()).query(LocalDate.class).list());
        List<LocalDate> live = new ArrayList<>();
        for (LocalDate d = q.from(); !d.isAfter(q.to()); d = d.plusDays(1)) {
            if (!rolled.contains(d)) {
                live.add(d);
            }
        }
        Map<String, Object> params = new HashMap<>();
        params.put("from", q.from());
        params.put("to", q.to());
        String dims = CaseFacts.dimensions(q, params);
        String sums = CaseFacts.measures().stream().map(m -> "coalesce(sum(" + m.column + "), 0)")
                .collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("select ").append(sums).append(" from (\n")
                .append("select ").append(Measure.columns()).append(" from oneseal.case_daily where day between :from and :to")
                .append(live.isEmpty() ? "" : " and day not in (:live)").append(" and ").append(dims);
        if (!live.isEmpty()) {
            sql.append("\nunion all\n").append(CaseFacts.factRows("in (:live)", dims, false));
            params.put("live", live);
        }
        sql.append("\n) f");
        Map<Measure, Long> sum = new EnumMap<>(Measure.class);
        jdbc.sql(sql.toString()).params(params).query(rs -> {
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

package org.oneseal.hall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oneseal.MetricTestData.at;
import static org.oneseal.MetricTestData.query;
import static org.oneseal.MetricTestData.records;
import static org.oneseal.MetricTestData.ts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.MetricTestData;
import org.oneseal.shared.metrics.MetricQuery;
import org.oneseal.shared.metrics.MetricValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

/**
 * The hall metrics on known appointments and tickets of March 2032 at halls of two counties of the tests' own and
 * at the city's hall: every figure against the hand count (the average wait too), for a county, a window, a staff
 * member, the root and the whole city; the records behind each figure against its count.
 */
@IntegrationTest
class HallMetricsTests {

    private static final LocalDate MARCH_1 = LocalDate.of(2032, 3, 1);
    private static final LocalDate MARCH_31 = LocalDate.of(2032, 3, 31);
    private static final List<String> IDS = List.of(HallMetrics.EXTENDED_OR_STAGGERED, HallMetrics.APPOINTMENTS,
            HallMetrics.TICKETS_ISSUED, HallMetrics.TICKETS_SERVED, HallMetrics.WAIT);
    /** Nobody's account: these appointments must not count against a real applicant's limit. */
    private static final long ACCOUNT = 990_000_032L;

    @Autowired HallMetrics metrics;
    @Autowired JdbcClient jdbc;

    private static boolean made;
    private static long countyA;
    private static long countyB;
    private static long countyWithoutHall;
    private static long root;
    private static long windowA1;
    private static long windowA2;
    private static int codes;

    @BeforeEach
    void data() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        if (made) {
            return;
        }
        MetricTestData data = new MetricTestData(jdbc);
        root = data.root();
        countyA = data.county("T32HLA", "大厅测试甲县");
        countyB = data.county("T32HLB", "大厅测试乙县");
        countyWithoutHall = data.county("T32HLC", "大厅测试丙县");
        long hallA = data.unit(countyA, null, "SERVICE_HALL", "T32HL-HALL-A", "甲县大厅");
        windowA1 = data.unit(countyA, hallA, "WINDOW", "T32HL-WA1", "甲县窗口1");
        windowA2 = data.unit(countyA, hallA, "WINDOW", "T32HL-WA2", "甲县窗口2");
        long hallB = data.unit(countyB, null, "SERVICE_HALL", "T32HL-HALL-B", "乙县大厅");
        long windowB1 = data.unit(countyB, hallB, "WINDOW", "T32HL-WB1", "乙县窗口1");
        long cityWindow = jdbc.sql("""
                select id from oneseal.org_unit where kind = 'WINDOW' and active and parent_id is not null
                and region_id = ? order by id limit 1""").param(root).query(Long.class).single();
        long cityHall = jdbc.sql("select parent_id from oneseal.org_unit where id = ?").param(cityWindow)
                .query(Long.class).single();

        // county A, March: normal, extended, staggered and holiday hours; one extended slot in April
        slot(hallA, "NORMAL", day(2), 9, "SERVED", "NO_SHOW", "CANCELLED", "BOOKED");
        slot(hallA, "EXTENDED", day(3), 17, "SERVED", "ARRIVED", "NO_SHOW", "CANCELLED");
        slot(hallA, "STAGGERED", day(6), 12, "SERVED");
        slot(hallA, "HOLIDAY", day(8), 9, "SERVED", "BOOKED");
        slot(hallA, "EXTENDED", LocalDate.of(2032, 4, 1), 17, "SERVED");
        slot(hallB, "EXTENDED", day(4), 17, "SERVED", "SERVED");

        // tickets (drawn, called after … minutes, at which window by whom, how it ended)
        ticket(hallA, day(2), "A001", 9, 0, 10, windowA1, "t32_w1", "DONE", null);
        ticket(hallA, day(2), "A002", 9, 5, 20, windowA2, "t32_w2", "DONE", null);
        ticket(hallA, day(2), "A003", 9, 6, 24, windowA1, "t32_w1", "ABSENT", null);
        ticket(hallA, day(2), "A004", 9, 7, null, null, null, "WAITING", null);
        long passedOn = ticket(hallA, day(3), "A001", 10, 0, 7, windowA1, "t32_w1", "DONE", null);
        ticket(hallA, day(3), "R001", 10, 15, 1, windowA2, "t32_w2", "DONE", passedOn);
        ticket(hallA, LocalDate.of(2032, 4, 1), "A001", 9, 0, 5, windowA1, "t32_w1", "DONE", null);
        ticket(hallB, day(2), "A001", 9, 0, 30, windowB1, "t32_wb", "DONE", null);
        ticket(cityHall, day(2), "Z901", 9, 0, 50, cityWindow, "t32_city", "DONE", null);
        made = true;
    }

    @AfterEach
    void back() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void everyFigureOfACountyAWindowAStaffMemberTheRootAndTheCityMatchesTheHandCount() {
        // county A: 4 taken up outside normal hours (extended: served, arrived; staggered; holiday), 9 that stood;
        // 5 tickets drawn, 3 served (A001 of the 3rd passed on, its transfer served), waits 10, 20, 24, 7 → 15.25
        check(query(MARCH_1, MARCH_31, Set.of(countyA)), 4, 9, 5, 3, "15.3", 4);
        check(query(MARCH_1, MARCH_31, Set.of(countyB)), 2, 2, 1, 1, "30.0", 1);
        check(query(MARCH_1, MARCH_31, Set.of(root)), 0, 0, 1, 1, "50.0", 1);
        Set<Long> all = new MetricTestData(jdbc).allRegions();
        check(new MetricQuery(MARCH_1, MARCH_31, all, true, null, null, null), 6, 11, 7, 5, "23.5", 6);
        check(query(MARCH_1, MARCH_31, all), 6, 11, 7, 5, "23.5", 6);

        // window 1 served A001 of the 2nd (A003 was absent, A001 of the 3rd passed on) and called three: 41 / 3
        MetricQuery window1 = new MetricQuery(MARCH_1, MARCH_31, Set.of(countyA), false, null, windowA1, null);
        Map<String, MetricValue> w1 = metrics.compute(IDS, window1);
        assertThat(w1.get(HallMetrics.TICKETS_SERVED)).isEqualTo(MetricValue.count(1));
        assertThat(w1.get(HallMetrics.WAIT)).isEqualTo(MetricValue.amount(new BigDecimal("13.7"), 3));
        assertThat(w1.get(HallMetrics.TICKETS_ISSUED)).isEqualTo(MetricValue.missing(HallMetrics.NO_BREAKDOWN, 0));
        assertThat(w1.get(HallMetrics.APPOINTMENTS).reasonKey()).isEqualTo(HallMetrics.NO_BREAKDOWN);
        assertThat(records(metrics, HallMetrics.WAIT, window1, 2)).hasSize(3);
        assertThat(records(metrics, HallMetrics.TICKETS_ISSUED, window1, 2)).isEmpty();
        // a staff member: served A002 and the transfer; waited for by A002 only (a transfer's wait is not counted)
        MetricQuery staff2 = new MetricQuery(MARCH_1, MARCH_31, Set.of(countyA), false, null, null, "t32_w2");
        assertThat(metrics.compute(List.of(HallMetrics.TICKETS_SERVED, HallMetrics.WAIT), staff2)).containsExactly(
                Map.entry(HallMetrics.TICKETS_SERVED, MetricValue.count(2)),
                Map.entry(HallMetrics.WAIT, MetricValue.amount(new BigDecimal("20.0"), 1)));
        assertThat(records(metrics, HallMetrics.TICKETS_SERVED, staff2, 1)).hasSize(2);

        // a department breaks down no hall figure; a county without a hall has none of them
        assertThat(metrics.compute(IDS, new MetricQuery(MARCH_1, MARCH_31, Set.of(countyA), false, 1L, null, null))
                .values()).allMatch(v -> NO_BREAKDOWN(v));
        Map<String, MetricValue> none = check(query(MARCH_1, MARCH_31, Set.of(countyWithoutHall)), 0, 0, 0, 0, null, 0);
        assertThat(none.get(HallMetrics.WAIT).reasonKey()).isEqualTo(HallMetrics.NOBODY_CALLED);
    }

    @Test
    void theRecordsNameTheSlotTheHallTheWindowAndTheWaitInOrder() {
        MetricQuery a = query(MARCH_1, MARCH_31, Set.of(countyA));
        List<List<Object>> appointments = records(metrics, HallMetrics.APPOINTMENTS, a, 4);
        assertThat(appointments).hasSize(9);
        assertThat(metrics.recordColumns(HallMetrics.APPOINTMENTS)).hasSize(appointments.getFirst().size());
        assertThat(appointments.getFirst()).containsExactly(day(2), "09:00–09:30", "甲县大厅", "综合受理", "正常时段", null,
                "已办理");
        assertThat(records(metrics, HallMetrics.EXTENDED_OR_STAGGERED, a, 10)).extracting(r -> r.get(4))
                .containsExactly("延时服务", "延时服务", "错时服务", "节假日服务");
        List<List<Object>> waits = records(metrics, HallMetrics.WAIT, a, 10);
        assertThat(metrics.recordColumns(HallMetrics.WAIT)).hasSize(waits.getFirst().size());
        assertThat(waits.getFirst()).containsExactly(day(2), "A001", "甲县大厅", "综合受理", at(day(2), 9, 0),
                at(day(2), 9, 10), "甲县窗口1", new BigDecimal("10.0"), "已办理");
        assertThat(waits).extracting(r -> r.get(8)).containsExactly("已办理", "已办理", "过号未到", "已办理");
    }

    @Test
    void aHallWhoseWindowsWereClosedSinceStillCountsItsPastTicketsAndAppointments() {
        MetricTestData data = new MetricTestData(jdbc);
        long county = data.county("T32HLD", "大厅测试丁县");
        long hall = data.unit(county, null, "SERVICE_HALL", "T32HL-HALL-D", "丁县老大厅");
        long window = data.unit(county, hall, "WINDOW", "T32HL-WD1", "丁县窗口1");
        LocalDate may = LocalDate.of(2037, 5, 6);
        if (jdbc.sql("select count(*) from oneseal.queue_ticket where hall_id = ?").param(hall).query(Long.class)
                .single() == 0) {
            ticket(hall, may, "A001", 9, 0, 12, window, "t37_wd", "DONE", null);
            slot(hall, "EXTENDED", may, 17, "SERVED");
        }
        // the hall closed since: its window and the hall itself are no longer active
        jdbc.sql("update oneseal.org_unit set active = false where id in (?, ?)").params(window, hall).update();

        MetricQuery q = query(LocalDate.of(2037, 5, 1), LocalDate.of(2037, 5, 31), Set.of(county));
        Map<String, MetricValue> v = check(q, 1, 1, 1, 1, "12.0", 1);
        assertThat(v.get(HallMetrics.TICKETS_ISSUED)).isEqualTo(MetricValue.count(1));
        assertThat(records(metrics, HallMetrics.TICKETS_SERVED, q, 10)).singleElement()
                .satisfies(r -> assertThat(r.get(2)).isEqualTo("丁县老大厅"));
    }

    @Test
    void recordsOfManyChunksComeOutCompleteAndInOrder() {
        MetricQuery a = query(MARCH_1, MARCH_31, Set.of(countyA));
        HallMetrics target = AopTestUtils.getUltimateTargetObject(metrics);
        Map<String, List<List<Object>>> whole = new java.util.HashMap<>();
        IDS.forEach(id -> whole.put(id, records(metrics, id, a, 100)));
        target.chunk = 2; // 9 appointments, 5 tickets: a chunk after the last key of the one before
        try {
            for (String id : IDS) {
                List<List<Object>> chunked = new java.util.ArrayList<>();
                metrics.records(id, a, 0, 100, chunked::add);
                assertThat(chunked).as(id).isEqualTo(whole.get(id));
                List<List<Object>> page = new java.util.ArrayList<>();
                metrics.records(id, a, 1, 3, page::add);
                assertThat(page).as(id).isEqualTo(whole.get(id).subList(1, Math.min(4, whole.get(id).size())));
            }
        } finally {
            target.chunk = HallMetrics.CHUNK;
        }
        assertThat(whole.get(HallMetrics.APPOINTMENTS)).hasSize(9);
    }

    private static boolean NO_BREAKDOWN(MetricValue v) {
        return v.value() == null && HallMetrics.NO_BREAKDOWN.equals(v.reasonKey());
    }

    private Map<String, MetricValue> check(MetricQuery q, long outsideNormalHours, long appointments, long issued,
            long served, String wait, long called) {
        Map<String, MetricValue> v = metrics.compute(IDS, q);
        assertThat(v.keySet()).containsExactlyInAnyOrderElementsOf(IDS);
        assertThat(v.get(HallMetrics.EXTENDED_OR_STAGGERED)).isEqualTo(MetricValue.count(outsideNormalHours));
        assertThat(v.get(HallMetrics.APPOINTMENTS)).isEqualTo(MetricValue.count(appointments));
        assertThat(v.get(HallMetrics.TICKETS_ISSUED)).isEqualTo(MetricValue.count(issued));
        assertThat(v.get(HallMetrics.TICKETS_SERVED)).isEqualTo(MetricValue.count(served));
        assertThat(v.get(HallMetrics.WAIT).value()).isEqualTo(wait == null ? null : new BigDecimal(wait));
        assertThat(v.get(HallMetrics.WAIT).records()).isEqualTo(called);
        for (String id : IDS) {
            assertThat(records(metrics, id, q, 2)).as(id).hasSize((int) v.get(id).records());
        }
        return v;
    }

    private static LocalDate day(int march) {
        return MARCH_1.plusDays(march - 1);
    }

    /** A half-hour slot of a new schedule of the kind, with an appointment in each of the given states. */
    private void slot(long hall, String kind, LocalDate day, int hour, String... states) {
        long schedule = jdbc.sql("""
                insert into oneseal.hall_schedule (hall_id, group_code, kind, days, starts, ends, slot_minutes, capacity,
                    active)
                values (?, 'GENERAL', ?, 'EVERY', ?, ?, 30, 10, false) returning id""")
                .params(hall, kind, LocalTime.of(hour, 0), LocalTime.of(hour, 30)).query(Long.class).single();
        long slot = jdbc.sql("""
                insert into oneseal.appointment_slot (schedule_id, hall_id, group_code, kind, day, starts, ends, capacity,
                    booked, open)
                values (?, ?, 'GENERAL', ?, ?, ?, ?, 10, 0, false) returning id""")
                .params(schedule, hall, kind, day, LocalTime.of(hour, 0), LocalTime.of(hour, 30)).query(Long.class).single();
        for (String state : states) {
            jdbc.sql("""
                    insert into oneseal.appointment (slot_id, account_id, code, state, booked_at, cancelled_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(slot, ACCOUNT, "T32H%04d".formatted(++codes), state, ts(day.minusDays(2), 8, 0),
                            "CANCELLED".equals(state) ? ts(day.minusDays(1), 8, 0) : null).update();
        }
    }

    /** A ticket drawn at a time, called {@code waited} minutes later (null: not called), finished 5 minutes later. */
    private long ticket(long hall, LocalDate day, String number, int hour, int minute, Integer waited, Long window,
            String calledBy, String state, Long transferredFrom) {
        LocalTime drawn = LocalTime.of(hour, minute);
        var called = waited == null ? null : ts(day, drawn.plusMinutes(waited).getHour(), drawn.plusMinutes(waited).getMinute());
        return jdbc.sql("""
                insert into oneseal.queue_ticket (hall_id, day, number, group_code, priority, state, issued_at, called_at,
                    window_id, called_by, finished_at, transferred_from)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(hall, day, number, number.startsWith("R") ? "TALENT" : "GENERAL", transferredFrom == null ? 1 : 0,
                        state, ts(day, hour, minute), called, window, calledBy,
                        "DONE".equals(state) || "ABSENT".equals(state)
                                ? java.sql.Timestamp.from(called.toInstant().plusSeconds(300)) : null,
                        transferredFrom)
                .query(Long.class).single();
    }
}

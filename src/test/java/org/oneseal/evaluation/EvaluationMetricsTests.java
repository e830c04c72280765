package org.oneseal.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oneseal.MetricTestData.at;
import static org.oneseal.MetricTestData.query;
import static org.oneseal.MetricTestData.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.MetricTestData;
import org.oneseal.TestClock;
import org.oneseal.shared.metrics.MetricDimension;
import org.oneseal.shared.metrics.MetricQuery;
import org.oneseal.shared.metrics.MetricValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

/**
 * The 好差评 metrics on a small known data set of March 2032 in two counties of the tests' own and the city root:
 * every figure against hand-computed values, for a county, a department, a window, a staff member and the whole
 * city, the live path against the roll-up, and the records behind each figure against its count.
 */
@IntegrationTest
class EvaluationMetricsTests {

    private static final LocalDate MARCH_1 = LocalDate.of(2032, 3, 1);
    private static final LocalDate MARCH_31 = LocalDate.of(2032, 3, 31);
    private static final List<String> IDS = List.of(EvaluationMetrics.TOTAL, EvaluationMetrics.GOOD_RATE,
            EvaluationMetrics.BAD, EvaluationMetrics.TIMELY);

    @Autowired EvaluationMetrics metrics;
    @Autowired RatingStore store;
    @Autowired EvaluationJobs jobs;
    @Autowired EvaluationTestSupport support;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    private static boolean made;
    private static long countyA;
    private static long countyB;
    private static long root;
    private static long department;
    private static long windowA1;
    private static long windowA2;
    private static long windowB1;
    private static String caseNumber;

    @BeforeEach
    void data() throws Exception {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE); // as in a request of the statistics pages
        if (made) {
            return;
        }
        MetricTestData data = new MetricTestData(jdbc);
        root = data.root();
        countyA = data.county("T32EVA", "评价测试甲县");
        countyB = data.county("T32EVB", "评价测试乙县");
        department = data.unit(countyA, null, "STATIONED_DEPARTMENT", "T32EV-DEPT", "评价测试市场监管局");
        long hallA = data.unit(countyA, null, "SERVICE_HALL", "T32EV-HALL-A", "甲县政务服务大厅");
        windowA1 = data.unit(countyA, hallA, "WINDOW", "T32EV-WA1", "甲县综合窗口1");
        windowA2 = data.unit(countyA, hallA, "WINDOW", "T32EV-WA2", "甲县综合窗口2");
        long hallB = data.unit(countyB, null, "SERVICE_HALL", "T32EV-HALL-B", "乙县政务服务大厅");
        windowB1 = data.unit(countyB, hallB, "WINDOW", "T32EV-WB1", "乙县综合窗口1");
        long caseId = support.concludedCase(); // zhangsan's: its applicant must not appear in the records
        caseNumber = jdbc.sql("select case_number from oneseal.case_file where id = ?").param(caseId)
                .query(String.class).single();

        // county A, March: 7 counted (good 5, 4, 3, 5; bad 2, 1, 2) and one excluded bad review; one in April
        long r1 = rate("WINDOW", windowA1, null, countyA, null, windowA1, null, 5, "QR", 2);
        rate("WINDOW", windowA1, null, countyA, null, windowA1, null, 4, "QR", 2);
        long bad1 = rate("WINDOW", windowA1, null, countyA, null, windowA1, null, 2, "PAPER", 3);
        rate("WINDOW", windowA2, null, countyA, null, windowA2, null, 3, "QR", 5);
        long bad2 = rate("CASE", caseId, caseId, countyA, department, null, "t32_staff", 1, "PORTAL", 10);
        rate("CASE", caseId, caseId, countyA, department, null, "t32_staff", 5, "PORTAL", 10);
        long bad3 = rate("STAFF", null, null, countyA, null, windowA1, "t32_staff", 2, "PHONE", 12);
        long excluded = rate("WINDOW", windowA2, null, countyA, null, windowA2, null, 1, "QR", 20);
        rateOn(LocalDate.of(2032, 4, 2), "WINDOW", windowA1, countyA, windowA1, 5);
        // county B: one good, one bad
        rate("WINDOW", windowB1, null, countyB, null, windowB1, null, 5, "QR", 2);
        long bad5 = rate("WINDOW", windowB1, null, countyB, null, windowB1, null, 2, "QR", 4);
        // the root (市本级): one good, one bad, of its hall
        rate("HALL", root, null, root, null, null, null, 4, "PAPER", 6);
        long bad6 = rate("HALL", root, null, root, null, null, null, 1, "PAPER", 6);

        rectification(bad1, "CLOSED", 10, 9);    // on time
        rectification(bad2, "CLOSED", 17, 20);   // late
        rectification(bad3, "CLASSIFIED", 33, null); // due 2 April: not counted for March
        rectification(bad5, "OPEN", 8, null);    // past due, open: late
        rectification(bad6, "CLOSED", 13, 7);    // on time
        jdbc.sql("update oneseal.rating set excluded = true, excluded_reason = '恶意评价' where id = ?").param(excluded).update();
        jdbc.sql("update oneseal.rectification set state = 'EXCLUDED', closed_on = date '2032-03-25' where rating_id = ?")
                .param(excluded).update();
        assertThat(r1).isPositive();
        made = true;
    }

    @AfterEach
    void back() {
        clock.reset();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void everyFigureOfACountyADepartmentAWindowAStaffMemberAndTheCityMatchesTheHandCount() {
        clock.travelTo(LocalDate.of(2033, 1, 10));
        // county A only: B's and the root's ratings are left out, so is the excluded one and April's
        check(query(MARCH_1, MARCH_31, Set.of(countyA)), 7, "57.1", 3, 1, 2, "50.0");
        check(query(MARCH_1, MARCH_31, Set.of(countyB)), 2, "50.0", 1, 0, 1, "0.0");
        // a department: the two ratings of its case (one bad, rectified late)
        check(new MetricQuery(MARCH_1, MARCH_31, Set.of(countyA, countyB, root), false, department, null, null),
                2, "50.0", 1, 0, 1, "0.0");
        // a window: its three ratings and the one of its staff member; of two bad reviews one is counted, on time
        check(new MetricQuery(MARCH_1, MARCH_31, Set.of(countyA), false, null, windowA1, null), 4, "50.0", 2, 1, 1,
                "100.0");
        // a staff member: the case's two ratings and the one of themselves
        check(new MetricQuery(MARCH_1, MARCH_31, Set.of(countyA), false, null, null, "t32_staff"), 3, "33.3", 2, 0, 1,
                "0.0");
        // the whole city: A, B and the root (the demo data has nothing in 2032)
        check(new MetricQuery(MARCH_1, MARCH_31, new MetricTestData(jdbc).allRegions(), true, null, null, null),
                11, "54.5", 5, 2, 4, "50.0");
        check(query(MARCH_1, MARCH_31, new MetricTestData(jdbc).allRegions()), 11, "54.5", 5, 2, 4, "50.0");
    }

    @Test
    void theTimelyRateIsTakenAtTheEndOfThePeriodOrTodayWhicheverIsEarlier() {
        MetricQuery march = query(MARCH_1, MARCH_31, Set.of(countyA));
        clock.travelTo(LocalDate.of(2032, 3, 15)); // only the first is closed; the second is not due yet
        check(march, EvaluationMetrics.TIMELY, 1, 1, "100.0");
        clock.travelTo(LocalDate.of(2032, 3, 18)); // the second is past due and not closed yet: late
        check(march, EvaluationMetrics.TIMELY, 0 + 1, 2, "50.0");
        clock.travelTo(LocalDate.of(2035, 6, 1)); // a past period: the same whenever asked
        check(march, EvaluationMetrics.TIMELY, 1, 2, "50.0");
        // a period with no bad review due: no rate, with a reason, and no records
        MetricQuery firstDay = query(MARCH_1, MARCH_1, Set.of(countyA));
        MetricValue none = metrics.compute(IDS, firstDay).get(EvaluationMetrics.TIMELY);
        assertThat(none.value()).isNull();
        assertThat(none.reasonKey()).isEqualTo("metric.reason.evaluation.nothingDue");
        MetricValue noRatings = metrics.compute(IDS, firstDay).get(EvaluationMetrics.GOOD_RATE);
        assertThat(noRatings.value()).isNull();
        assertThat(noRatings.records()).isZero();
        assertThat(records(metrics, EvaluationMetrics.GOOD_RATE, firstDay, 10)).isEmpty();
    }

    @Test
    void theRollUpGivesWhatTheLivePathGives() {
        clock.travelTo(LocalDate.of(2033, 1, 10));
        List<MetricQuery> queries = List.of(query(MARCH_1, MARCH_31, Set.of(countyA)),
                new MetricQuery(MARCH_1, MARCH_31, Set.of(countyA, countyB, root), false, null, windowA1, null),
                new MetricQuery(MARCH_1, MARCH_31, Set.of(countyA, countyB, root), false, null, null, "t32_staff"),
                new MetricQuery(MARCH_1, MARCH_31, Set.of(countyA, countyB, root), false, department, null, null),
                new MetricQuery(MARCH_1, LocalDate.of(2032, 4, 30), Set.of(countyA, countyB, root), true, null, null,
                        null));
        jdbc.sql("update oneseal.rating_day set rolled = false where day between '2032-03-01' and '2032-04-30'").update();
        List<Map<String, MetricValue>> live = queries.stream().map(q -> metrics.compute(IDS, q)).toList();
        // the job rolls up every day before "today" (2033): the other tests' days are put back as they were, for a
        // rating of a rolled-up day stored while the clock says it is that day would not mark it again
        List<LocalDate> others = jdbc.sql("select day from oneseal.rating_day where not rolled and day < '2032-01-01'")
                .query(LocalDate.class).list();
        jobs.rollup();
        if (!others.isEmpty()) {
            jdbc.sql("update oneseal.rating_day set rolled = false where day in (:days)").param("days", others).update();
        }
        assertThat(jdbc.sql("select count(*) from oneseal.rating_day where not rolled and day between '2032-03-01' and '2032-04-30'")
                .query(Long.class).single()).isZero();
        List<Map<String, MetricValue>> rolled = queries.stream().map(q -> metrics.compute(IDS, q)).toList();
        assertThat(rolled).isEqualTo(live);
        // a day changed since (an exclusion, a late rating) is read live again, the others from the roll-up
        jdbc.sql("update oneseal.rating_day set rolled = false where day = '2032-03-10'").update();
        assertThat(queries.stream().map(q -> metrics.compute(IDS, q)).toList()).isEqualTo(live);
        assertThat(live.get(4).get(EvaluationMetrics.TOTAL).value()).isEqualByComparingTo("12"); // April's too
    }

    @Test
    void theRecordsAreTheCountedRatingsInAStablePagedOrderWithoutApplicants() {
        clock.travelTo(LocalDate.of(2033, 1, 10));
        MetricQuery a = query(MARCH_1, MARCH_31, Set.of(countyA));
        List<List<Object>> rows = records(metrics, EvaluationMetrics.TOTAL, a, 3);
        assertThat(rows).hasSize(7).isEqualTo(records(metrics, EvaluationMetrics.TOTAL, a, 100));
        assertThat(metrics.recordColumns(EvaluationMetrics.TOTAL)).hasSize(rows.getFirst().size())
                .allMatch(k -> k.startsWith("metric.column.evaluation."));
        assertThat(rows.getFirst()).containsExactly(LocalDate.of(2032, 3, 2), "窗口 甲县综合窗口1", null, 5, "大厅扫码",
                "评价测试甲县", null, "甲县综合窗口1");
        assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly(LocalDate.of(2032, 3, 10), "办件 " + caseNumber,
                "食品经营许可", 1, "网上", "评价测试甲县", "评价测试市场监管局", null));
        assertThat(rows.toString()).doesNotContain("张三", "13800138000");
        List<List<Object>> bad = records(metrics, EvaluationMetrics.BAD, a, 100);
        assertThat(bad).extracting(r -> r.get(3)).containsExactly(2, 1, 2);
        List<List<Object>> rect = records(metrics, EvaluationMetrics.TIMELY, a, 1);
        assertThat(rect).hasSize(2);
        assertThat(rect.getFirst()).containsExactly(LocalDate.of(2032, 3, 3), "窗口 甲县综合窗口1", null, 2,
                "评价测试甲县", null, null, LocalDate.of(2032, 3, 10), LocalDate.of(2032, 3, 9), true);
        assertThat(rect.get(1).get(6)).isEqualTo("t32_staff");
        assertThat(rect.get(1).get(9)).isEqualTo(false);
    }

    @Test
    void recordsOfManyChunksComeOutCompleteAndInOrderWithTheirCaseNumbers() {
        clock.travelTo(LocalDate.of(2033, 1, 10));
        MetricQuery a = query(MARCH_1, MARCH_31, Set.of(countyA));
        EvaluationMetrics target = AopTestUtils.getUltimateTargetObject(metrics);
        Map<String, List<List<Object>>> whole = new java.util.HashMap<>();
        for (String id : IDS) {
            whole.put(id, records(metrics, id, a, 100));
        }
        target.chunk = 2; // 7 ratings: chunks of 2, 2, 2 and 1, each after the last (day, id) of the one before
        try {
            for (String id : IDS) {
                List<List<Object>> chunked = new ArrayList<>();
                metrics.records(id, a, 0, 100, chunked::add);
                assertThat(chunked).as(id).isEqualTo(whole.get(id));
                // a first chunk from an offset, the next ones after it; a limit inside a chunk
                List<List<Object>> page = new ArrayList<>();
                metrics.records(id, a, 1, 4, page::add);
                assertThat(page).as(id).isEqualTo(whole.get(id).subList(1, Math.min(5, whole.get(id).size())));
            }
        } finally {
            target.chunk = EvaluationMetrics.CHUNK;
        }
        List<List<Object>> all = whole.get(EvaluationMetrics.TOTAL);
        assertThat(all).hasSize(7).extracting(r -> (LocalDate) r.getFirst()).isSorted();
        // the case's two ratings (one of them in the third chunk) name the case by its number and its matter
        assertThat(all).filteredOn(r -> r.get(1).equals("办件 " + caseNumber)).hasSize(2)
                .allSatisfy(r -> assertThat(r.get(2)).isEqualTo("食品经营许可"));
    }

    @Test
    void aBreakdownByWindowOrDepartmentGivesEachUnitWhatItsOwnQueryGives() {
        clock.travelTo(LocalDate.of(2033, 1, 10));
        Set<Long> all = new MetricTestData(jdbc).allRegions();
        List<Long> windows = List.of(windowA1, windowA2, windowB1, department); // the last has no ratings as a window
        List<MetricQuery> queries = List.of(query(MARCH_1, MARCH_31, Set.of(countyA)),
                new MetricQuery(MARCH_1, MARCH_31, all, true, null, null, null),
                new MetricQuery(MARCH_1, MARCH_31, Set.of(countyA, countyB, root), false, null, null, "t32_staff"),
                new MetricQuery(MARCH_1, MARCH_31, Set.of(countyA, countyB, root), false, department, windowB1, null));
        for (MetricQuery q : queries) {
            byUnitIsUnitByUnit(q, MetricDimension.WINDOW, windows);
            byUnitIsUnitByUnit(q, MetricDimension.DEPARTMENT, List.of(department, windowA1));
        }
        // the hand count: window A1 has 4 ratings (2 bad, one of them rectified on time), the department 2
        Map<Long, Map<String, MetricValue>> byWindow = metrics.computeByUnit(IDS, queries.get(1),
                MetricDimension.WINDOW, windows);
        assertThat(byWindow.get(windowA1).get(EvaluationMetrics.TOTAL)).isEqualTo(MetricValue.count(4));
        assertThat(byWindow.get(windowA1).get(EvaluationMetrics.TIMELY).value()).isEqualByComparingTo("100.0");
        assertThat(byWindow.get(department).get(EvaluationMetrics.GOOD_RATE).value()).isNull();
        assertThat(metrics.computeByUnit(IDS, queries.get(1), MetricDimension.DEPARTMENT, List.of(department))
                .get(department).get(EvaluationMetrics.TOTAL)).isEqualTo(MetricValue.count(2));
    }

    private void byUnitIsUnitByUnit(MetricQuery q, MetricDimension by, List<Long> units) {
        Map<Long, Map<String, MetricValue>> grouped = metrics.computeByUnit(IDS, q, by, units);
        assertThat(grouped.keySet()).containsExactlyElementsOf(units);
        for (long unit : units) {
            MetricQuery alone = q.narrowedTo(by, unit);
            assertThat(grouped.get(unit)).as("%s %s of %s", by, unit, q).isEqualTo(metrics.compute(IDS, alone));
            for (String id : IDS) {
                assertThat(records(metrics, id, alone, 5)).as(id + " " + alone)
                        .hasSize((int) grouped.get(unit).get(id).records());
            }
        }
        assertThat(metrics.computeByUnit(List.of(EvaluationMetrics.BAD), q, by, units).values())
                .allSatisfy(v -> assertThat(v.keySet()).containsExactly(EvaluationMetrics.BAD));
    }

    private void check(MetricQuery q, long total, String goodRate, long bad, long onTime, long due, String timely) {
        Map<String, MetricValue> v = metrics.compute(IDS, q);
        assertThat(v.keySet()).containsExactlyInAnyOrderElementsOf(IDS);
        assertThat(v.get(EvaluationMetrics.TOTAL)).isEqualTo(MetricValue.count(total));
        assertThat(v.get(EvaluationMetrics.GOOD_RATE).value()).isEqualByComparingTo(goodRate);
        assertThat(v.get(EvaluationMetrics.GOOD_RATE).denominator()).isEqualTo(total);
        assertThat(v.get(EvaluationMetrics.BAD)).isEqualTo(MetricValue.count(bad));
        check(q, EvaluationMetrics.TIMELY, onTime, due, timely);
        for (String id : IDS) {
            assertThat(records(metrics, id, q, 2)).as(id + " " + q).hasSize((int) v.get(id).records());
        }
    }

    private void check(MetricQuery q, String id, long numerator, long denominator, String value) {
        MetricValue v = metrics.compute(List.of(id), q).get(id);
        assertThat(v.value()).as(id).isEqualByComparingTo(new BigDecimal(value));
        assertThat(v.numerator()).isEqualTo(numerator);
        assertThat(v.denominator()).isEqualTo(denominator);
        assertThat(records(metrics, id, q, 2)).hasSize((int) v.records());
    }

    /** A rating given on a day of March 2032 at 10:00 (Asia/Shanghai); its id. */
    private long rate(String type, Long objectId, Long caseId, long region, Long dept, Long window, String handledBy,
            int level, String channel, int marchDay) {
        return store.store(new RatingStore.NewRating(2, type, String.valueOf(objectId == null ? handledBy : objectId),
                caseId, caseId == null ? null : (level == 1 ? "RECEPTION" : "CONCLUSION"), channel, !"PORTAL".equals(channel),
                level, Set.of(), null, null, null, null, null, region, dept,
                caseId == null ? null : jdbc.sql("select matter_id from oneseal.case_file where id = ?").param(caseId)
                        .query(Long.class).single(),
                window, handledBy, "test", null, null, null, null, at(LocalDate.of(2032, 3, marchDay), 10, 0)));
    }

    private void rateOn(LocalDate day, String type, long objectId, long region, long window, int level) {
        store.store(new RatingStore.NewRating(2, type, String.valueOf(objectId), null, null, "QR", true, level,
                Set.of(), null, null, null, null, null, region, null, null, window, null, "test", null, null, null, null,
                at(day, 10, 0)));
    }

    /** Sets a bad review's rectification: its state, its due day and the day it was closed (days of March). */
    private void rectification(long ratingId, String state, int dueDay, Integer closedDay) {
        LocalDate due = MARCH_1.plusDays(dueDay - 1);
        jdbc.sql("update oneseal.rectification set state = ?, due_on = ?, closed_on = ? where rating_id = ?")
                .params(state, due, closedDay == null ? null : MARCH_1.plusDays(closedDay - 1), ratingId).update();
    }
}

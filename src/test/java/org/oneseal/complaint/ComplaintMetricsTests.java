package org.oneseal.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oneseal.MetricTestData.query;
import static org.oneseal.MetricTestData.records;
import static org.oneseal.MetricTestData.ts;

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
 * The 办不成事 metrics on known complaints of March 2032 in two counties of the tests' own and the city root: received,
 * answered by the end of the period, 市本级 only for a query that includes the root, overdue at the end of the period
 * or now; the records behind each figure against its count.
 */
@IntegrationTest
class ComplaintMetricsTests {

    private static final LocalDate MARCH_1 = LocalDate.of(2032, 3, 1);
    private static final LocalDate MARCH_31 = LocalDate.of(2032, 3, 31);
    private static final List<String> IDS = List.of(ComplaintMetrics.CITY_WIDE_RECEIVED,
            ComplaintMetrics.CITY_WIDE_RESOLVED, ComplaintMetrics.CITY_LEVEL_RECEIVED,
            ComplaintMetrics.CITY_LEVEL_RESOLVED, ComplaintMetrics.OVERDUE);

    @Autowired ComplaintMetrics metrics;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    private static boolean made;
    private static long countyA;
    private static long countyB;
    private static long root;
    private static long department;

    @BeforeEach
    void data() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        if (made) {
            return;
        }
        MetricTestData data = new MetricTestData(jdbc);
        root = data.root();
        countyA = data.county("T32CPA", "办不成事测试甲县");
        countyB = data.county("T32CPB", "办不成事测试乙县");
        department = data.unit(countyA, null, "STATIONED_DEPARTMENT", "T32CP-DEPT", "办不成事测试人社局");
        // county A: received in March c1, c2, c3, c4, c7 (c7 a minute before April); c5 in February; c6 in April
        complaint(1, countyA, department, day(2), 10, "RESOLVED", day(4), day(5), "李四海");
        complaint(2, countyA, null, day(10), 10, "EXPLAINED", day(12), day(13), null);
        complaint(3, countyA, department, day(20), 10, "RESOLVED", LocalDate.of(2032, 4, 3), day(25), null);
        complaint(4, countyA, null, day(28), 10, null, null, LocalDate.of(2032, 4, 2), null);
        complaint(5, countyA, null, LocalDate.of(2032, 2, 25), 10, null, null, day(1), null);
        complaint(6, countyA, null, LocalDate.of(2032, 4, 1), 0, null, null, LocalDate.of(2032, 4, 6), null);
        complaint(7, countyA, null, MARCH_31, -1, null, null, LocalDate.of(2032, 4, 5), null);
        // county B: one, resolved
        complaint(8, countyB, null, day(5), 10, "RESOLVED", day(6), day(10), null);
        // the root (市本级): one explained, one open and overdue
        complaint(9, root, null, day(3), 10, "EXPLAINED", day(5), day(6), null);
        complaint(10, root, null, day(15), 10, null, null, day(20), null);
        made = true;
    }

    @AfterEach
    void back() {
        clock.reset();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aCountyADepartmentAndTheCityCountWhatWasReceivedAndAnsweredInThePeriod() {
        clock.travelTo(LocalDate.of(2033, 1, 10));
        // county A alone: neither B's nor the root's; 市本级 figures are not given for it
        Map<String, MetricValue> a = check(query(MARCH_1, MARCH_31, Set.of(countyA)));
        assertThat(a.get(ComplaintMetrics.CITY_WIDE_RECEIVED)).isEqualTo(MetricValue.count(5));
        assertThat(a.get(ComplaintMetrics.CITY_WIDE_RESOLVED)).isEqualTo(MetricValue.count(2));
        assertThat(a.get(ComplaintMetrics.OVERDUE)).isEqualTo(MetricValue.count(2)); // c3 (due 25 March) and c5
        assertThat(a.get(ComplaintMetrics.CITY_LEVEL_RECEIVED))
                .isEqualTo(MetricValue.notApplicable(ComplaintMetrics.CITY_LEVEL_ONLY));
        assertThat(a.get(ComplaintMetrics.CITY_LEVEL_RESOLVED).value()).isNull();

        Map<String, MetricValue> b = check(query(MARCH_1, MARCH_31, Set.of(countyB)));
        assertThat(b.get(ComplaintMetrics.CITY_WIDE_RECEIVED)).isEqualTo(MetricValue.count(1));
        assertThat(b.get(ComplaintMetrics.CITY_WIDE_RESOLVED)).isEqualTo(MetricValue.count(1));
        assertThat(b.get(ComplaintMetrics.OVERDUE)).isEqualTo(MetricValue.count(0));

        Map<String, MetricValue> dept = check(new MetricQuery(MARCH_1, MARCH_31, Set.of(countyA, countyB, root), false,
                department, null, null));
        assertThat(dept.get(ComplaintMetrics.CITY_WIDE_RECEIVED)).isEqualTo(MetricValue.count(2));
        assertThat(dept.get(ComplaintMetrics.CITY_WIDE_RESOLVED)).isEqualTo(MetricValue.count(1));
        assertThat(dept.get(ComplaintMetrics.OVERDUE)).isEqualTo(MetricValue.count(1));
        assertThat(dept.get(ComplaintMetrics.CITY_LEVEL_RECEIVED)).isEqualTo(MetricValue.count(0));

        // 市本级 with a county: the root's own complaints only
        Map<String, MetricValue> rootAndA = check(query(MARCH_1, MARCH_31, Set.of(root, countyA)));
        assertThat(rootAndA.get(ComplaintMetrics.CITY_LEVEL_RECEIVED)).isEqualTo(MetricValue.count(2));
        assertThat(rootAndA.get(ComplaintMetrics.CITY_LEVEL_RESOLVED)).isEqualTo(MetricValue.count(1));
        assertThat(rootAndA.get(ComplaintMetrics.CITY_WIDE_RECEIVED)).isEqualTo(MetricValue.count(7));
        assertThat(rootAndA.get(ComplaintMetrics.CITY_WIDE_RESOLVED)).isEqualTo(MetricValue.count(3));

        // the whole city (nothing else happened in 2032), with or without the region condition
        Set<Long> all = new MetricTestData(jdbc).allRegions();
        Map<String, MetricValue> city = check(new MetricQuery(MARCH_1, MARCH_31, all, true, null, null, null));
        assertThat(city.get(ComplaintMetrics.CITY_WIDE_RECEIVED)).isEqualTo(MetricValue.count(8));
        assertThat(city.get(ComplaintMetrics.CITY_WIDE_RESOLVED)).isEqualTo(MetricValue.count(4));
        assertThat(city.get(ComplaintMetrics.CITY_LEVEL_RECEIVED)).isEqualTo(MetricValue.count(2));
        assertThat(check(query(MARCH_1, MARCH_31, all))).isEqualTo(city);
    }

    @Test
    void overdueIsTakenAtTheEndOfThePeriodOrNowWhicheverIsEarlier() {
        MetricQuery a = query(MARCH_1, MARCH_31, Set.of(countyA));
        clock.travelTo(LocalDate.of(2032, 3, 22)); // c3 is due on the 25th; c5 is overdue
        assertThat(check(a).get(ComplaintMetrics.OVERDUE)).isEqualTo(MetricValue.count(1));
        clock.travelTo(LocalDate.of(2032, 3, 26));
        assertThat(check(a).get(ComplaintMetrics.OVERDUE)).isEqualTo(MetricValue.count(2));
        clock.travelTo(LocalDate.of(2032, 4, 4)); // c3 answered on 3 April: at the end of March it was overdue
        assertThat(check(a).get(ComplaintMetrics.OVERDUE)).isEqualTo(MetricValue.count(2));
        assertThat(check(query(LocalDate.of(2032, 4, 1), LocalDate.of(2032, 4, 3), Set.of(countyA)))
                .get(ComplaintMetrics.OVERDUE)).isEqualTo(MetricValue.count(2)); // c5 and c4 (due 2 April)
    }

    @Test
    void theRecordsAreInOrderMaskedAndAWindowIsNoBreakdownOfComplaints() {
        clock.travelTo(LocalDate.of(2033, 1, 10));
        List<List<Object>> rows = records(metrics, ComplaintMetrics.CITY_WIDE_RECEIVED,
                query(MARCH_1, MARCH_31, Set.of(countyA)), 2);
        assertThat(rows).hasSize(5);
        assertThat(metrics.recordColumns(ComplaintMetrics.CITY_WIDE_RECEIVED)).hasSize(rows.getFirst().size());
        assertThat(rows.getFirst()).containsExactly(MetricTestData.at(day(2), 10, 0), "办不成事测试甲县", "窗口登记",
                "来回跑、推诿扯皮", null, "办不成事测试人社局", "李**", "已办结", "已解决", MetricTestData.at(day(4), 10, 0),
                day(5));
        assertThat(rows.toString()).doesNotContain("李四海");
        assertThat(rows.getLast().getFirst()).isEqualTo(MetricTestData.at(MARCH_31, 23, 59));

        MetricQuery window = new MetricQuery(MARCH_1, MARCH_31, Set.of(countyA), false, null, 1L, null);
        assertThat(metrics.compute(IDS, window).values()).allSatisfy(v -> {
            assertThat(v.value()).isNull();
            assertThat(v.reasonKey()).isEqualTo(ComplaintMetrics.NO_BREAKDOWN);
        });
        assertThat(records(metrics, ComplaintMetrics.CITY_WIDE_RECEIVED, window, 10)).isEmpty();
    }

    @Test
    void recordsOfManyChunksComeOutCompleteAndInOrder() {
        clock.travelTo(LocalDate.of(2033, 1, 10));
        MetricQuery all = query(MARCH_1, MARCH_31, Set.of(countyA, countyB, root));
        List<List<Object>> whole = records(metrics, ComplaintMetrics.CITY_WIDE_RECEIVED, all, 100);
        ComplaintMetrics target = AopTestUtils.getUltimateTargetObject(metrics);
        target.chunk = 2; // 8 complaints: chunks of 2, each after the last (received, id) of the one before
        try {
            List<List<Object>> chunked = new ArrayList<>();
            metrics.records(ComplaintMetrics.CITY_WIDE_RECEIVED, all, 0, 100, chunked::add);
            assertThat(chunked).isEqualTo(whole);
            List<List<Object>> page = new ArrayList<>();
            metrics.records(ComplaintMetrics.CITY_WIDE_RECEIVED, all, 1, 5, page::add);
            assertThat(page).isEqualTo(whole.subList(1, 6));
        } finally {
            target.chunk = ComplaintMetrics.CHUNK;
        }
        assertThat(whole).hasSize(8).extracting(r -> (java.time.Instant) r.getFirst()).isSorted();
    }

    @Test
    void aBreakdownByDepartmentGivesEachDepartmentWhatItsOwnQueryGives() {
        clock.travelTo(LocalDate.of(2033, 1, 10));
        long other = new MetricTestData(jdbc).unit(countyB, null, "STATIONED_DEPARTMENT", "T32CP-DEPT2",
                "办不成事测试医保局");
        List<Long> units = List.of(department, other);
        Set<Long> all = new MetricTestData(jdbc).allRegions();
        for (MetricQuery q : List.of(query(MARCH_1, MARCH_31, Set.of(countyA)), query(MARCH_1, MARCH_31, all),
                new MetricQuery(MARCH_1, MARCH_31, all, true, other, null, null),
                query(MARCH_1, MARCH_31, Set.of(root, countyA)),
                new MetricQuery(MARCH_1, MARCH_31, Set.of(countyA), false, null, 1L, null))) {
            Map<Long, Map<String, MetricValue>> grouped = metrics.computeByUnit(IDS, q, MetricDimension.DEPARTMENT,
                    units);
            assertThat(grouped.keySet()).containsExactlyElementsOf(units);
            for (long unit : units) {
                MetricQuery alone = q.narrowedTo(MetricDimension.DEPARTMENT, unit);
                assertThat(grouped.get(unit)).as("%s of %s", unit, q).isEqualTo(metrics.compute(IDS, alone));
                for (String id : IDS) {
                    assertThat(records(metrics, id, alone, 3)).as(id).hasSize((int) grouped.get(unit).get(id).records());
                }
            }
        }
        Map<Long, Map<String, MetricValue>> city = metrics.computeByUnit(IDS, query(MARCH_1, MARCH_31, all),
                MetricDimension.DEPARTMENT, units);
        assertThat(city.get(department).get(ComplaintMetrics.CITY_WIDE_RECEIVED)).isEqualTo(MetricValue.count(2));
        assertThat(city.get(department).get(ComplaintMetrics.OVERDUE)).isEqualTo(MetricValue.count(1));
        assertThat(city.get(other).get(ComplaintMetrics.CITY_WIDE_RECEIVED)).isEqualTo(MetricValue.count(0));
    }

    /** The figures of a query, each with exactly as many records as it says. */
    private Map<String, MetricValue> check(MetricQuery q) {
        Map<String, MetricValue> v = metrics.compute(IDS, q);
        assertThat(v.keySet()).containsExactlyInAnyOrderElementsOf(IDS);
        for (String id : IDS) {
            assertThat(records(metrics, id, q, 3)).as(id).hasSize((int) v.get(id).records());
        }
        return v;
    }

    private static LocalDate day(int march) {
        return MARCH_1.plusDays(march - 1);
    }

    /** A complaint received on a day at an hour (-1: 23:59), answered on a day at 10:00 when outcome is given. */
    private void complaint(int n, long region, Long dept, LocalDate received, int hour, String outcome,
            LocalDate answered, LocalDate due, String name) {
        jdbc.sql("""
                insert into oneseal.complaint (tracking_code, channel, reporter_name, region_id, department_id, category,
                    description, state, due_on, outcome, answer, answered_at, closed_at, received_at)
                values (:code, 'WINDOW', :name, :region, :dept, 'BACK_AND_FORTH', '测试：来回跑了三次还没办成', :state, :due,
                    :outcome, :answer, :answered, :closed, :received)""")
                .param("code", "T32CP" + n).param("name", name).param("region", region).param("dept", dept)
                .param("state", outcome == null ? "ASSIGNED" : "CLOSED").param("due", due).param("outcome", outcome)
                .param("answer", outcome == null ? null : "已答复").param("answered", answered == null ? null : ts(answered, 10, 0))
                .param("closed", answered == null ? null : ts(answered, 11, 0))
                .param("received", hour < 0 ? ts(received, 23, 59) : ts(received, hour, 0)).update();
    }
}

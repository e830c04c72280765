package org.oneseal.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.oneseal.identity.RegionManagement;
import org.oneseal.identity.RegionView;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricQuery;
import org.oneseal.shared.metrics.MetricValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case figures on a small known data set in March 2031 (no other test uses 2031) in two counties of their own
 * below the city root, each figure against values counted by hand, with exactly as many records as the figure says;
 * one county's figures leave out the other county's and the city's own cases. The roll-up gives the same figures as
 * the live count, and a change to a rolled-up case un-rolls its days.
 */
@IntegrationTest
class CaseMetricsTests {

    static final LocalDate FIRST = LocalDate.of(2031, 3, 1);
    static final LocalDate LAST = LocalDate.of(2031, 3, 31);
    static final String BL = "营业执照";

    @Autowired CaseMetrics metrics;
    @Autowired CaseRollup rollup;
    @Autowired CaseRecords caseRecords;
    @Autowired JdbcClient jdbc;
    @Autowired RegionManagement regions;
    @Autowired MessageSource messages;
    @Autowired TestClock clock;
    @Autowired CaseworkTestSupport support;
    @Autowired CaseIntake intake;
    @Autowired CaseHandling handling;
    @Autowired CaseDecisions decisions;

    long countyA;
    long countyB;
    long root;
    long deptA1;
    long deptA2;
    long applicant;
    final Map<String, Long> ids = new java.util.HashMap<>();

    @AfterEach
    void back() {
        // the cases of 2031 leave with the test: 2031 has no published calendar, so any page that works out a
        // deadline of theirs (a case list, the workbench's figures) would refuse for the tests that follow
        jdbc.sql("delete from oneseal.case_file where case_number like 'MT2031%'").update();
        support.signOut();
        clock.reset();
    }

    @BeforeEach
    void knownCases() {
        clock.travelTo(LocalDate.of(2032, 1, 15)); // March 2031 is over: its stock is taken at its end
        root = jdbc.sql("select id from oneseal.region where parent_id is null").query(Long.class).single();
        countyA = region("MT2031A", "统计测试甲县");
        countyB = region("MT2031B", "统计测试乙县");
        deptA1 = unit(countyA, "MT2031A-SC", "甲县市场监管局");
        deptA2 = unit(countyA, "MT2031A-WS", "甲县卫生健康局");
        long deptB = unit(countyB, "MT2031B-SC", "乙县市场监管局");
        applicant = jdbc.sql("select id from oneseal.account where username = 'zhangsan'").query(Long.class).single();
        jdbc.sql("delete from oneseal.case_file where case_number like 'MT2031%'").update();
        jdbc.sql("delete from oneseal.agent_mandate where purpose = 'MT2031'").update();
        for (String table : List.of("case_day", "case_daily", "case_stock_daily")) {
            jdbc.sql("delete from oneseal." + table + " where day between '2031-01-01' and '2031-12-31'").update();
        }
        // county A, department A1 unless said; A1–A5 taken in at the window by mt_window1
        c("A1").window().at(3, 2, 10, 0).accepted(3, 3).due(3, 10, 3, 31).decided(3, 9, true).concluded(3, 10)
                .licence(BL, "ENTERPRISE").worked(5).status("DELIVERED").add();
        c("A2").window().dept(deptA2).at(3, 2, 23, 30).accepted(3, 4).due(3, 6, 3, 20).decided(3, 12, true)
                .concluded(3, 13).licence(BL, "ENTERPRISE").worked(8).status("DELIVERED").add();
        c("A3").window().at(3, 5, 9, 0).accepted(3, 5).due(3, 7, 3, 10).decided(3, 25, false).concluded(3, 26)
                .licence(BL, "ENTERPRISE").worked(15).status("DELIVERED").add();
        c("A4").window().at(3, 6, 9, 0).accepted(3, 6).due(3, 6, 3, 9).decided(3, 6, true).concluded(3, 6)
                .licence(BL, "PERSON").worked(0).status("DELIVERED").add();
        c("A5").window().at(3, 7, 9, 0).accepted(3, 7).decided(3, 7, null).concluded(3, 7).worked(0).status("FILED").add();
        c("A6").at(3, 8, 9, 0).concluded(3, 9).status("REFUSED").add();
        c("A7").dept(deptA2).at(3, 10, 9, 0).accepted(3, 11).due(3, 18, 4, 15).status("IN_REVIEW").add();
        c("A8").at(3, 20, 9, 0).accepted(3, 23).due(4, 10, 4, 30).status("IN_REVIEW").add();
        c("A9").at(3, 1, 9, 0).accepted(3, 2).due(3, 9, 3, 30).paused(3, 5).status("IN_REVIEW").add();
        c("A10").at(3, 12, 9, 0).accepted(3, 13).due(3, 15, 3, 30).decided(3, 20, true).licence("食品经营许可证", "BOTH")
                .status("GRANTED").add();
        c("A11").at(3, 30, 9, 0).status("SUBMITTED").add();
        c("A12").at(3, 3, 9, 0).status("DRAFT").add();
        c("A13").at(2, 20, 9, 0).accepted(2, 21).due(2, 28, 3, 20).decided(3, 2, true).concluded(3, 3)
                .licence(BL, "ENTERPRISE").worked(6).status("DELIVERED").add();
        c("A14").at(3, 31, 23, 59).status("SUBMITTED").add();
        c("A15").at(4, 1, 0, 0).status("SUBMITTED").add();
        c("A16").at(3, 3, 9, 0).accepted(3, 4).due(3, 8, 3, 20).concluded(3, 15).worked(8).status("TERMINATED").add();
        c("A17").at(3, 25, 9, 0).accepted(3, 26).due(4, 2, 4, 20).decided(4, 1, true).concluded(4, 2)
                .licence(BL, "ENTERPRISE").worked(5).status("DELIVERED").add();
        // county B and the city itself
        c("B1").region(countyB).dept(deptB).at(3, 5, 9, 0).accepted(3, 5).due(3, 10, 3, 20).decided(3, 8, true)
                .concluded(3, 9).licence(BL, "ENTERPRISE").worked(3).status("DELIVERED").add();
        c("B2").region(countyB).dept(deptB).at(3, 1, 9, 0).accepted(3, 2).due(3, 5, 3, 20).status("AWAITING_DECISION").add();
        c("C1").region(root).dept(deptB).at(3, 4, 9, 0).accepted(3, 4).due(3, 10, 3, 20).decided(3, 9, true)
                .concluded(3, 10).licence(BL, "ENTERPRISE").worked(4).status("DELIVERED").add();
        // 帮办代办 mandates: two in county A in March (the second late on the 31st), one just after, one in county B
        mandate(countyA, "mt_window1", LocalDateTime.of(2031, 3, 5, 10, 0));
        mandate(countyA, "mt_window2", LocalDateTime.of(2031, 3, 31, 23, 0));
        mandate(countyA, "mt_window1", LocalDateTime.of(2031, 4, 1, 0, 10));
        mandate(countyB, "mt_window1", LocalDateTime.of(2031, 3, 6, 10, 0));
    }

    @Test
    void everyFigureOfOneCountyAsCountedByHandWithItsRecords() {
        MetricQuery a = query(Set.of(countyA));
        Map<String, MetricValue> v = computeAll(a);
        assertCount(v, "cases.submitted", 14); // A1–A11, A14, A16, A17: not the draft, not February's, not April's
        assertCount(v, "cases.accepted", 11);
        assertCount(v, "cases.concluded", 7); // A1–A5, A13, A16: the refusal was never accepted, A17 ends in April
        assertCount(v, "cases.granted", 4); // A1, A2, A4, A13
        assertCount(v, "cases.denied", 1); // A3
        assertRate(v.get("cases.onTimeRate"), 3, 7, "42.9"); // A1, A4, the filing A5
        assertRate(v.get("cases.legalOnTimeRate"), 6, 7, "85.7"); // all but A3
        assertCount(v, "cases.open", 7); // A7–A11, A14, A17 at the end of 31 March
        assertCount(v, "cases.overdue", 1); // A7 (A9 paused, A10 decided, A11 not accepted)
        assertThat(v.get("enterprise.registrationWorkdays").value()).isEqualByComparingTo("6.3"); // (5 + 8 + 6) / 3
        assertThat(v.get("enterprise.registrationWorkdays").records()).isEqualTo(3);
        assertCount(v, "marketEntities.new", 4); // decided in March: A1, A2, A4 (个体工商户), A13
        assertCount(v, "complaint.agentServices", 2);
        assertRecordsMatch(a, v);

        List<List<Object>> submitted = records("cases.submitted", a);
        assertThat(submitted).extracting(r -> r.get(0)).startsWith("MT2031A9", "MT2031A1", "MT2031A2")
                .endsWith("MT2031A14");
        assertThat(submitted.get(1)).contains("统计测试甲县", "甲县市场监管局", "张*");
        List<List<Object>> onTime = records("cases.onTimeRate", a);
        assertThat(onTime.stream().filter(r -> Boolean.TRUE.equals(r.getLast())).count()).isEqualTo(3);
        assertThat(records("enterprise.registrationWorkdays", a)).extracting(List::getLast).containsExactly(6, 5, 8);
    }

    @Test
    void twoCountiesADepartmentAStaffMemberAndTheWholeCity() {
        MetricQuery both = query(Set.of(countyA, countyB));
        Map<String, MetricValue> v = computeAll(both);
        assertCount(v, "cases.submitted", 16);
        assertCount(v, "cases.concluded", 8);
        assertRate(v.get("cases.onTimeRate"), 4, 8, "50.0");
        assertThat(v.get("enterprise.registrationWorkdays").value()).isEqualByComparingTo("5.5"); // (5+8+6+3) / 4
        assertCount(v, "marketEntities.new", 5);
        assertCount(v, "cases.open", 8);
        assertCount(v, "cases.overdue", 2);
        assertCount(v, "complaint.agentServices", 3);
        assertRecordsMatch(both, v);

        MetricQuery dept = new MetricQuery(FIRST, LAST, Set.of(countyA), false, deptA2, null, null);
        Map<String, MetricValue> d = metrics.compute(caseIds(), dept);
        assertCount(d, "cases.submitted", 2); // A2, A7
        assertCount(d, "cases.concluded", 1);
        assertCount(d, "cases.open", 1);
        assertCount(d, "cases.overdue", 1);
        assertRecordsMatch(dept, d);

        MetricQuery staff = new MetricQuery(FIRST, LAST, Set.of(countyA), false, null, null, "mt_window1");
        Map<String, MetricValue> s = metrics.compute(caseIds(), staff);
        assertCount(s, "cases.submitted", 5);
        assertRate(s.get("cases.onTimeRate"), 3, 5, "60.0");
        assertRecordsMatch(staff, s);

        Set<Long> every = regions.all().stream().map(RegionView::id).collect(Collectors.toSet());
        assertThat(values(computeAll(new MetricQuery(FIRST, LAST, every, true, null, null, null))))
                .isEqualTo(values(computeAll(new MetricQuery(FIRST, LAST, every, false, null, null, null))));
    }

    @Test
    void withNothingConcludedTheRatesAndTheAverageHaveNoValueButAReason() {
        MetricQuery june = new MetricQuery(LocalDate.of(2031, 6, 1), LocalDate.of(2031, 6, 30), Set.of(countyA), false,
                null, null, null);
        Map<String, MetricValue> v = computeAll(june);
        assertThat(v.get("cases.onTimeRate").value()).isNull();
        assertThat(v.get("cases.onTimeRate").reasonKey()).isEqualTo(CaseMetrics.NOTHING_CONCLUDED);
        assertThat(v.get("enterprise.registrationWorkdays").value()).isNull();
        assertThat(v.get("enterprise.registrationWorkdays").reasonKey()).isEqualTo(CaseMetrics.NO_REGISTRATIONS);
        assertCount(v, "cases.open", 7); // A7–A11, A14 and A15 (submitted 1 April) never concluded
        assertRecordsMatch(june, v);
    }

    @Test
    void aPeriodNotOverYetTakesItsStockNow() {
        clock.travelTo(LocalDate.of(2031, 3, 20));
        Map<String, MetricValue> v = computeAll(query(Set.of(countyA)));
        assertCount(v, "cases.open", 5); // A3 (concluded 26 March), A7, A8 (submitted that day), A9, A10
        assertCount(v, "cases.overdue", 2); // A3 (due 7 March, decided 25 March) and A7 (due 18 March)
        assertRecordsMatch(query(Set.of(countyA)), v);
    }

    @Test
    void theRollUpGivesTheLiveFiguresAndAChangeUnrollsTheDaysItTouches() {
        MetricQuery a = query(Set.of(countyA));
        List<Object> live = values(computeAll(a));
        for (LocalDate d = LocalDate.of(2031, 2, 1); !d.isAfter(LocalDate.of(2031, 4, 30)); d = d.plusDays(1)) {
            rollup.roll(d);
        }
        assertThat(unrolled()).isEmpty();
        assertThat(values(computeAll(a))).isEqualTo(live);
        assertThat(jdbc.sql("select coalesce(sum(submitted), 0) from oneseal.case_daily where day between :f and :t"
                        + " and region_id = :a").param("f", FIRST).param("t", LAST).param("a", countyA)
                .query(Long.class).single()).isEqualTo(14);

        // A7 extended after it fell due: no longer overdue at the end of March; its days past the old due date un-roll
        jdbc.sql("update oneseal.case_file set promised_due = '2031-04-20', extension_days = 10 where id = :id")
                .param("id", ids.get("A7")).update();
        assertThat(unrolled()).first().isEqualTo(LocalDate.of(2031, 3, 19));
        assertThat(unrolled()).contains(LAST);
        assertCount(computeAll(a), "cases.overdue", 0);
        // A3 re-decided as a grant (as if its decision had been recorded wrongly): its conclusion day un-rolls
        jdbc.sql("update oneseal.case_file set granted = true where id = :id").param("id", ids.get("A3")).update();
        assertThat(unrolled()).contains(LocalDate.of(2031, 3, 26));
        Map<String, MetricValue> changed = computeAll(a);
        assertCount(changed, "cases.granted", 5);
        assertCount(changed, "cases.denied", 0);
        assertRecordsMatch(a, changed);
        unrolled().forEach(rollup::roll);
        assertThat(values(computeAll(a))).isEqualTo(values(changed));
        // a new case of a rolled day (e.g. inserted by SQL) un-rolls it too
        c("A18").at(3, 9, 9, 0).status("SUBMITTED").add();
        assertThat(unrolled()).contains(LocalDate.of(2031, 3, 9));
        assertCount(computeAll(a), "cases.submitted", 15);
    }

    @Test
    void theMovesOfARealCaseUnrollTheirDaysAndKeepTheDecisionAndTheWorkingDays() {
        LocalDate accepted = LocalDate.of(2026, 6, 16);
        LocalDate concluded = LocalDate.of(2026, 6, 22); // after 端午节 (19–21 June): 17, 18 and 22 June are 3 working days
        rollup.roll(accepted);
        rollup.roll(concluded);
        clock.travelTo(accepted);
        org.oneseal.matter.MatterVersionView food = support.foodPermit("990100");
        support.as("zhangsan");
        long id = intake.apply(new Application(food.matterId(), null, null), CaseworkTestSupport.requiredFiles(food),
                null).id();
        support.as("window01");
        handling.accept(id);
        assertThat(rolled(accepted)).isFalse();
        rollup.roll(accepted);
        support.as("reviewer01");
        handling.completeReview(id, "符合要求");
        assertThat(rolled(accepted)).as("a move that changes no figure").isTrue();

        clock.travelTo(concluded);
        support.as("chief01");
        decisions.decide(id, new Decision(true, "经审查，符合法定条件", null, null));
        support.as("window01");
        handling.deliver(id, "DOWNLOAD");
        support.signOut();
        assertThat(rolled(concluded)).isFalse();
        assertThat(rolled(accepted)).isTrue();
        assertThat(jdbc.sql("select granted, worked_days, licence_kind, service_object from oneseal.case_file where id = :id")
                .param("id", id).query((rs, n) -> List.of(rs.getBoolean(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4))).single()).containsExactly(true, 3, "食品经营许可证", "BOTH");

        MetricQuery city = new MetricQuery(accepted, concluded, Set.of(root), false, null, null, null);
        List<Object> live = values(computeAll(city));
        rollup.roll(concluded);
        assertThat(values(computeAll(city))).isEqualTo(live);
        List<List<Object>> concludedCases = records("cases.concluded", city);
        assertThat(concludedCases).extracting(r -> r.get(0)).contains(
                jdbc.sql("select case_number from oneseal.case_file where id = :id").param("id", id)
                        .query(String.class).single());
    }

    private boolean rolled(LocalDate day) {
        return jdbc.sql("select rolled from oneseal.case_day where day = :d").param("d", day).query(Boolean.class).single();
    }

    @Test
    void recordsComeInChunksInTheSameOrderAndPagesFromAnOffset() {
        MetricQuery a = query(Set.of(countyA));
        List<List<Object>> whole = records("cases.submitted", a);
        List<List<Object>> chunked = new ArrayList<>();
        caseRecords.chunk = 3;
        try {
            metrics.records("cases.submitted", a, 0, 100, chunked::add);
            List<List<Object>> page = new ArrayList<>();
            metrics.records("cases.submitted", a, 4, 5, page::add);
            assertThat(page).isEqualTo(whole.subList(4, 9));
        } finally {
            caseRecords.chunk = CaseRecords.CHUNK;
        }
        assertThat(chunked).isEqualTo(whole);
        List<List<Object>> tail = new ArrayList<>();
        metrics.records("cases.submitted", a, 12, 5, tail::add);
        assertThat(tail).hasSize(2);
    }

    @Test
    void everyFigureHasItsTextsInBothLanguages() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (MetricDefinition d : metrics.definitions()) {
                for (String key : List.of(d.nameKey(), d.definitionKey(), d.recordsKey())) {
                    assertThat(messages.getMessage(key, null, locale)).as(key).isNotBlank();
                }
                if (d.growthOf() == null) {
                    metrics.recordColumns(d.id()).forEach(k -> assertThat(messages.getMessage(k, null, locale)).isNotBlank());
                }
            }
            for (String key : List.of(CaseMetrics.NOTHING_CONCLUDED, CaseMetrics.NO_REGISTRATIONS)) {
                assertThat(messages.getMessage(key, null, locale)).isNotBlank();
            }
        }
        // the growth of new market entities is the statistics module's to compute, from this source's count
        assertThat(metrics.definitions()).filteredOn(d -> d.growthOf() != null).singleElement()
                .satisfies(d -> assertThat(d.growthOf()).isEqualTo("marketEntities.new"));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private MetricQuery query(Set<Long> regionIds) {
        return new MetricQuery(FIRST, LAST, regionIds, false, null, null, null);
    }

    private static List<String> caseIds() {
        return List.of("cases.submitted", "cases.accepted", "cases.concluded", "cases.granted", "cases.denied",
                "cases.onTimeRate", "cases.legalOnTimeRate", "cases.open", "cases.overdue",
                "enterprise.registrationWorkdays", "marketEntities.new");
    }

    private Map<String, MetricValue> computeAll(MetricQuery q) {
        List<String> asked = metrics.definitions().stream().filter(d -> d.growthOf() == null).map(MetricDefinition::id)
                .toList();
        Map<String, MetricValue> v = metrics.compute(asked, q);
        assertThat(v.keySet()).containsExactlyInAnyOrderElementsOf(asked);
        return v;
    }

    private static List<Object> values(Map<String, MetricValue> v) {
        return v.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> List.of(e.getKey(), String.valueOf(e.getValue()))).collect(Collectors.toList());
    }

    private static void assertCount(Map<String, MetricValue> v, String id, long expected) {
        assertThat(v.get(id).value()).as(id).isEqualByComparingTo(BigDecimal.valueOf(expected));
        assertThat(v.get(id).records()).as(id + " records").isEqualTo(expected);
    }

    private static void assertRate(MetricValue v, long numerator, long denominator, String percent) {
        assertThat(v.value()).isEqualByComparingTo(percent);
        assertThat(v.numerator()).isEqualTo(numerator);
        assertThat(v.denominator()).isEqualTo(denominator);
        assertThat(v.records()).isEqualTo(denominator);
    }

    /** Every figure lists exactly as many records as it says, each row as long as the figure's columns. */
    private void assertRecordsMatch(MetricQuery q, Map<String, MetricValue> values) {
        values.forEach((id, value) -> {
            List<List<Object>> rows = records(id, q);
            assertThat(rows).as(id + " records").hasSize((int) value.records());
            int columns = metrics.recordColumns(id).size();
            assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(columns));
        });
    }

    private List<List<Object>> records(String id, MetricQuery q) {
        List<List<Object>> rows = new ArrayList<>();
        metrics.records(id, q, 0, 10_000, rows::add);
        return rows;
    }

    private List<LocalDate> unrolled() {
        return jdbc.sql("select day from oneseal.case_day where not rolled and day between '2031-01-01' and '2031-12-31'"
                + " order by day").query(LocalDate.class).list();
    }

    private long region(String code, String name) {
        jdbc.sql("""
                insert into oneseal.region (code, name, level, parent_id, sort_order, created_at, updated_at)
                values (:code, :name, 'COUNTY', :root, 90, now(), now()) on conflict (code) do nothing""")
                .param("code", code).param("name", name).param("root", root).update();
        return jdbc.sql("select id from oneseal.region where code = :code").param("code", code).query(Long.class).single();
    }

    private long unit(long region, String code, String name) {
        jdbc.sql("""
                insert into oneseal.org_unit (region_id, kind, code, name, created_at, updated_at)
                values (:region, 'STATIONED_DEPARTMENT', :code, :name, now(), now()) on conflict (code) do nothing""")
                .param("region", region).param("code", code).param("name", name).update();
        return jdbc.sql("select id from oneseal.org_unit where code = :code").param("code", code).query(Long.class).single();
    }

    private void mandate(long region, String staff, LocalDateTime at) {
        jdbc.sql("""
                insert into oneseal.agent_mandate (staff, applicant_account_id, matter_id, region_id, purpose, valid_until,
                    created_at)
                values (:staff, :applicant, 999999, :region, 'MT2031', '2031-06-30', :at)""")
                .param("staff", staff).param("applicant", applicant).param("region", region)
                .param("at", Timestamp.from(at.atZone(MetricQuery.ZONE).toInstant())).update();
    }

    private CaseBuilder c(String name) {
        return new CaseBuilder(name);
    }

    /** A case row as the figures read it, written straight into case_file. */
    private final class CaseBuilder {
        final String name;
        long regionId = countyA;
        long department = deptA1;
        String channel = "ONLINE";
        String staff;
        Instant submitted;
        LocalDate accepted;
        LocalDate promisedDue;
        LocalDate legalDue;
        LocalDate decided;
        Boolean granted;
        LocalDate concluded;
        LocalDate paused;
        String licenceKind;
        String serviceObject = "ENTERPRISE";
        Integer worked;
        String status;

        CaseBuilder(String name) {
            this.name = name;
        }

        CaseBuilder window() {
            channel = "WINDOW";
            staff = "mt_window1";
            return this;
        }

        CaseBuilder region(long id) {
            regionId = id;
            return this;
        }

        CaseBuilder dept(long id) {
            department = id;
            return this;
        }

        CaseBuilder at(int m, int d, int hour, int minute) {
            submitted = LocalDateTime.of(2031, m, d, hour, minute).atZone(MetricQuery.ZONE).toInstant();
            return this;
        }

        CaseBuilder accepted(int m, int d) {
            accepted = LocalDate.of(2031, m, d);
            return this;
        }

        CaseBuilder due(int pm, int pd, int lm, int ld) {
            promisedDue = LocalDate.of(2031, pm, pd);
            legalDue = LocalDate.of(2031, lm, ld);
            return this;
        }

        CaseBuilder decided(int m, int d, Boolean grant) {
            decided = LocalDate.of(2031, m, d);
            granted = grant;
            return this;
        }

        CaseBuilder concluded(int m, int d) {
            concluded = LocalDate.of(2031, m, d);
            return this;
        }

        CaseBuilder paused(int m, int d) {
            paused = LocalDate.of(2031, m, d);
            return this;
        }

        CaseBuilder licence(String kind, String object) {
            licenceKind = kind;
            serviceObject = object;
            return this;
        }

        CaseBuilder worked(int days) {
            worked = days;
            return this;
        }

        CaseBuilder status(String s) {
            status = s;
            return this;
        }

        void add() {
            long id = jdbc.sql("""
                    insert into oneseal.case_file (case_number, matter_id, matter_version_id, matter_name, region_id,
                        department_id, applicant_account_id, applicant_kind, applicant_name, applicant_identifier, channel,
                        intake_staff, status, submitted_at, accepted_on, promised_days, legal_days, paused_since,
                        promised_due, legal_due, decided_on, concluded_on, granted, licence_kind, service_object,
                        worked_days)
                    values (:number, 999999, 999999, :matter, :region, :department, :applicant, 'PERSON', '张三',
                        '110105199001010010', :channel, :staff, :status, :submitted, :accepted, 5, 20, :paused,
                        :promisedDue, :legalDue, :decided, :concluded, :granted, :licenceKind, :serviceObject, :worked)
                    returning id""")
                    .param("number", "MT2031" + name).param("matter", "测试事项" + name).param("region", regionId)
                    .param("department", department).param("applicant", applicant).param("channel", channel)
                    .param("staff", staff).param("status", status).param("submitted", Timestamp.from(submitted))
                    .param("accepted", accepted).param("paused", paused).param("promisedDue", promisedDue)
                    .param("legalDue", legalDue).param("decided", decided).param("concluded", concluded)
                    .param("granted", granted).param("licenceKind", licenceKind).param("serviceObject", serviceObject)
                    .param("worked", worked).query(Long.class).single();
            ids.put(name, id);
        }
    }
}

package org.oneseal.matter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.RegionManagement;
import org.oneseal.identity.RegionView;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricKind;
import org.oneseal.shared.metrics.MetricQuery;
import org.oneseal.shared.metrics.MetricValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The catalogue's figures for the statistics, on a small catalogue of its own in two regions of its own (a county
 * and a high-tech zone, created here; no other test uses them), at three moments of 2030: every figure against
 * values worked out by hand, for the county alone, the county and the zone, one department, and before and after
 * revisions, bundle publications and a withdrawal; and every figure's records are as many as its value says.
 *
 * <pre>
 * 2030-03-02  v1 of M1..M5, M7 published
 * 2030-06-02  v2 of M1 and M2, M6 created; bundles B1 (一照含证: M1 carried, M2, M3), B2 (企业开办: M2, M6, target 1)
 *             and B3 (企业开办 of the zone: M5, M7, no target) published
 * 2030-09-01  B1 withdrawn
 * </pre>
 */
@IntegrationTest
class MatterMetricsTests {

    private static final String APPLICATION = "申请书";
    private static final String LICENCE = "营业执照";
    private static final String SITE = "场地证明";
    private static final String IDENTITY = "身份证明";

    @Autowired MatterMetrics metrics;
    @Autowired MatterAdministration admin;
    @Autowired Bundles bundles;
    @Autowired RegionManagement regions;
    @Autowired CurrentUser currentUser;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @Autowired MessageSource messages;

    /** the catalogue is built once, by the first test that needs it */
    private static boolean built;
    private static DataScope scope;
    private static long county;
    private static long zone;
    private static long d1;
    private static long d2;
    private static long d3;

    @AfterEach
    void back() {
        LocaleContextHolder.resetLocaleContext();
        SecurityContextHolder.clearContext();
        clock.reset();
    }

    @Test
    void everyCatalogueFigureOfACountyAndAZoneAtThreeMoments() {
        build();
        SecurityContextHolder.clearContext(); // the figures are computed without anyone signed in

        // 2029: nothing in force yet — percentages have no value and say why, counts are 0
        Map<String, MetricValue> none = all(query(2029, 1, 1, 2029, 12, 31, null, county));
        assertThat(none.get("reform.materialReductionPct")).isEqualTo(
                MetricValue.missing("matter.metric.reason.noMaterialsBefore", 0));
        assertThat(none.get("reform.timeLimitReductionPct").reasonKey()).isEqualTo("matter.metric.reason.noLimitBefore");
        assertThat(none.get("enterprise.timeReductionPct").reasonKey())
                .isEqualTo("matter.metric.reason.noEnterpriseBundle");
        assertThat(none.get("matter.competences.total")).isEqualTo(MetricValue.count(0));

        // end of March: the first versions, no bundle yet
        MetricQuery early = query(2030, 1, 1, 2030, 3, 31, null, county);
        expect(early, Map.ofEntries(
                Map.entry("reform.materialReductionPct", pct("0.0", 3)),
                Map.entry("reform.timeLimitReductionPct", pct("0.0", 3)),
                Map.entry("matter.competences.total", MetricValue.count(4)),
                Map.entry("matter.transferred", MetricValue.count(1)),
                Map.entry("matter.delegatedToZone", MetricValue.count(0)),
                Map.entry("permitReform.listItems", MetricValue.count(2)),
                Map.entry("commitment.matters", MetricValue.count(3)),
                Map.entry("commitment.proofItems", MetricValue.count(4)),
                Map.entry("commitment.departments", MetricValue.count(2)),
                Map.entry("online.noVisitMatters", MetricValue.count(1)),
                Map.entry("online.certificateFreeMatters", MetricValue.count(1)),
                Map.entry("online.bundleMatters", MetricValue.count(1)),
                Map.entry("online.crossProvinceMatters", MetricValue.count(2)),
                Map.entry("cityWide.matters", MetricValue.count(1)),
                Map.entry("bundle.departments", MetricValue.count(0)),
                Map.entry("bundle.itemGroups", MetricValue.count(0)),
                Map.entry("enterprise.materialReductionPct",
                        MetricValue.missing("matter.metric.reason.noEnterpriseBundle", 0)),
                Map.entry("enterprise.timeReductionPct",
                        MetricValue.missing("matter.metric.reason.noEnterpriseBundle", 0))));

        // end of June, the county alone: M1 4→3 materials (25.0 %), 10→6 days (40.0 %); M2 3→1 (66.7 %), 5→3
        // (40.0 %); M3 and M6 0.0 % of materials, M4 none to reduce; M4 and M6 0.0 % of days, M3 即办件
        MetricQuery june = query(2030, 4, 1, 2030, 6, 30, null, county);
        expect(june, Map.ofEntries(
                Map.entry("reform.materialReductionPct", pct("22.9", 4)), // (25.0 + 66.7 + 0 + 0) / 4 = 22.925
                Map.entry("reform.timeLimitReductionPct", pct("20.0", 4)), // (40 + 40 + 0 + 0) / 4
                Map.entry("matter.competences.total", MetricValue.count(5)),
                Map.entry("matter.transferred", MetricValue.count(1)),
                Map.entry("matter.delegatedToZone", MetricValue.count(0)), // M4 is delegated, but of the county
                Map.entry("permitReform.listItems", MetricValue.count(2)),
                Map.entry("commitment.matters", MetricValue.count(3)),
                Map.entry("commitment.proofItems", MetricValue.count(3)), // M2's v2 keeps one of its two
                Map.entry("commitment.departments", MetricValue.count(2)),
                Map.entry("online.noVisitMatters", MetricValue.count(3)),
                Map.entry("online.certificateFreeMatters", MetricValue.count(2)),
                Map.entry("online.bundleMatters", MetricValue.count(1)),
                Map.entry("online.crossProvinceMatters", MetricValue.count(2)),
                Map.entry("cityWide.matters", MetricValue.count(1)),
                Map.entry("bundle.departments", MetricValue.count(2)), // B1: D1 (M1, M2) and D2 (M3)
                Map.entry("bundle.itemGroups", MetricValue.count(2)), // M1 and M3 share their basic code
                Map.entry("enterprise.materialReductionPct", pct("33.3", 1)), // B2: 1 + 2 required → 2 merged
                Map.entry("enterprise.timeReductionPct", pct("80.0", 1)))); // B2: 3 + 2 days → target 1
        checkRecords(june);

        // the county and the zone: M5 and M7 (0.0 % each) join the means; B3 joins B2 (0.0 % and 20.0 %)
        MetricQuery both = query(2030, 4, 1, 2030, 6, 30, null, county, zone);
        expect(both, Map.ofEntries(
                Map.entry("reform.materialReductionPct", pct("15.3", 6)), // 91.7 / 6
                Map.entry("reform.timeLimitReductionPct", pct("13.3", 6)), // 80 / 6
                Map.entry("matter.competences.total", MetricValue.count(5)), // the zone's are of zone competence
                Map.entry("matter.transferred", MetricValue.count(2)),
                Map.entry("matter.delegatedToZone", MetricValue.count(1)),
                Map.entry("permitReform.listItems", MetricValue.count(3)),
                Map.entry("commitment.matters", MetricValue.count(3)),
                Map.entry("commitment.proofItems", MetricValue.count(3)),
                Map.entry("commitment.departments", MetricValue.count(2)),
                Map.entry("online.noVisitMatters", MetricValue.count(3)),
                Map.entry("online.certificateFreeMatters", MetricValue.count(2)),
                Map.entry("online.bundleMatters", MetricValue.count(2)),
                Map.entry("online.crossProvinceMatters", MetricValue.count(2)),
                Map.entry("cityWide.matters", MetricValue.count(2)),
                Map.entry("bundle.departments", MetricValue.count(2)),
                Map.entry("bundle.itemGroups", MetricValue.count(2)),
                Map.entry("enterprise.materialReductionPct", pct("16.7", 2)), // (33.3 + 0.0) / 2 = 16.65
                Map.entry("enterprise.timeReductionPct", pct("50.0", 2)))); // (80.0 + 20.0) / 2

        // one department of the county: D1 has M1, M2 and M6
        MetricQuery department = query(2030, 4, 1, 2030, 6, 30, d1, county);
        expect(department, Map.ofEntries(
                Map.entry("reform.materialReductionPct", pct("30.6", 3)), // 91.7 / 3
                Map.entry("reform.timeLimitReductionPct", pct("26.7", 3)), // 80 / 3
                Map.entry("matter.competences.total", MetricValue.count(3)),
                Map.entry("matter.transferred", MetricValue.count(1)),
                Map.entry("matter.delegatedToZone", MetricValue.count(0)),
                Map.entry("permitReform.listItems", MetricValue.count(2)),
                Map.entry("commitment.matters", MetricValue.count(2)),
                Map.entry("commitment.proofItems", MetricValue.count(2)),
                Map.entry("online.noVisitMatters", MetricValue.count(3)),
                Map.entry("online.certificateFreeMatters", MetricValue.count(2)),
                Map.entry("online.bundleMatters", MetricValue.count(1)),
                Map.entry("online.crossProvinceMatters", MetricValue.count(1)),
                Map.entry("cityWide.matters", MetricValue.count(1))));
        assertThatThrownBy(() -> metrics.compute(List.of("bundle.departments"), department))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.compute(List.of("commitment.departments"), department))
                .isInstanceOf(IllegalArgumentException.class);

        // the end of the year: B1 was withdrawn in September, B2 is still published
        MetricQuery year = query(2030, 1, 1, 2030, 12, 31, null, county);
        expect(year, Map.of("bundle.departments", MetricValue.count(0), "bundle.itemGroups", MetricValue.count(0),
                "enterprise.materialReductionPct", pct("33.3", 1), "reform.materialReductionPct", pct("22.9", 4)));

        // the whole city at once gives what every region one by one gives
        Set<Long> city = Set.copyOf(regions.all().stream().map(RegionView::id).toList());
        MetricQuery listed = new MetricQuery(LocalDate.of(2030, 6, 30), LocalDate.of(2030, 6, 30), city, false, null,
                null, null);
        assertThat(metrics.compute(ids(), new MetricQuery(listed.from(), listed.to(), city, true, null, null, null)))
                .isEqualTo(metrics.compute(ids(), listed));
    }

    @Test
    void beforeTheBundlesPublicationRecordBeganTheBundleFiguresHaveNoValueAndSayFromWhen() {
        build();
        SecurityContextHolder.clearContext();
        MetricQuery june = query(2030, 4, 1, 2030, 6, 30, null, county);
        Map<String, MetricValue> known = metrics.compute(ids(), june);
        // an installation whose bundles existed before V72: the record began on 1 July 2030 (V80's row)
        jdbc.sql("insert into oneseal.bundle_history_start (started_at) values (?)")
                .param(Timestamp.from(LocalDate.of(2030, 7, 1).atTime(9, 0).atZone(MetricQuery.ZONE).toInstant()))
                .update();
        try {
            Map<String, MetricValue> june30 = all(june);
            MetricValue none = MetricValue.missing(MatterMetrics.NO_BUNDLE_HISTORY, 0, "2030-07-01");
            for (String id : List.of("bundle.departments", "bundle.itemGroups", "enterprise.materialReductionPct",
                    "enterprise.timeReductionPct")) {
                assertThat(june30.get(id)).as(id).isEqualTo(none);
                assertThat(rows(id, june)).as(id).isEmpty();
            }
            // the matters' figures are not touched; which of them were in a published bundle then is not known
            known.keySet().stream().filter(id -> !id.startsWith("bundle.") && !id.startsWith("enterprise."))
                    .forEach(id -> assertThat(june30.get(id)).as(id).isEqualTo(known.get(id)));
            assertThat(rows("online.bundleMatters", june)).extracting(r -> r.get(7)).containsExactly((Object) null);
            assertThat(messages.getMessage(none.reasonKey(), none.reasonArgs().toArray(), Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo("一件事的发布记录从2030-07-01开始，之前的数据无法给出");
            assertThat(messages.getMessage(none.reasonKey(), none.reasonArgs().toArray(), Locale.ENGLISH))
                    .contains("2030-07-01");
            // from the day the record began the bundles are known again: B1 was withdrawn in September, B2 stands
            MetricQuery year = query(2030, 1, 1, 2030, 12, 31, null, county);
            expect(year, Map.of("bundle.departments", MetricValue.count(0),
                    "enterprise.materialReductionPct", pct("33.3", 1)));
        } finally {
            jdbc.sql("delete from oneseal.bundle_history_start").update();
        }
        assertThat(metrics.compute(ids(), june)).isEqualTo(known);
    }

    @Test
    void everyFigureIsAStockFigureOfTheMatterModuleAndOnlyMattersBreakDownByDepartment() {
        assertThat(metrics.definitions()).extracting(MetricDefinition::id).containsExactlyInAnyOrder(
                "reform.materialReductionPct", "reform.timeLimitReductionPct", "matter.competences.total",
                "matter.transferred", "matter.delegatedToZone", "bundle.departments", "bundle.itemGroups",
                "enterprise.materialReductionPct", "enterprise.timeReductionPct", "permitReform.listItems",
                "commitment.departments", "commitment.matters", "commitment.proofItems", "online.noVisitMatters",
                "online.certificateFreeMatters", "online.bundleMatters", "online.crossProvinceMatters",
                "cityWide.matters");
        assertThat(metrics.definitions()).allMatch(d -> d.kind() == MetricKind.STOCK && d.regional()
                && d.module().equals("matter") && d.growthOf() == null);
        assertThat(metrics.definitions()).filteredOn(d -> d.dimensions().isEmpty()).extracting(MetricDefinition::id)
                .containsExactlyInAnyOrder("bundle.departments", "bundle.itemGroups", "enterprise.materialReductionPct",
                        "enterprise.timeReductionPct", "commitment.departments");
    }

    /** The records of the county in June, cell by cell (in Chinese), and paged. */
    private void checkRecords(MetricQuery june) {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        String c = "统计口径测试县";
        // by implementation code: M1, M3, M2, (M4 had no material to reduce), M6
        assertThat(rows("reform.materialReductionPct", june)).containsExactly(
                List.of("STATA", "STATA-1", "统计口径甲", "统计口径市场监管局", c, 1, 2, 4, 3, new BigDecimal("25.0")),
                List.of("STATA", "STATA-3", "统计口径丙", "统计口径住建局", c, 1, 1, 1, 1, new BigDecimal("0.0")),
                List.of("STATB", "STATB-1", "统计口径乙", "统计口径市场监管局", c, 1, 2, 3, 1, new BigDecimal("66.7")),
                List.of("STATF", "STATF-6", "统计口径己", "统计口径市场监管局", c, 1, 1, 2, 2, new BigDecimal("0.0")));
        assertThat(rows("commitment.proofItems", june)).extracting(r -> r.get(1) + " " + r.get(5))
                .containsExactly("STATA-1 " + LICENCE, "STATA-3 " + APPLICATION, "STATB-1 " + APPLICATION);
        assertThat(rows("commitment.departments", june)).containsExactly(List.of("统计口径市场监管局", 2, 2),
                List.of("统计口径住建局", 1, 1));
        assertThat(rows("bundle.itemGroups", june)).containsExactly(
                List.of("STATA", "统计口径甲", "统计口径市场监管局、统计口径住建局", "统计口径开餐馆一件事"),
                List.of("STATB", "统计口径乙", "统计口径市场监管局", "统计口径开餐馆一件事"));
        assertThat(rows("enterprise.timeReductionPct", june)).containsExactly(List.of("YJS-QYKB-STAT",
                "统计口径企业开办一件事", c, 2, 5, 1, 1, new BigDecimal("80.0")));
        assertThat(rows("online.bundleMatters", june)).extracting(r -> r.get(7)).containsExactly(true);
        assertThat(rows("matter.competences.total", june)).extracting(r -> r.get(5) + "/" + r.get(6))
                .containsExactly("县级/行政许可", "县级/行政许可", "市级/行政确认", "县级/公共服务", "县级/行政许可");
        List<List<Object>> page = new ArrayList<>();
        metrics.records("matter.competences.total", june, 1, 2, page::add);
        assertThat(page).extracting(r -> r.get(1)).containsExactly("STATA-3", "STATB-1");
        assertThat(metrics.recordColumns("reform.materialReductionPct")).hasSize(10)
                .allMatch(k -> k.startsWith("matter.metric.column."));
    }

    // ------------------------------------------------------------------------------------------------ checks

    private void expect(MetricQuery query, Map<String, MetricValue> expected) {
        Map<String, MetricValue> values = metrics.compute(expected.keySet(), query);
        assertThat(values).as("figures of %s", query).isEqualTo(expected);
        values.forEach((id, v) -> assertThat(rows(id, query)).as("records of %s", id).hasSize((int) v.records()));
    }

    private Map<String, MetricValue> all(MetricQuery query) {
        Map<String, MetricValue> values = metrics.compute(ids(), query);
        assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(ids());
        values.forEach((id, v) -> assertThat(rows(id, query)).as("records of %s", id).hasSize((int) v.records()));
        return values;
    }

    private List<String> ids() {
        return metrics.definitions().stream().map(MetricDefinition::id).toList();
    }

    private List<List<Object>> rows(String id, MetricQuery query) {
        List<List<Object>> rows = new ArrayList<>();
        metrics.records(id, query, 0, Integer.MAX_VALUE, rows::add);
        rows.forEach(r -> assertThat(r).hasSameSizeAs(metrics.recordColumns(id)));
        return rows;
    }

    private static MetricValue pct(String value, long records) {
        return MetricValue.amount(new BigDecimal(value), records);
    }

    private static MetricQuery query(int y1, int m1, int d1, int y2, int m2, int d2, Long department, Long... regions) {
        return new MetricQuery(LocalDate.of(y1, m1, d1), LocalDate.of(y2, m2, d2), Set.of(regions), false, department,
                null, null);
    }

    // ------------------------------------------------------------------------------------------------ the catalogue

    private void build() {
        MatterTestSupport.signIn(users, "admin");
        if (built) {
            return;
        }
        built = true;
        scope = currentUser.scope();
        long root = jdbc.sql("select id from oneseal.region where parent_id is null").query(Long.class).single();
        county = region(root, "990161", "统计口径测试县", "COUNTY");
        zone = region(root, "990162", "统计口径测试高新区", "DEVELOPMENT_ZONE");
        d1 = unit(county, "STAT-SCJG", "统计口径市场监管局");
        d2 = unit(county, "STAT-ZJJ", "统计口径住建局");
        d3 = unit(zone, "STAT-GXSP", "统计口径高新区审批局");

        clock.travelTo(LocalDate.of(2030, 3, 2));
        long m1 = create("STATA", "STATA-1", county, e(d1, "统计口径甲", MatterType.LICENSING, CompetenceLevel.COUNTY,
                20, 10, 1, List.of(m(APPLICATION, true, false), m(LICENCE, true, true), m(SITE, true, false),
                        m(IDENTITY, true, false)), ReformMode.OPTIMISED, "cityWide", "crossProvince", "certificateFree"));
        long m2 = create("STATB", "STATB-1", county, e(d1, "统计口径乙", MatterType.CONFIRMATION, CompetenceLevel.CITY,
                10, 5, 0, List.of(m(APPLICATION, true, true), m(LICENCE, true, false), m(SITE, true, true)),
                ReformMode.COMMITMENT, "bundleMember", "transferred"));
        long m3 = create("STATA", "STATA-3", county, e(d2, "统计口径丙", MatterType.LICENSING, CompetenceLevel.COUNTY,
                1, 0, 1, List.of(m(APPLICATION, true, true), m(LICENCE, false, false)), null));
        create("STATD", "STATD-4", county, e(d2, "统计口径丁", MatterType.PUBLIC_SERVICE, CompetenceLevel.COUNTY, 8, 4,
                1, List.of(), null, "crossProvince", "delegated"));
        long m5 = create("STATE", "STATE-5", zone, e(d3, "统计口径戊", MatterType.LICENSING,
                CompetenceLevel.DEVELOPMENT_ZONE, 15, 8, 1, List.of(m(APPLICATION, true, false), m(LICENCE, true, false)),
                ReformMode.OPTIMISED, "cityWide", "delegated", "bundleMember"));
        long m7 = create("STATG", "STATG-7", zone, e(d3, "统计口径庚", MatterType.LICENSING,
                CompetenceLevel.DEVELOPMENT_ZONE, 5, 2, 1, List.of(m(IDENTITY, true, false)), null, "transferred"));

        clock.travelTo(LocalDate.of(2030, 6, 2));
        revise(m1, e(d1, "统计口径甲", MatterType.LICENSING, CompetenceLevel.COUNTY, 20, 6, 0,
                List.of(m(APPLICATION, true, false), m(LICENCE, true, true), m(SITE, true, false)), ReformMode.OPTIMISED,
                "cityWide", "crossProvince", "certificateFree"));
        revise(m2, e(d1, "统计口径乙", MatterType.CONFIRMATION, CompetenceLevel.CITY, 10, 3, 0,
                List.of(m(APPLICATION, true, true), m(LICENCE, false, false)), ReformMode.COMMITMENT, "bundleMember",
                "transferred"));
        long m6 = create("STATF", "STATF-6", county, e(d1, "统计口径己", MatterType.LICENSING, CompetenceLevel.COUNTY,
                5, 2, 0, List.of(m(APPLICATION, true, false), m(LICENCE, true, false)), null, "certificateFree"));
        long b1 = bundle("YJS-STAT-KCG", "统计口径开餐馆一件事", county, 4, new BundleCommand.Member(m1, true),
                new BundleCommand.Member(m2, false), new BundleCommand.Member(m3, false));
        bundle("YJS-QYKB-STAT", "统计口径企业开办一件事", county, 1, new BundleCommand.Member(m2, false),
                new BundleCommand.Member(m6, false));
        bundle("YJS-QYKB-STATZ", "统计口径高新区企业开办一件事", zone, null, new BundleCommand.Member(m5, false),
                new BundleCommand.Member(m7, false));

        clock.travelTo(LocalDate.of(2030, 9, 1));
        bundles.publish(scope, b1, false);
    }

    private long region(long root, String code, String name, String level) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into oneseal.region (code, name, level, parent_id, sort_order, created_at, updated_at)
                values (?, ?, ?, ?, 90, ?, ?) on conflict (code) do nothing""")
                .params(code, name, level, root, now, now).update();
        return MatterTestSupport.regionId(jdbc, code);
    }

    private long unit(long region, String code, String name) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into oneseal.org_unit (region_id, kind, code, name, sort_order, active, created_at, updated_at)
                values (?, 'STATIONED_DEPARTMENT', ?, ?, 90, true, ?, ?) on conflict (code) do nothing""")
                .params(region, code, name, now, now).update();
        return MatterTestSupport.unitId(jdbc, code);
    }

    private long create(String code, String implementation, long region, MatterElements elements) {
        long id = admin.create(scope, new NewMatter(code, implementation, region, elements));
        admin.publish(scope, admin.detail(scope, id).draftVersionId());
        return id;
    }

    private void revise(long matterId, MatterElements elements) {
        long draft = admin.newVersion(scope, matterId);
        admin.updateDraft(scope, draft, elements);
        admin.publish(scope, draft);
    }

    private long bundle(String code, String name, long region, Integer target, BundleCommand.Member... members) {
        long id = bundles.create(scope, new BundleCommand(code, name, "统计口径测试用一件事", region, target,
                List.of(members)));
        bundles.publish(scope, id, true);
        return id;
    }

    private static MatterElements.Material m(String name, boolean required, boolean commitment) {
        String code = "M" + (List.of(APPLICATION, LICENCE, SITE, IDENTITY).indexOf(name) + 1);
        return new MatterElements.Material(code, name, required, false, true, true, false, commitment, 1, null, null,
                null);
    }

    /** Valid elements; flags by name (cityWide, crossProvince, certificateFree, bundleMember, transferred, delegated). */
    private static MatterElements e(long department, String name, MatterType type, CompetenceLevel competence,
            int legal, int promised, int visits, List<MatterElements.Material> materials, ReformMode mode,
            String... flags) {
        Set<String> f = Set.of(flags);
        return new MatterElements(name, type, department, null, "统计口径测试审批局", competence,
                f.contains("transferred"), f.contains("delegated"), "《测试条例》第一条", ServiceObject.ENTERPRISE,
                List.of(HandlingForm.WINDOW, HandlingForm.ONLINE),
                promised == 0 ? HandlingKind.IMMEDIATE : HandlingKind.PROMISED, legal, promised, visits, List.of(), true,
                null, null, "测试用受理条件", materials, "申请 → 受理 → 决定", List.of(), "按时办结", "0999-1", "0999-2", true,
                f.contains("certificateFree"), f.contains("cityWide"), f.contains("crossProvince"),
                f.contains("bundleMember"), mode, mode == null ? null : "2021年全国版",
                mode == null ? null : "国发〔2021〕7号", null, null, null, List.of(), List.of("统计口径"), null, null);
    }
}

package org.oneseal.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricQuery;
import org.oneseal.shared.metrics.MetricValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The 授权提取 figures on known pulls of March 2031 (no other test uses 2031) by windows of two counties of their own
 * and of the city: distinct issuing departments, matters and licence kinds, each with as many records as it counts.
 */
@IntegrationTest
class LicenceMetricsTests {

    static final LocalDate FIRST = LocalDate.of(2031, 3, 1);
    static final LocalDate LAST = LocalDate.of(2031, 3, 31);
    static final List<String> IDS = List.of("license.grantDepartments", "license.grantMatters",
            "license.grantLicenseKinds");

    @Autowired LicenceMetrics metrics;
    @Autowired Licensing licensing;
    @Autowired JdbcClient jdbc;
    @Autowired MessageSource messages;

    long countyA;
    long countyB;
    long root;
    long holder;

    @BeforeEach
    void knownPulls() {
        root = jdbc.sql("select id from oneseal.region where parent_id is null").query(Long.class).single();
        countyA = region("LC2031A", "证照统计测试甲县");
        countyB = region("LC2031B", "证照统计测试乙县");
        // a holder of its own: the demo citizen's licence and grant lists are read by other tests (the newest first)
        jdbc.sql("""
                insert into oneseal.account (username, password_hash, kind, display_name, created_at)
                values ('lc_metrics_holder', 'x', 'PERSON', '证照统计测试持证人', now()) on conflict do nothing""").update();
        holder = jdbc.sql("select id from oneseal.account where username = 'lc_metrics_holder'").query(Long.class)
                .single();
        jdbc.sql("""
                delete from oneseal.licence_pull where pulled_at >= '2031-01-01' and pulled_at < '2032-01-01'""").update();
        String l1 = licence("营业执照", "LC-REG", "企业设立登记", "甲县市场监管局");
        String l2 = licence("营业执照", "LC-REG", "企业设立登记", "乙县市场监管局");
        String l3 = licence("食品经营许可证", "LC-FOOD", "食品经营许可", "甲县市场监管局");
        String l4 = licence("公共场所卫生许可证", "LC-HEALTH", "公共场所卫生许可", "甲县卫生健康局");
        pull(l1, countyA, LocalDateTime.of(2031, 3, 2, 9, 0));
        pull(l1, countyA, LocalDateTime.of(2031, 3, 20, 9, 0));
        pull(l3, countyA, LocalDateTime.of(2031, 3, 31, 23, 30));
        pull(l4, countyA, LocalDateTime.of(2031, 4, 1, 0, 5)); // April
        pull(l2, countyA, LocalDateTime.of(2031, 2, 28, 23, 59)); // February
        pull(l2, countyB, LocalDateTime.of(2031, 3, 10, 9, 0));
        pull(l4, countyB, LocalDateTime.of(2031, 3, 11, 9, 0));
        pull(l4, root, LocalDateTime.of(2031, 3, 12, 9, 0));
    }

    @Test
    void oneCountyCountsOnlyThePullsOfItsWindowsInThePeriod() {
        MetricQuery a = new MetricQuery(FIRST, LAST, Set.of(countyA), false, null, null, null);
        Map<String, MetricValue> v = metrics.compute(IDS, a);
        assertCount(v, "license.grantDepartments", 1); // 甲县市场监管局 (L1 twice, L3)
        assertCount(v, "license.grantMatters", 2); // LC-FOOD, LC-REG
        assertCount(v, "license.grantLicenseKinds", 2); // 营业执照, 食品经营许可证
        assertRecordsMatch(a, v);
        List<List<Object>> matters = records("license.grantMatters", a);
        assertThat(matters.get(0)).startsWith("LC-FOOD", "食品经营许可", 1L, 1L);
        assertThat(matters.get(1)).startsWith("LC-REG", "企业设立登记", 2L, 1L);
        assertThat(matters.get(1).get(4)).isEqualTo(LocalDateTime.of(2031, 3, 2, 9, 0).atZone(MetricQuery.ZONE).toInstant());
        assertThat(matters.get(1).get(5)).isEqualTo(LocalDateTime.of(2031, 3, 20, 9, 0).atZone(MetricQuery.ZONE).toInstant());
    }

    @Test
    void twoCountiesAndTheWholeCity() {
        MetricQuery both = new MetricQuery(FIRST, LAST, Set.of(countyA, countyB), false, null, null, null);
        Map<String, MetricValue> v = metrics.compute(IDS, both);
        assertCount(v, "license.grantDepartments", 3);
        assertCount(v, "license.grantMatters", 3);
        assertCount(v, "license.grantLicenseKinds", 3);
        assertRecordsMatch(both, v);
        assertThat(records("license.grantDepartments", both)).extracting(r -> r.get(0))
                .containsExactly("乙县市场监管局", "甲县卫生健康局", "甲县市场监管局"); // by name (code points)

        Set<Long> every = new java.util.HashSet<>(jdbc.sql("select id from oneseal.region").query(Long.class).list());
        assertThat(metrics.compute(IDS, new MetricQuery(FIRST, LAST, every, true, null, null, null)))
                .isEqualTo(metrics.compute(IDS, new MetricQuery(FIRST, LAST, every, false, null, null, null)));
    }

    @Test
    void everyFigureHasItsTextsInBothLanguages() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (MetricDefinition d : metrics.definitions()) {
                for (String key : List.of(d.nameKey(), d.definitionKey(), d.recordsKey())) {
                    assertThat(messages.getMessage(key, null, locale)).as(key).isNotBlank();
                }
                metrics.recordColumns(d.id()).forEach(k -> assertThat(messages.getMessage(k, null, locale)).isNotBlank());
            }
        }
        assertThat(metrics.definitions()).extracting(MetricDefinition::id).containsExactlyElementsOf(IDS);
    }

    private static void assertCount(Map<String, MetricValue> v, String id, long expected) {
        assertThat(v.get(id).value()).as(id).isEqualByComparingTo(BigDecimal.valueOf(expected));
        assertThat(v.get(id).records()).as(id).isEqualTo(expected);
    }

    private void assertRecordsMatch(MetricQuery q, Map<String, MetricValue> values) {
        values.forEach((id, value) -> {
            List<List<Object>> rows = records(id, q);
            assertThat(rows).as(id).hasSize((int) value.records());
            assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(metrics.recordColumns(id).size()));
        });
    }

    private List<List<Object>> records(String id, MetricQuery q) {
        List<List<Object>> rows = new ArrayList<>();
        metrics.records(id, q, 0, 1000, rows::add);
        return rows;
    }

    private long region(String code, String name) {
        jdbc.sql("""
                insert into oneseal.region (code, name, level, parent_id, sort_order, created_at, updated_at)
                values (:code, :name, 'COUNTY', :root, 91, now(), now()) on conflict (code) do nothing""")
                .param("code", code).param("name", name).param("root", root).update();
        return jdbc.sql("select id from oneseal.region where code = :code").param("code", code).query(Long.class).single();
    }

    private String licence(String kind, String matterCode, String matterName, String issuer) {
        TestLicences.signInAsLicenceManager();
        try {
            IssueLicence base = TestLicences.licence(LocalDate.of(2031, 1, 1), LocalDate.of(2035, 12, 31));
            return licensing.issue(new IssueLicence(base.caseId(), base.caseNumber(), kind, matterCode, matterName,
                    "张三", "11010519491231002X", issuer, countyA, base.validFrom(), base.validUntil(),
                    base.particulars())).licenceId();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void pull(String licenceId, long windowRegion, LocalDateTime at) {
        Timestamp when = Timestamp.from(at.atZone(MetricQuery.ZONE).toInstant());
        long grant = jdbc.sql("""
                insert into oneseal.licence_grant (licence_id, holder_account_id, window_unit_id, purpose, token, code,
                    valid_from, valid_until, created_at)
                values (:licence, :holder, 999999, '统计测试', :token, '20310301', :at, :until, :at) returning id""")
                .param("licence", licenceId).param("holder", holder)
                .param("token", UUID.randomUUID().toString().replace("-", "")).param("at", when)
                .param("until", Timestamp.from(when.toInstant().plusSeconds(3600))).query(Long.class).single();
        jdbc.sql("""
                insert into oneseal.licence_pull (grant_id, licence_id, window_unit_id, window_region_id, pulled_by,
                    pulled_at)
                values (:grant, :licence, 999999, :region, 'lc_window', :at)""")
                .param("grant", grant).param("licence", licenceId).param("region", windowRegion).param("at", when)
                .update();
    }
}

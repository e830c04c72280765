package org.oneseal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.oneseal.statistics.Area;
import org.oneseal.statistics.Figure;
import org.oneseal.statistics.FigureStatus;
import org.oneseal.statistics.Statistics;
import org.oneseal.statistics.StatisticsRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A small known year of cases (2034, which no other test uses) in two new counties and at the city level, checked
 * against figures worked out by hand: counts, the on-time rates, the average registration time, new market
 * entities and their year-on-year growth for a county, 全市 and 市本级 — and the county's annual report, which must
 * carry the county's figures only, each traced to as many records as its drill-down lists.
 */
@IntegrationTest
class KnownFiguresReportTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired Statistics statistics;
    @Autowired TestClock clock;

    private long countyA;
    private long countyB;
    private long root;

    @BeforeEach
    void knownYear() {
        clock.travelTo(LocalDate.of(2035, 1, 20));
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        root = jdbc.sql("select id from oneseal.region where level = 'CITY'").query(Long.class).single();
        countyA = county("T34A", "已知县");
        countyB = county("T34B", "对照县");
        jdbc.sql("delete from oneseal.case_file where case_number like 'K34-%'").update();
        // county A, 2034: two business licences granted (one late against its promise), one denial, one just received
        kase("K34-A1", countyA, at(2034, 3, 2, 9), d(2034, 3, 2), d(2034, 3, 5), d(2034, 3, 6), true, "营业执照",
                d(2034, 3, 6), d(2034, 3, 20), 3);
        kase("K34-A2", countyA, at(2034, 4, 1, 9), d(2034, 4, 1), d(2034, 4, 10), d(2034, 4, 10), true, "营业执照",
                d(2034, 4, 8), d(2034, 4, 20), 7);
        kase("K34-A3", countyA, at(2034, 5, 1, 9), d(2034, 5, 2), d(2034, 5, 3), d(2034, 5, 3), false, "食品经营许可证",
                d(2034, 5, 9), d(2034, 5, 30), 1);
        kase("K34-A5", countyA, at(2034, 12, 31, 23), null, null, null, null, null, null, null, null);
        // county A, 2033: one business licence, and one received a few minutes before the new year (Beijing time)
        kase("K34-A4", countyA, at(2033, 6, 1, 9), d(2033, 6, 1), d(2033, 6, 5), d(2033, 6, 5), true, "营业执照",
                d(2033, 6, 8), d(2033, 6, 20), 4);
        kase("K34-A6", countyA, LocalDateTime.of(2033, 12, 31, 23, 50), null, null, null, null, null, null, null, null);
        // 市本级, 2034: three business licences; county B, 2034: one
        for (int m : List.of(2, 7, 8)) {
            kase("K34-R" + m, root, at(2034, m, 1, 9), d(2034, m, 1), d(2034, m, 3), d(2034, m, 3), true, "营业执照",
                    d(2034, m, 5), d(2034, m, 20), 2);
        }
        kase("K34-B1", countyB, at(2034, 9, 1, 9), d(2034, 9, 1), d(2034, 9, 2), d(2034, 9, 2), true, "营业执照",
                d(2034, 9, 5), d(2034, 9, 20), 1);
    }

    @AfterEach
    void back() {
        // 2033–2035 have no published calendar: cases left behind would break the deadlines other tests' pages work out
        jdbc.sql("delete from oneseal.case_file where case_number like 'K34-%'").update();
        clock.reset();
        SecurityContextHolder.clearContext();
        org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void theFiguresOfAKnownYearAreTheOnesWorkedOutByHand() {
        signIn("leader");
        Map<String, Figure> a = figures(Area.region(countyA));
        assertThat(a.get("cases.submitted").value()).isEqualByComparingTo("4"); // A1, A2, A3 and A5 (23:00 on 31 Dec)
        assertThat(a.get("cases.concluded").value()).isEqualByComparingTo("3");
        assertThat(a.get("cases.granted").value()).isEqualByComparingTo("2");
        assertThat(a.get("cases.denied").value()).isEqualByComparingTo("1");
        // decided by the promised day: A1 (5 ≤ 6 March) and A3, not A2 (10 > 8 April): 2 of 3
        assertThat(a.get("cases.onTimeRate").value()).isEqualByComparingTo("66.7");
        assertThat(a.get("cases.onTimeRate").numerator()).isEqualTo(2L);
        assertThat(a.get("cases.onTimeRate").denominator()).isEqualTo(3L);
        assertThat(a.get("cases.legalOnTimeRate").value()).isEqualByComparingTo("100.0");
        assertThat(a.get("enterprise.registrationWorkdays").value()).isEqualByComparingTo("5.0"); // (3 + 7) / 2
        assertThat(a.get("marketEntities.new").value()).isEqualByComparingTo("2");
        // 2 against 1 a year earlier: +100 %
        assertThat(a.get("marketEntities.yoyGrowthPct").value()).isEqualByComparingTo("100.0");
        assertThat(a.get("marketEntities.yoyGrowthPct").previous()).isEqualByComparingTo("1");

        Map<String, Figure> all = figures(Area.ALL);
        assertThat(all.get("marketEntities.new").value()).isEqualByComparingTo("6"); // 2 + 3 + 1
        assertThat(all.get("marketEntities.yoyGrowthPct").value()).isEqualByComparingTo("500.0"); // 6 against 1

        Map<String, Figure> city = figures(Area.CITY_LEVEL);
        assertThat(city.get("marketEntities.new").value()).isEqualByComparingTo("3");
        Figure growth = city.get("marketEntities.yoyGrowthPct");
        assertThat(growth.status()).isEqualTo(FigureStatus.NO_VALUE); // nothing a year earlier: no rate, not 0
        assertThat(growth.value()).isNull();
        assertThat(growth.reason()).contains("上年同期为0");

        for (Map<String, Figure> area : List.of(a, all, city)) {
            for (Figure f : area.values()) {
                Area which = area == a ? Area.region(countyA) : area == all ? Area.ALL : Area.CITY_LEVEL;
                assertThat(statistics.records(f.id(), request(which), 0, 1).total()).as(f.id()).isEqualTo(f.records());
            }
        }
    }

    @Test
    void aCountysAnnualReportCarriesTheCountysFiguresOnlyEachTracedToItsRecords() throws Exception {
        byte[] docx = mvc.perform(get("/api/v1/reports/annual?year=2034&area=" + countyA + "&format=docx")
                        .with(user(users.loadUserByUsername("leader"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = ReportFiles.allText(docx);
        assertThat(text).contains("已知县").contains("新增市场主体2户，比上年同期增长100.0%").doesNotContain("${");
        Map<String, ReportFiles.Source> sources = ReportFiles.appendix(docx).stream()
                .collect(Collectors.toMap(ReportFiles.Source::id, Function.identity(), (x, y) -> x));
        assertThat(sources.get("marketEntities.new").recordCount()).isEqualTo(2);
        assertThat(sources.get("marketEntities.new").scope()).isEqualTo("已知县");
        assertThat(sources.get("marketEntities.new").period()).contains("2034");
        signIn("leader");
        for (ReportFiles.Source s : sources.values()) {
            if (s.recordCount() >= 0) {
                assertThat(s.recordCount()).as(s.id())
                        .isEqualTo(statistics.records(s.id(), request(Area.region(countyA)), 0, 1).total());
            }
        }
    }

    private Map<String, Figure> figures(Area area) {
        List<String> ids = List.of("cases.submitted", "cases.concluded", "cases.granted", "cases.denied",
                "cases.onTimeRate", "cases.legalOnTimeRate", "enterprise.registrationWorkdays", "marketEntities.new",
                "marketEntities.yoyGrowthPct");
        return statistics.figures(ids, request(area)).stream()
                .collect(Collectors.toMap(Figure::id, Function.identity()));
    }

    private static StatisticsRequest request(Area area) {
        return new StatisticsRequest(LocalDate.of(2034, 1, 1), LocalDate.of(2034, 12, 31), area, null);
    }

    private void signIn(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private long county(String code, String name) {
        jdbc.sql("""
                insert into oneseal.region (code, name, level, parent_id, sort_order, active, created_at, updated_at)
                select :code, :name, 'COUNTY', id, 90, true, now(), now() from oneseal.region where level = 'CITY'
                on conflict (code) do nothing""").param("code", code).param("name", name).update();
        return jdbc.sql("select id from oneseal.region where code = ?").param(code).query(Long.class).single();
    }

    private static LocalDateTime at(int y, int m, int day, int hour) {
        return LocalDateTime.of(y, m, day, hour, 0);
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    /** A case as the workflow leaves it (the roll-up follows by trigger). */
    private void kase(String number, long region, LocalDateTime submitted, LocalDate accepted, LocalDate decided,
            LocalDate concluded, Boolean granted, String licenceKind, LocalDate promisedDue, LocalDate legalDue,
            Integer workedDays) {
        var matter = jdbc.sql("select matter_id, id, department_id from oneseal.matter_version where state = 'PUBLISHED'"
                + " order by id limit 1").query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        String status = concluded == null ? "SUBMITTED" : "DELIVERED";
        jdbc.sql("""
                insert into oneseal.case_file (case_number, matter_id, matter_version_id, matter_name, region_id,
                    department_id, applicant_kind, applicant_name, applicant_identifier, channel, status, submitted_at,
                    accepted_on, promised_days, legal_days, promised_due, legal_due, decided_on, concluded_on, granted,
                    licence_kind, service_object, worked_days)
                values (:number, :matter, :version, '已知事项', :region, :department, 'ENTERPRISE', '已知有限公司',
                    '91350100M000100Y43', 'WINDOW', :status, :submitted, :accepted, 5, 20, :promised, :legal, :decided,
                    :concluded, :granted, :licence, 'ENTERPRISE', :worked)""")
                .param("number", number).param("matter", matter[0]).param("version", matter[1])
                .param("region", region).param("department", matter[2]).param("status", status)
                .param("submitted", Timestamp.from(submitted.atZone(SHANGHAI).toInstant()))
                .param("accepted", accepted).param("promised", promisedDue).param("legal", legalDue)
                .param("decided", decided).param("concluded", concluded).param("granted", granted)
                .param("licence", licenceKind).param("worked", workedDays).update();
    }
}

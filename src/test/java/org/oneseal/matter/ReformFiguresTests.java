package org.oneseal.matter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.oneseal.identity.CurrentUser;
import org.oneseal.shared.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** 改革成效: reductions computed from the versions, as of a moment, with counts and the drill-down. */
@IntegrationTest
class ReformFiguresTests {

    @Autowired ReformFigures figures;
    @Autowired MatterAdministration admin;
    @Autowired CurrentUser currentUser;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired MockMvc mvc;

    DataScope scope;
    long market;
    long zone;

    @BeforeEach
    void signIn() {
        MatterTestSupport.signIn(users, "admin");
        scope = currentUser.scope();
        market = MatterTestSupport.unitId(jdbc, "GX-XZSPJ");
        zone = MatterTestSupport.regionId(jdbc, "990171");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        clock.reset();
    }

    @Test
    void aRevisionThatDropsAMaterialAndHalvesTheLimitCountsFromItsPublication() {
        Instant march10 = LocalDate.of(2026, 3, 10).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        ReformFigures.Summary before = figures.figures(scope, zone, march10);

        clock.travelTo(LocalDate.of(2026, 3, 2));
        long matterId = admin.create(scope, new NewMatter(MatterTestSupport.uniqueCode("RF"),
                MatterTestSupport.uniqueCode("RFI"), zone, MatterTestSupport.with(
                        MatterTestSupport.valid(market, "改革成效测试事项", 20, 10), 10,
                        MatterTestSupport.materials("申请书", "营业执照", "场地证明"), null)));
        admin.publish(scope, admin.detail(scope, matterId).draftVersionId());
        Instant afterFirst = clock.instant().plus(Duration.ofHours(1));
        clock.travelTo(LocalDate.of(2026, 3, 9));
        long v2 = admin.newVersion(scope, matterId);
        admin.updateDraft(scope, v2, MatterTestSupport.with(admin.version(scope, v2).elements(), 5,
                MatterTestSupport.materials("申请书", "营业执照"), null));
        admin.publish(scope, v2);
        Instant afterSecond = clock.instant().plus(Duration.ofHours(1));

        ReformFigures.MatterReform early = row(figures.figures(scope, zone, afterFirst), matterId);
        assertThat(early.currentVersion()).isEqualTo(1);
        assertThat(early.materialReductionPct()).isEqualByComparingTo("0.0");

        ReformFigures.Summary now = figures.figures(scope, zone, afterSecond);
        ReformFigures.MatterReform late = row(now, matterId);
        assertThat(late.firstVersion()).isEqualTo(1);
        assertThat(late.currentVersion()).isEqualTo(2);
        assertThat(late.materialsBefore()).isEqualTo(3);
        assertThat(late.materialsAfter()).isEqualTo(2);
        assertThat(late.materialReductionPct()).isEqualByComparingTo("33.3");
        assertThat(late.timeLimitReductionPct()).isEqualByComparingTo("50.0");
        // the mean is over every matter counted, recomputed here from the drill-down
        BigDecimal sum = now.matters().stream().map(ReformFigures.MatterReform::materialReductionPct)
                .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        long n = now.matters().stream().filter(m -> m.materialReductionPct() != null).count();
        assertThat(now.materialReductionPct()).isEqualByComparingTo(sum.divide(BigDecimal.valueOf(n), 1,
                java.math.RoundingMode.HALF_UP));
        assertThat(figures.figures(scope, zone, march10).matterCount()).isEqualTo(before.matterCount() + 1);
        assertThat(now.matters()).allMatch(m -> m.regionId() == zone);
    }

    @Test
    void theDemoCatalogueCountsEachKindOfMatterAndTheApiStaysInTheCallersScope() throws Exception {
        ReformFigures.Summary all = figures.figures(scope, null, clock.instant());
        List<ReformFigures.MatterReform> rows = all.matters();
        assertThat(all.noVisitMatters()).isEqualTo((int) rows.stream().filter(ReformFigures.MatterReform::noVisit).count())
                .isPositive();
        assertThat(all.crossProvinceMatters()).isPositive();
        assertThat(all.cityWideMatters()).isGreaterThanOrEqualTo(all.crossProvinceMatters() > 0 ? 1 : 0);
        assertThat(all.certificateFreeMatters()).isPositive();
        assertThat(all.bundleMatters()).isPositive();
        // the restaurant bundle asks fewer materials than its members one by one, in less time
        ReformFigures.BundleReform restaurant = all.bundles().stream().filter(b -> b.code().equals("YJS-KBCG"))
                .findFirst().orElseThrow();
        assertThat(restaurant.materialsAfter()).isLessThan(restaurant.materialsBefore());
        assertThat(restaurant.daysAfter()).isEqualTo(5).isLessThan(restaurant.daysBefore());
        assertThat(restaurant.materialReductionPct()).isPositive();
        // the demo's second versions shortened limits: some matter shows a cut
        assertThat(rows).anyMatch(m -> m.timeLimitReductionPct() != null
                && m.timeLimitReductionPct().compareTo(BigDecimal.ZERO) > 0);

        long nanxi = MatterTestSupport.regionId(jdbc, "990121");
        mvc.perform(get("/api/v1/reform-figures").with(user(users.loadUserByUsername("nanxi_admin"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matters[*].regionId", Matchers.everyItem(Matchers.is((int) nanxi))))
                .andExpect(jsonPath("$.materialReductionPct").exists());
        mvc.perform(get("/api/v1/reform-figures").param("asOf", "2026-02-30")
                        .with(user(users.loadUserByUsername("nanxi_admin"))))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/reform-figures").with(user(users.loadUserByUsername("zhangsan"))))
                .andExpect(status().isForbidden());
    }

    private static ReformFigures.MatterReform row(ReformFigures.Summary s, long matterId) {
        return s.matters().stream().filter(m -> m.matterId() == matterId).findFirst().orElseThrow();
    }
}

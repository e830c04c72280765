package org.oneseal.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.identity.OrganisationManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: six weeks of hall ratings of every window (QR codes and paper forms, a fixed pseudo-random
 * mix, mostly good), so that the figures, rankings and bulletins of a fresh demo have something to show; the bad
 * reviews among them open their rectifications like any other. Loaded once (a second start finds them).
 */
@Component
@ConditionalOnProperty(name = "oneseal.demo.enabled", havingValue = "true")
@Order(40)
class DemoRatings implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRatings.class);
    private static final int DAYS = 42;

    private final RatingStore store;
    private final Ratings ratings;
    private final OrganisationManagement organisation;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoRatings(RatingStore store, Ratings ratings, OrganisationManagement organisation, JdbcClient jdbc,
            TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.ratings = ratings;
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from oneseal.rating where source = 'demo')").query(Boolean.class).single()) {
            return;
        }
        List<OrgUnitView> windows = organisation.serviceWindows();
        Ratings.Scheme scheme = ratings.scheme();
        SplittableRandom random = new SplittableRandom(2026);
        Instant now = clock.instant();
        int[] count = {0};
        tx.executeWithoutResult(status -> {
            for (OrgUnitView w : windows) {
                for (int day = DAYS; day >= 1; day--) {
                    int n = random.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        int roll = random.nextInt(100);
                        int level = roll < 72 ? 5 : roll < 88 ? 4 : roll < 96 ? 3 : roll < 98 ? 2 : 1;
                        List<String> codes = List.copyOf(scheme.levels().get(level).reasons().keySet());
                        Set<String> reasons = Set.of(codes.get(random.nextInt(codes.size())));
                        boolean paper = random.nextInt(5) == 0;
                        Instant at = now.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(random.nextInt(420)));
                        store.store(new RatingStore.NewRating(scheme.version(), "WINDOW", String.valueOf(w.id()), null,
                                null, paper ? "PAPER" : "QR", true, level, reasons, null, null, null, null,
                                paper && level <= 2 ? "1380000" + (1000 + random.nextInt(9000)) : null, w.regionId(), null,
                                null, w.id(), null, "demo", null, null, null, null, at));
                        count[0]++;
                    }
                }
            }
        });
        log.info("Demo ratings loaded: {} ratings of {} windows over {} days before {}", count[0], windows.size(), DAYS,
                LocalDate.now(clock));
    }
}

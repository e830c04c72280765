package org.oneseal.hall;

import java.time.LocalTime;
import java.util.Set;
import java.util.stream.Collectors;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.identity.OrganisationManagement;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: the service hours of every hall — general windows in normal hours (09:00–12:00, 13:30–17:00),
 * extended hours after closing (17:00–19:00), staggered hours at lunch (12:00–13:30) and on weekend mornings — and the
 * city's talent window (人才服务专窗) open every day of the year. Loaded once.
 */
@Component
@ConditionalOnProperty(name = "oneseal.demo.enabled", havingValue = "true")
@Order(45)
class DemoHall implements ApplicationRunner {

    private final OrganisationManagement organisation;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    DemoHall(OrganisationManagement organisation, JdbcClient jdbc, TransactionTemplate tx) {
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from oneseal.hall_schedule)").query(Boolean.class).single()) {
            return;
        }
        var windows = organisation.serviceWindows();
        Set<Long> halls = windows.stream().map(OrgUnitView::parentId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        tx.executeWithoutResult(s -> {
            for (long hall : halls) {
                schedule(hall, "GENERAL", "NORMAL", "WORKING", "09:00", "12:00", 30, 4);
                schedule(hall, "GENERAL", "NORMAL", "WORKING", "13:30", "17:00", 30, 4);
                schedule(hall, "GENERAL", "EXTENDED", "WORKING", "17:00", "19:00", 30, 2);
                schedule(hall, "GENERAL", "STAGGERED", "WORKING", "12:00", "13:30", 30, 2);
                schedule(hall, "GENERAL", "STAGGERED", "WEEKEND", "09:00", "12:00", 30, 3);
            }
            windows.stream().filter(w -> w.code().endsWith("-RC")).forEach(w -> {
                jdbc.sql("insert into oneseal.hall_window_group (window_id, group_code) values (:w, 'TALENT')")
                        .param("w", w.id()).update();
                schedule(w.parentId(), "TALENT", "NORMAL", "WORKING", "09:00", "17:00", 60, 2);
                schedule(w.parentId(), "TALENT", "HOLIDAY", "NON_WORKING", "09:00", "17:00", 60, 1);
            });
        });
    }

    private void schedule(long hall, String group, String kind, String days, String starts, String ends, int minutes,
            int capacity) {
        jdbc.sql("""
                insert into oneseal.hall_schedule (hall_id, group_code, kind, days, starts, ends, slot_minutes, capacity)
                values (:hall, :group, :kind, :days, :starts, :ends, :minutes, :capacity)""")
                .param("hall", hall).param("group", group).param("kind", kind).param("days", days)
                .param("starts", LocalTime.parse(starts)).param("ends", LocalTime.parse(ends)).param("minutes", minutes)
                .param("capacity", capacity).update();
    }
}

package org.oneseal.hall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The hall: slots from schedules and the calendar (a Saturday has its staggered hours), booking with its limits and
 * no overbooking under a race for the last places, tickets by appointment (called first) and walk-in, calls at one's
 * own window only, transfers, the display and the figures.
 */
@IntegrationTest
class HallTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;
    @Autowired Appointments appointments;
    @Autowired NoShows noShows;
    @Autowired AppointmentReminders reminders;

    @AfterEach
    void back() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    private long cityHall() {
        return jdbc.sql("select id from oneseal.org_unit where code = 'SF-DT'").query(Long.class).single();
    }

    private long unit(String code) {
        return jdbc.sql("select id from oneseal.org_unit where code = ?").param(code).query(Long.class).single();
    }

    private ResultActions postJson(String path, String username, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json).with(csrf())
                .with(user(users.loadUserByUsername(username))));
    }

    private long slot(long hall, LocalDate day, String kind, String starts) {
        return jdbc.sql("select id from oneseal.appointment_slot where hall_id = ? and day = ? and kind = ? and starts = ? and group_code = 'GENERAL'")
                .param(hall).param(day).param(kind).param(LocalTime.parse(starts)).query(Long.class).single();
    }

    private long audits(String action, String outcome) {
        return jdbc.sql("select count(*) from oneseal.audit_entry where action = ? and outcome = ?").param(action)
                .param(outcome).query(Long.class).single();
    }

    @Test
    void aSaturdayStaggeredAppointmentIsBookedTicketedCalledFirstAndServed() throws Exception {
        LocalDate friday = LocalDate.of(2026, 6, 12);
        LocalDate saturday = friday.plusDays(1);
        clock.travelTo(friday);
        long hall = cityHall();
        mvc.perform(get("/api/v1/public/halls/" + hall + "/slots?day=" + saturday)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.groupCode == 'GENERAL')].kind").value(Matchers.everyItem(Matchers.is("STAGGERED"))))
                .andExpect(jsonPath("$[?(@.groupCode == 'TALENT')].kind").value(Matchers.everyItem(Matchers.is("HOLIDAY"))))
                .andExpect(jsonPath("$[?(@.groupCode == 'GENERAL')].starts").value(Matchers.hasItem("10:30:00")));
        mvc.perform(get("/api/v1/public/halls/" + hall + "/slots?day=" + friday)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].kind").value(Matchers.hasItems("NORMAL", "EXTENDED", "STAGGERED")));
        long slot = slot(hall, saturday, "STAGGERED", "10:30");
        String booked = postJson("/api/v1/appointments", "zhangsan", "{\"slotId\":" + slot + "}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("BOOKED"))
                .andReturn().getResponse().getContentAsString();
        String code = booked.replaceAll(".*\"code\":\"([A-Z0-9]+)\".*", "$1");

        // bad bookings: the same slot again, a past slot
        postJson("/api/v1/appointments", "zhangsan", "{\"slotId\":" + slot + "}").andExpect(status().isUnprocessableEntity());
        long past = slot(hall, friday, "NORMAL", "09:00");
        long failures = audits("hall.appointment.book", "FAILURE");
        postJson("/api/v1/appointments", "zhangsan", "{\"slotId\":" + past + "}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.slotId", Matchers.containsString("已过")));
        assertThat(audits("hall.appointment.book", "FAILURE")).isEqualTo(failures + 1);

        // Saturday: walk-ins came earlier, the appointment is called first
        clock.travelTo(saturday);
        postJson("/api/v1/halls/" + hall + "/tickets", "window01", "{\"groupCode\":\"GENERAL\"}").andExpect(status().isCreated());
        postJson("/api/v1/halls/" + hall + "/tickets/by-appointment", "window01", "{\"code\":\"" + code + "\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.byAppointment").value(true));
        long window1 = unit("SF-CK01");
        String called = postJson("/api/v1/windows/" + window1 + "/call-next", "window01", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.byAppointment").value(true)).andExpect(jsonPath("$.state").value("CALLED"))
                .andReturn().getResponse().getContentAsString();
        long ticket = Long.parseLong(called.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
        mvc.perform(get("/api/v1/public/halls/" + hall + "/display")).andExpect(status().isOk())
                .andExpect(jsonPath("$.called[0].windowName").value("综合受理1号窗口"));
        postJson("/api/v1/windows/" + window1 + "/tickets/" + ticket + "/finish", "window01", "{\"served\":true}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DONE"));
        assertThat(jdbc.sql("select state from oneseal.appointment where code = ?").param(code).query(String.class)
                .single()).isEqualTo("SERVED");
        // a window of another hall (another county's): never, and the attempt is recorded
        long nanxiWindow = unit("NX-CK01");
        long denied = audits("hall.queue.call", "DENIED");
        postJson("/api/v1/windows/" + nanxiWindow + "/call-next", "window01", "{}").andExpect(status().isNotFound());
        assertThat(audits("hall.queue.call", "DENIED")).isEqualTo(denied + 1);
        // the walk-in next, then transferred to the talent window's group
        String walkIn = postJson("/api/v1/windows/" + window1 + "/call-next", "window01", "{}").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        long walkInId = Long.parseLong(walkIn.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
        postJson("/api/v1/windows/" + window1 + "/tickets/" + walkInId + "/transfer", "window01", "{\"groupCode\":\"TALENT\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.groupCode").value("TALENT"))
                .andExpect(jsonPath("$.number").value(Matchers.startsWith("R")));
        postJson("/api/v1/windows/" + window1 + "/call-next", "window01", "{}").andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/hall-figures?from=" + saturday + "&to=" + saturday).with(user(users.loadUserByUsername("chief01"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.appointments.STAGGERED.SERVED").value(Matchers.greaterThanOrEqualTo(1)));
    }

    @Test
    void anApplicantHoldsAtMostTwoAppointmentsAndAFullSlotIsFull() throws Exception {
        LocalDate monday = LocalDate.of(2026, 6, 22);
        clock.travelTo(monday);
        long hall = cityHall();
        LocalDate tuesday = monday.plusDays(1);
        mvc.perform(get("/api/v1/public/halls/" + hall + "/slots?day=" + tuesday)).andExpect(status().isOk());
        postJson("/api/v1/appointments", "shifan_food", "{\"slotId\":" + slot(hall, tuesday, "NORMAL", "09:00") + "}")
                .andExpect(status().isCreated());
        postJson("/api/v1/appointments", "shifan_food", "{\"slotId\":" + slot(hall, tuesday, "EXTENDED", "17:00") + "}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.slot.kind").value("EXTENDED"));
        postJson("/api/v1/appointments", "shifan_food", "{\"slotId\":" + slot(hall, tuesday, "NORMAL", "10:00") + "}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.detail", Matchers.containsString("最多")));
        mvc.perform(get("/api/v1/public/halls/" + hall + "/slots?day=" + monday.plusDays(30))).andExpect(status().isBadRequest());
        // the evening before, each booking is reminded of once (an in-app message)
        clock.travelTo(monday);
        assertThat(reminders.remind()).isEqualTo(2);
        assertThat(reminders.remind()).isZero();
        long shifan = jdbc.sql("select id from oneseal.account where username = 'shifan_food'").query(Long.class).single();
        // the messages are written after the commit, one listener call each: wait for both
        java.util.function.LongSupplier reminded = () -> jdbc.sql("""
                select count(*) from oneseal.notification_message where account_id = ? and kind = 'APPOINTMENT_REMINDER'
                and body like ?""").param(shifan).param("%" + tuesday + "%").query(Long.class).single();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (reminded.getAsLong() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(reminded.getAsLong()).isEqualTo(2);
        // a full slot is full
        long full = slot(hall, tuesday, "STAGGERED", "12:00");
        jdbc.sql("update oneseal.appointment_slot set booked = capacity where id = ?").param(full).update();
        postJson("/api/v1/appointments", "zhangsan", "{\"slotId\":" + full + "}").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail", Matchers.containsString("约满")));
        // a cancellation frees its place once, however often it is sent
        String made = postJson("/api/v1/appointments", "zhangsan", "{\"slotId\":" + slot(hall, tuesday, "NORMAL", "11:00") + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(made.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
        int before = jdbc.sql("select booked from oneseal.appointment_slot where id = ?").param(slot(hall, tuesday, "NORMAL", "11:00"))
                .query(Integer.class).single();
        postJson("/api/v1/appointments/" + id + "/cancellation", "zhangsan", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CANCELLED"));
        postJson("/api/v1/appointments/" + id + "/cancellation", "zhangsan", "{}").andExpect(status().isUnprocessableEntity());
        assertThat(jdbc.sql("select booked from oneseal.appointment_slot where id = ?").param(slot(hall, tuesday, "NORMAL", "11:00"))
                .query(Integer.class).single()).isEqualTo(before - 1);
        // nobody came on Tuesday: both are no-shows once their slots are over
        clock.travelTo(tuesday.plusDays(1));
        noShows.mark();
        assertThat(jdbc.sql("""
                select count(*) from oneseal.appointment a join oneseal.account c on c.id = a.account_id
                join oneseal.appointment_slot s on s.id = a.slot_id
                where c.username = 'shifan_food' and s.day = ? and a.state = 'NO_SHOW'""").param(tuesday)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void threeHundredClientsRacingForTheLastPlacesNeverOverbook() throws Exception {
        LocalDate monday = LocalDate.of(2026, 6, 29);
        clock.travelTo(monday);
        long hall = cityHall();
        appointments.makeSlots(hall, monday.plusDays(2));
        long slot = slot(hall, monday.plusDays(2), "EXTENDED", "18:30");
        jdbc.sql("update oneseal.appointment_slot set booked = capacity - 2 where id = ?").param(slot).update(); // 2 left
        // 300 applicants (accounts of their own), booked by staff on the phone, all for the last two places
        for (int i = 0; i < 300; i++) {
            jdbc.sql("""
                    insert into oneseal.account (username, password_hash, kind, display_name, enabled, created_at, version)
                    values (?, '{noop}-', 'PERSON', ?, true, now(), 0) on conflict do nothing""")
                    .param("race" + i).param("抢号人" + i).update();
        }
        java.util.List<Long> accounts = jdbc.sql("select id from oneseal.account where username like 'race%' order by id")
                .query(Long.class).list();
        UserDetails staff = users.loadUserByUsername("window01");
        AtomicInteger won = new AtomicInteger();
        AtomicInteger full = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(30);
        for (int i = 0; i < 300; i++) {
            long account = accounts.get(i);
            pool.submit(() -> {
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
                try {
                    appointments.bookForApplicant(account, slot, null);
                    won.incrementAndGet();
                } catch (org.oneseal.shared.BusinessRuleViolation e) {
                    full.incrementAndGet();
                } finally {
                    SecurityContextHolder.clearContext();
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        assertThat(won.get()).isEqualTo(2);
        assertThat(full.get()).isEqualTo(298);
        assertThat(jdbc.sql("select booked = capacity from oneseal.appointment_slot where id = ?").param(slot)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from oneseal.appointment where slot_id = ? and state = 'BOOKED'").param(slot)
                .query(Long.class).single()).isEqualTo(2);
    }
}

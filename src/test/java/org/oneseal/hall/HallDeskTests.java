package org.oneseal.hall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The hall's desk work: ticket machines are enrolled devices (a phone or a script gets no ticket; each machine has
 * a per-minute limit; staff of another hall or region enrol and revoke nothing), staff book, change and cancel for an
 * applicant at the halls of their region only, and the evening reminder also goes out by SMS.
 */
@IntegrationTest
class HallDeskTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;
    @Autowired AppointmentReminders reminders;

    @AfterEach
    void back() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    private long hall(String windowCodePrefix) {
        return jdbc.sql("select parent_id from oneseal.org_unit where kind = 'WINDOW' and code like ? order by id limit 1")
                .param(windowCodePrefix + "%").query(Long.class).single();
    }

    private long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(Long.class).single();
    }

    private long audits(String action, String outcome) {
        return count("select count(*) from oneseal.audit_entry where action = ? and outcome = ?", action, outcome);
    }

    private ResultActions kiosk(long hall, Cookie device, String params) throws Exception {
        var request = post("/hall/" + hall + "/kiosk").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(params).with(csrf());
        return mvc.perform(device == null ? request : request.cookie(device));
    }

    private ResultActions postJson(String path, String username, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json).with(csrf())
                .with(user(users.loadUserByUsername(username))));
    }

    @Test
    void onlyEnrolledTicketMachinesIssueTicketsEachWithinItsLimit() throws Exception {
        clock.travelTo(LocalDate.of(2026, 7, 22));
        long city = hall("SF-");
        long nanxi = hall("NX-");
        LocalDate today = LocalDate.of(2026, 7, 22);
        String tickets = "select count(*) from oneseal.queue_ticket where hall_id = ? and day = ?";

        // a phone in the hall (no machine cookie, or a made-up one) gets no ticket; the attempt is audited
        long denied = audits("hall.kiosk.ticket", "DENIED");
        kiosk(city, null, "groupCode=GENERAL").andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("不是本大厅登记的取号机")));
        kiosk(city, new Cookie(Kiosks.COOKIE, "1.made-up"), "groupCode=GENERAL").andExpect(status().isForbidden());
        mvc.perform(get("/hall/" + city + "/kiosk")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"not-enrolled\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"walk-in-GENERAL\""))));
        assertThat(count(tickets, city, today)).isZero();
        assertThat(audits("hall.kiosk.ticket", "DENIED")).isEqualTo(denied + 1); // once a minute per address

        // staff of another region find no such hall; a chief (no desk work) may not enrol
        long enrolDenied = audits("hall.kiosk.enrol", "DENIED");
        mvc.perform(post("/workbench/hall/" + city + "/kiosks").param("name", "外县").with(csrf())
                .with(user(users.loadUserByUsername("nanxi_window")))).andExpect(status().isNotFound());
        assertThat(audits("hall.kiosk.enrol", "DENIED")).isEqualTo(enrolDenied + 1);
        mvc.perform(post("/workbench/hall/" + city + "/kiosks").param("name", "科长").with(csrf())
                .with(user(users.loadUserByUsername("chief01")))).andExpect(status().isForbidden());
        assertThat(count("select count(*) from oneseal.hall_kiosk where hall_id = ?", city)).isZero();

        // the hall's window staff enrol the machine: it receives its secret as a cookie of the ticket page only
        var enrolled = mvc.perform(post("/workbench/hall/" + city + "/kiosks").param("name", "西门测试取号机").with(csrf())
                .with(user(users.loadUserByUsername("window01")))).andExpect(status().is3xxRedirection()).andReturn();
        Cookie device = enrolled.getResponse().getCookie(Kiosks.COOKIE);
        mvc.perform(post("/workbench/hall/" + city + "/kiosks").param("name", "西门测试取号机").with(csrf())
                .with(user(users.loadUserByUsername("window01")))).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", Matchers.containsString("同名")));
        assertThat(device).isNotNull();
        assertThat(device.getPath()).isEqualTo("/hall/" + city + "/kiosk");
        assertThat(device.isHttpOnly()).isTrue();
        assertThat(enrolled.getResponse().getHeader("Set-Cookie")).contains("SameSite=Strict");
        assertThat(count("select count(*) from oneseal.hall_kiosk where token_hash = ?",
                device.getValue().substring(device.getValue().indexOf('.') + 1))).isZero(); // only its hash is kept

        kiosk(city, device, "groupCode=GENERAL").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"ticket-number\"")));
        assertThat(count("select count(*) from oneseal.queue_ticket where hall_id = ? and day = ? and kiosk_id is not null",
                city, today)).isEqualTo(1);
        // … at its own hall only
        kiosk(nanxi, device, "groupCode=GENERAL").andExpect(status().isForbidden());
        assertThat(count(tickets, nanxi, today)).isZero();

        // a stuck key: at most 20 tickets a minute per machine, then again the next minute
        for (int i = 1; i < 20; i++) {
            kiosk(city, device, "groupCode=GENERAL").andExpect(status().isOk());
        }
        kiosk(city, device, "groupCode=GENERAL").andExpect(status().isTooManyRequests())
                .andExpect(content().string(Matchers.containsString("取号过于频繁")));
        assertThat(count(tickets, city, today)).isEqualTo(20);
        clock.advance(Duration.ofSeconds(61));
        kiosk(city, device, "groupCode=GENERAL").andExpect(status().isOk());

        // the window page lists the machine; another region's staff cannot revoke it, the hall's staff can
        mvc.perform(get("/workbench/queue").with(user(users.loadUserByUsername("window01"))))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("西门测试取号机")));
        long id = Long.parseLong(device.getValue().substring(0, device.getValue().indexOf('.')));
        mvc.perform(post("/workbench/hall/kiosks/" + id + "/revocation").param("window", "0").with(csrf())
                .with(user(users.loadUserByUsername("nanxi_window")))).andExpect(status().isNotFound());
        assertThat(count("select count(*) from oneseal.hall_kiosk where id = ? and revoked_at is null", id)).isEqualTo(1);
        mvc.perform(post("/workbench/hall/kiosks/" + id + "/revocation").param("window", "0").with(csrf())
                .with(user(users.loadUserByUsername("window01")))).andExpect(status().is3xxRedirection());
        kiosk(city, device, "groupCode=GENERAL").andExpect(status().isForbidden());
        assertThat(count(tickets, city, today)).isEqualTo(21);
        assertThat(audits("hall.kiosk.revoke", "SUCCESS")).isPositive();

        // staff issue tickets over the API at the halls of their region only
        postJson("/api/v1/halls/" + city + "/tickets", "nanxi_window", "{\"groupCode\":\"GENERAL\"}")
                .andExpect(status().isNotFound());
        postJson("/api/v1/halls/" + city + "/tickets", "window01", "{\"groupCode\":\"GENERAL\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.number").value("A022"));
    }

    @Test
    void staffBookChangeAndCancelForAnApplicantAtTheHallsOfTheirRegionOnly() throws Exception {
        LocalDate monday = LocalDate.of(2026, 7, 27);
        clock.travelTo(monday);
        long city = hall("SF-");
        LocalDate wednesday = monday.plusDays(2);
        mvc.perform(get("/api/v1/public/halls/" + city + "/slots?day=" + wednesday)).andExpect(status().isOk());
        long zhangsan = count("select id from oneseal.account where username = 'zhangsan'");
        java.util.function.BiFunction<String, String, Long> slot = (kind, starts) -> jdbc.sql("""
                select id from oneseal.appointment_slot where hall_id = ? and day = ? and kind = ? and starts = ?
                and group_code = 'GENERAL'""").param(city).param(wednesday).param(kind).param(LocalTime.parse(starts))
                .query(Long.class).single();
        long nine = slot.apply("NORMAL", "09:00");
        long five = slot.apply("EXTENDED", "17:30");
        String booked = postJson("/api/v1/appointments/for-applicant", "window01",
                "{\"accountId\":" + zhangsan + ",\"slotId\":" + nine + "}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long first = Long.parseLong(booked.replaceAll("^\\{\"id\":(\\d+).*", "$1"));

        // staff of another region see nothing of it, change and cancel nothing (audited)
        long denied = audits("hall.appointment.cancel", "DENIED");
        postJson("/api/v1/appointments/" + first + "/cancellation/for-applicant", "nanxi_window", "{}")
                .andExpect(status().isNotFound());
        postJson("/api/v1/appointments/" + first + "/change/for-applicant", "nanxi_window", "{\"slotId\":" + five + "}")
                .andExpect(status().isNotFound());
        assertThat(audits("hall.appointment.cancel", "DENIED")).isEqualTo(denied + 1);
        mvc.perform(get("/api/v1/appointments/for-applicant?accountId=" + zhangsan)
                .with(user(users.loadUserByUsername("nanxi_window")))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + first + ")]").isEmpty());
        assertThat(count("select count(*) from oneseal.appointment where id = ? and state = 'BOOKED'", first)).isEqualTo(1);

        // the city's window moves it to the extended hours: the old place is free, the new one taken
        String moved = postJson("/api/v1/appointments/" + first + "/change/for-applicant", "window01",
                "{\"slotId\":" + five + "}").andExpect(status().isOk())
                .andExpect(jsonPath("$.slot.kind").value("EXTENDED")).andReturn().getResponse().getContentAsString();
        long second = Long.parseLong(moved.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
        assertThat(count("select booked from oneseal.appointment_slot where id = ?", nine)).isZero();
        assertThat(count("select booked from oneseal.appointment_slot where id = ?", five)).isEqualTo(1);
        assertThat(count("select count(*) from oneseal.appointment where id = ? and changed_from = ?", second, first))
                .isEqualTo(1);
        // the staff page finds the applicant by ID card number and lists it
        mvc.perform(get("/workbench/appointments").param("applicant", "11010519491231002X")
                .with(user(users.loadUserByUsername("window01")))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-code=\"" + moved.replaceAll(".*\"code\":\"([A-Z0-9]+)\".*", "$1") + "\"")));
        mvc.perform(get("/workbench/appointments").param("applicant", "110105194912310000")
                .with(user(users.loadUserByUsername("window01")))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("没有找到")));
        // a past slot cannot be the new one; nothing changes
        clock.travelTo(wednesday);
        clock.advance(Duration.ofHours(8)); // 18:00: the 17:30 slot has begun
        postJson("/api/v1/appointments/" + second + "/change/for-applicant", "window01", "{\"slotId\":" + nine + "}")
                .andExpect(status().isBadRequest());
        assertThat(count("select count(*) from oneseal.appointment where id = ? and state = 'BOOKED'", second)).isEqualTo(1);
        // and cancelled by the window on the applicant's word, once
        postJson("/api/v1/appointments/" + second + "/cancellation/for-applicant", "window01", "{}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CANCELLED"));
        postJson("/api/v1/appointments/" + second + "/cancellation/for-applicant", "window01", "{}")
                .andExpect(status().isUnprocessableEntity());
        assertThat(count("select booked from oneseal.appointment_slot where id = ?", five)).isZero();
    }

    @Test
    void theEveningReminderAlsoGoesOutBySms() throws Exception {
        ListAppender<ILoggingEvent> sms = new ListAppender<>();
        sms.start();
        Logger channel = (Logger) LoggerFactory.getLogger("org.oneseal.notification.SmsChannel");
        channel.addAppender(sms);
        try {
            LocalDate monday = LocalDate.of(2026, 8, 3);
            clock.travelTo(monday);
            long city = hall("SF-");
            LocalDate tuesday = monday.plusDays(1);
            mvc.perform(get("/api/v1/public/halls/" + city + "/slots?day=" + tuesday)).andExpect(status().isOk());
            long slot = jdbc.sql("""
                    select id from oneseal.appointment_slot where hall_id = ? and day = ? and kind = 'STAGGERED'
                    and starts = '12:30' and group_code = 'GENERAL'""").param(city).param(tuesday).query(Long.class).single();
            String made = postJson("/api/v1/appointments", "zhangsan", "{\"slotId\":" + slot + "}")
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            String code = made.replaceAll(".*\"code\":\"([A-Z0-9]+)\".*", "$1");
            assertThat(reminders.remind()).isPositive();
            long deadline = System.nanoTime() + 10_000_000_000L;
            java.util.function.Supplier<java.util.List<String>> lines = () -> {
                synchronized (sms) {
                    return sms.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(code)).toList();
                }
            };
            while (lines.get().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(lines.get()).hasSize(1);
            assertThat(lines.get().getFirst()).contains("138****8000").doesNotContain("13800138000");
            assertThat(reminders.remind()).isZero(); // once
            // leave zhangsan without a future booking (other tests book for him; the limit is two)
            long id = Long.parseLong(made.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
            postJson("/api/v1/appointments/" + id + "/cancellation", "zhangsan", "{}").andExpect(status().isOk());
        } finally {
            channel.detachAppender(sms);
        }
    }
}

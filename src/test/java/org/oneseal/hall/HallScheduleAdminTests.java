package org.oneseal.hall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.oneseal.identity.OrganisationManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The administration of a hall's service schedules and window groups: slots by the calendar, changes that keep the
 * bookings taken (capacity never below them; slots no longer made closed, not dropped) and remake the unbooked
 * slots, deactivation, every bad input refused on its field with nothing changed, another region's hall "not
 * found" (audited), no administration without {@code hall:configure}, and a window's group deciding its calls.
 *
 * <p>The tests work in the development zone's hall (GX-DT), which no other test uses, each with a group code and
 * dates of its own: schedules stay in the shared database and slots are made for every later look at a day.
 */
@IntegrationTest
class HallScheduleAdminTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;
    @Autowired HallQueue queue;
    @Autowired OrganisationManagement organisation;

    @AfterEach
    void back() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private long unit(String code) {
        return jdbc.sql("select id from oneseal.org_unit where code = ?").param(code).query(Long.class).single();
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String username, String json) throws Exception {
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        if (username != null) {
            request.with(user(users.loadUserByUsername(username)));
        }
        return mvc.perform(request.with(csrf()));
    }

    private static String schedule(String group, String kind, String days, String starts, String ends, Object minutes,
            Object capacity) {
        return """
                {"groupCode": %s, "kind": %s, "days": %s, "starts": %s, "ends": %s, "slotMinutes": %s, "capacity": %s}"""
                .formatted(q(group), q(kind), q(days), q(starts), q(ends), minutes, capacity);
    }

    private static String q(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private long create(long hall, String json) throws Exception {
        String body = send(post("/api/v1/halls/" + hall + "/schedules"), "admin", json).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** The slots of a group offered for a day (made on this first look), as the public API answers them. */
    private List<Map<String, Object>> slots(long hall, LocalDate day, String group) throws Exception {
        String body = mvc.perform(get("/api/v1/public/halls/" + hall + "/slots?day=" + day)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$[?(@.groupCode == '" + group + "')]");
    }

    private static long id(Map<String, Object> slot) {
        return ((Number) slot.get("id")).longValue();
    }

    private long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(Long.class).single();
    }

    private long schedules(long hall) {
        return count("select count(*) from oneseal.hall_schedule where hall_id = ?", hall);
    }

    private long audits(String action, String outcome) {
        return count("select count(*) from oneseal.audit_entry where action = ? and outcome = ?", action, outcome);
    }

    /** An applicant of this test's own (the demo applicants' limit of future appointments stays theirs). */
    private String applicant(String username) {
        jdbc.sql("""
                insert into oneseal.account (username, password_hash, kind, display_name, enabled, created_at, version)
                values (?, '{noop}-', 'PERSON', ?, true, now(), 0) on conflict do nothing""")
                .param(username).param("排班测试" + username).update();
        return username;
    }

    private long book(String username, long slot) throws Exception {
        String body = send(post("/api/v1/appointments"), applicant(username), "{\"slotId\":" + slot + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** A window staff member of the development zone's hall, at its general window GX-CK01. */
    private String zoneWindowStaff() {
        jdbc.sql("""
                insert into oneseal.account (username, password_hash, kind, display_name, region_id, org_unit_id, created_at)
                select 'gx_window_staff', '{noop}-', 'STAFF', '高新区窗口人员', region_id, id, now()
                from oneseal.org_unit where code = 'GX-CK01' on conflict do nothing""").update();
        jdbc.sql("""
                insert into oneseal.account_role (account_id, role) select id, 'WINDOW_STAFF' from oneseal.account
                where username = 'gx_window_staff' on conflict do nothing""").update();
        return "gx_window_staff";
    }

    private Map<String, Object> slotRow(long id) {
        return jdbc.sql("select capacity, booked, open from oneseal.appointment_slot where id = ?").param(id).query()
                .singleRow();
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void aNewScheduleOffersSlotsOnTheDaysTheCalendarServes() throws Exception {
        // Friday 18 September 2026: Sunday the 20th is a make-up working day, Friday the 25th is Mid-Autumn
        clock.travelTo(LocalDate.of(2026, 9, 18));
        long hall = unit("GX-DT");
        long created = audits("hall.schedule.create", "SUCCESS");
        long id = create(hall, schedule("ADM_A", "NORMAL", "WORKING", "09:00", "11:00", 30, 3));
        assertThat(audits("hall.schedule.create", "SUCCESS")).isEqualTo(created + 1);
        send(get("/api/v1/halls/" + hall + "/schedules"), "admin", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].groupCode").value(Matchers.contains("ADM_A")))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].starts").value(Matchers.contains("09:00:00")))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].active").value(Matchers.contains(true)));

        List<Map<String, Object>> sunday = slots(hall, LocalDate.of(2026, 9, 20), "ADM_A");
        assertThat(sunday).extracting(s -> s.get("starts")).containsExactly("09:00:00", "09:30:00", "10:00:00", "10:30:00");
        assertThat(sunday).extracting(s -> s.get("capacity")).containsOnly(3);
        assertThat(sunday).extracting(s -> s.get("kind")).containsOnly("NORMAL");
        assertThat(slots(hall, LocalDate.of(2026, 9, 24), "ADM_A")).hasSize(4); // a Thursday
        assertThat(slots(hall, LocalDate.of(2026, 9, 19), "ADM_A")).isEmpty(); // a Saturday
        assertThat(slots(hall, LocalDate.of(2026, 9, 25), "ADM_A")).isEmpty(); // Mid-Autumn Festival
        assertThat(queue.groups(hall)).contains("ADM_A");

        // a county's administrator: the halls of the county only, and their schedules
        long nanxiHall = unit("NX-DT");
        send(get("/api/v1/halls"), "nanxi_admin", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(Matchers.contains((int) nanxiHall)));
        send(get("/api/v1/halls/" + nanxiHall + "/schedules"), "nanxi_admin", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].groupCode").value(Matchers.hasItem("GENERAL")));
        // documented in the OpenAPI description
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/halls/{hallId}/schedules'].post.summary").value("新增服务时段"))
                .andExpect(jsonPath("$.paths['/api/v1/windows/{windowId}/group'].put.summary").value("设置窗口叫号分组"));
        // the page lists the schedule and the hall's windows with the group each calls
        send(get("/workbench/hall/schedules?hall=" + hall), "admin", null).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"schedule-" + id + "\"")))
                .andExpect(content().string(Matchers.containsString("id=\"window-" + unit("GX-CK01") + "\"")));
    }

    @Test
    void aChangeKeepsTheBookingsTakenAndRemakesTheUnbookedSlots() throws Exception {
        clock.travelTo(LocalDate.of(2026, 8, 3)); // a Monday
        long hall = unit("GX-DT");
        LocalDate wednesday = LocalDate.of(2026, 8, 5);
        long id = create(hall, schedule("ADM_B", "NORMAL", "WORKING", "09:00", "10:00", 30, 3));
        List<Map<String, Object>> made = slots(hall, wednesday, "ADM_B");
        assertThat(made).hasSize(2);
        long nine = id(made.get(0));
        long halfPast = id(made.get(1));
        long first = book("adm_b1", nine);
        long second = book("adm_b2", nine);
        long changes = audits("hall.schedule.change", "SUCCESS");

        // fewer places than already booked: the booked slot keeps both bookings (capacity = bookings, full)
        send(put("/api/v1/halls/" + hall + "/schedules/" + id), "admin",
                schedule("ADM_B", "NORMAL", "WORKING", "09:00", "10:00", 30, 1)).andExpect(status().isOk())
                .andExpect(jsonPath("$.schedule.capacity").value(1)).andExpect(jsonPath("$.slotsRemoved").value(1))
                .andExpect(jsonPath("$.slotsKeptOpen").value(1)).andExpect(jsonPath("$.slotsClosed").value(0));
        assertThat(slotRow(nine)).containsEntry("capacity", 2).containsEntry("booked", 2).containsEntry("open", true);
        assertThat(count("select count(*) from oneseal.appointment_slot where id = ?", halfPast)).isZero();
        List<Map<String, Object>> remade = slots(hall, wednesday, "ADM_B");
        assertThat(remade).extracting(s -> s.get("starts")).containsExactly("09:00:00", "09:30:00");
        assertThat(id(remade.get(0))).isEqualTo(nine);
        assertThat(id(remade.get(1))).isNotEqualTo(halfPast);
        assertThat(remade.get(1)).containsEntry("capacity", 1).containsEntry("booked", 0);
        assertThat(count("select count(*) from oneseal.appointment where id in (?, ?) and state = 'BOOKED'", first, second))
                .isEqualTo(2);

        // longer slots: the booked 09:00–09:30 slot is no longer made — kept for its bookings, closed to new ones
        send(put("/api/v1/halls/" + hall + "/schedules/" + id), "admin",
                schedule("ADM_B", "NORMAL", "WORKING", "09:00", "10:00", 60, 2)).andExpect(status().isOk())
                .andExpect(jsonPath("$.slotsRemoved").value(1)).andExpect(jsonPath("$.slotsClosed").value(1));
        assertThat(slotRow(nine)).containsEntry("booked", 2).containsEntry("open", false);
        List<Map<String, Object>> longer = slots(hall, wednesday, "ADM_B");
        assertThat(longer).hasSize(1);
        assertThat(longer.getFirst()).containsEntry("starts", "09:00:00").containsEntry("ends", "10:00:00")
                .containsEntry("capacity", 2);
        assertThat(id(longer.getFirst())).isNotEqualTo(nine);
        send(get("/api/v1/appointments/mine"), "adm_b1", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + first + ")].state").value(Matchers.contains("BOOKED")))
                .andExpect(jsonPath("$[?(@.id == " + first + ")].slot.ends").value(Matchers.contains("09:30:00")));
        send(post("/api/v1/appointments"), applicant("adm_b3"), "{\"slotId\":" + nine + "}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail", Matchers.containsString("停止接受预约")));
        assertThat(audits("hall.schedule.change", "SUCCESS")).isEqualTo(changes + 2);
    }

    @Test
    void aDeactivatedScheduleOffersNoSlotsAndItsBookingsStand() throws Exception {
        clock.travelTo(LocalDate.of(2026, 8, 17)); // a Monday
        long hall = unit("GX-DT");
        LocalDate wednesday = LocalDate.of(2026, 8, 19);
        long id = create(hall, schedule("ADM_C", "EXTENDED", "WORKING", "17:00", "19:00", 60, 2));
        List<Map<String, Object>> made = slots(hall, wednesday, "ADM_C");
        assertThat(made).hasSize(2);
        long booked = id(made.getFirst());
        long appointment = book("adm_c1", booked);
        long deactivations = audits("hall.schedule.deactivate", "SUCCESS");

        send(post("/api/v1/halls/" + hall + "/schedules/" + id + "/deactivation"), "admin", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.schedule.active").value(false))
                .andExpect(jsonPath("$.slotsRemoved").value(1)).andExpect(jsonPath("$.slotsClosed").value(1));
        assertThat(audits("hall.schedule.deactivate", "SUCCESS")).isEqualTo(deactivations + 1);
        assertThat(slots(hall, wednesday, "ADM_C")).isEmpty();
        assertThat(slots(hall, wednesday.plusDays(1), "ADM_C")).isEmpty();
        assertThat(queue.groups(hall)).doesNotContain("ADM_C");
        send(get("/api/v1/appointments/mine"), "adm_c1", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + appointment + ")].state").value(Matchers.contains("BOOKED")));
        assertThat(slotRow(booked)).containsEntry("booked", 1).containsEntry("open", false);

        // a deactivated schedule is neither deactivated again nor changed
        send(post("/api/v1/halls/" + hall + "/schedules/" + id + "/deactivation"), "admin", null)
                .andExpect(status().isUnprocessableEntity());
        send(put("/api/v1/halls/" + hall + "/schedules/" + id), "admin",
                schedule("ADM_C", "EXTENDED", "WORKING", "17:00", "19:00", 60, 5))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.detail", Matchers.containsString("已停用")));
        assertThat(count("select capacity from oneseal.hall_schedule where id = ?", id)).isEqualTo(2);
        // the place freed by a cancellation is not offered again
        send(post("/api/v1/appointments/" + appointment + "/cancellation"), "adm_c1", "{}").andExpect(status().isOk());
        send(post("/api/v1/appointments"), applicant("adm_c2"), "{\"slotId\":" + booked + "}")
                .andExpect(status().isUnprocessableEntity());
        assertThat(slotRow(booked)).containsEntry("booked", 0);
    }

    @Test
    void badInputIsRefusedOnItsFieldAndChangesNothing() throws Exception {
        clock.travelTo(LocalDate.of(2026, 8, 24));
        long hall = unit("GX-DT");
        long existing = create(hall, schedule("ADM_D", "NORMAL", "WORKING", "09:00", "11:00", 30, 4));
        long before = schedules(hall);
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put(schedule("ADM_E", "LUNCH", "WORKING", "09:00", "10:00", 30, 2), "kind:NORMAL");
        bad.put(schedule("ADM_E", null, "WORKING", "09:00", "10:00", 30, 2), "kind:NORMAL");
        bad.put(schedule("ADM_E", "NORMAL", "MONDAYS", "09:00", "10:00", 30, 2), "days:WORKING");
        bad.put(schedule("ADM_E", "NORMAL", "WORKING", "10:00", "09:00", 30, 2), "ends:晚于");
        bad.put(schedule("ADM_E", "NORMAL", "WORKING", "10:00", "10:00", 30, 2), "ends:晚于");
        bad.put(schedule("ADM_E", "NORMAL", "WORKING", "9点", "10:00", 30, 2), "starts:时:分");
        bad.put(schedule("ADM_E", "NORMAL", "WORKING", "09:00", "25:00", 30, 2), "ends:时:分");
        bad.put(schedule("ADM_E", "NORMAL", "WORKING", "09:00", "10:00", 4, 2), "slotMinutes:5至240");
        bad.put(schedule("ADM_E", "NORMAL", "WORKING", "09:00", "13:30", 241, 2), "slotMinutes:5至240");
        bad.put(schedule("ADM_E", "NORMAL", "WORKING", "09:00", "10:00", 40, 2), "slotMinutes:整除");
        bad.put(schedule("ADM_E", "NORMAL", "WORKING", "09:00", "10:00", 30, 0), "capacity:1至500");
        bad.put(schedule("ADM_E", "NORMAL", "WORKING", "09:00", "10:00", 30, 501), "capacity:1至500");
        bad.put(schedule("ADM_E", "NORMAL", "WORKING", "09:00", "10:00", 30, null), "capacity:1至500");
        bad.put(schedule("adm-e", "NORMAL", "WORKING", "09:00", "10:00", 30, 2), "groupCode:大写字母");
        bad.put(schedule("A".repeat(21), "NORMAL", "WORKING", "09:00", "10:00", 30, 2), "groupCode:大写字母");
        bad.put(schedule("1ST", "NORMAL", "WORKING", "09:00", "10:00", 30, 2), "groupCode:大写字母");
        bad.put(schedule(" ", "NORMAL", "WORKING", "09:00", "10:00", 30, 2), "groupCode:请填写");
        bad.put(schedule("ADM_E", "NORMAL", "WORKING", "09:00", "10:00", 30, 2).replace("{", "{\"matterId\": 999999999, "),
                "matterId:已发布");
        // the same group and matter at overlapping hours on days that can coincide
        bad.put(schedule("ADM_D", "STAGGERED", "EVERY", "10:30", "12:00", 30, 2), "starts:重叠");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            String field = b.getValue().substring(0, b.getValue().indexOf(':'));
            String text = b.getValue().substring(field.length() + 1);
            send(post("/api/v1/halls/" + hall + "/schedules"), "admin", b.getKey())
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors." + field, Matchers.containsString(text)));
        }
        // every problem at once
        send(post("/api/v1/halls/" + hall + "/schedules"), "admin", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.groupCode").exists()).andExpect(jsonPath("$.errors.kind").exists())
                .andExpect(jsonPath("$.errors.days").exists()).andExpect(jsonPath("$.errors.starts").exists())
                .andExpect(jsonPath("$.errors.ends").exists()).andExpect(jsonPath("$.errors.slotMinutes").exists())
                .andExpect(jsonPath("$.errors.capacity").exists());
        // not a hall: the bureau, a window
        for (String notHall : List.of("GX-XZSPJ", "GX-CK01")) {
            send(post("/api/v1/halls/" + unit(notHall) + "/schedules"), "admin",
                    schedule("ADM_E", "NORMAL", "WORKING", "09:00", "10:00", 30, 2)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.hallId", Matchers.containsString("不是服务大厅")));
        }
        // a change with bad input changes nothing
        send(put("/api/v1/halls/" + hall + "/schedules/" + existing), "admin",
                schedule("ADM_D", "NORMAL", "WORKING", "09:00", "11:00", 45, 4)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.slotMinutes", Matchers.containsString("整除")));
        assertThat(count("select slot_minutes from oneseal.hall_schedule where id = ?", existing)).isEqualTo(30);
        // adjacent hours do not overlap; a published matter is taken
        long matter = count("select min(matter_id) from oneseal.matter_version where state = 'PUBLISHED'");
        long adjacent = create(hall, schedule("ADM_D", "NORMAL", "WORKING", "11:00", "12:00", 30, 2));
        long forMatter = create(hall, schedule("ADM_D", "NORMAL", "WORKING", "09:00", "11:00", 30, 2)
                .replace("{", "{\"matterId\": " + matter + ", "));
        assertThat(count("select matter_id from oneseal.hall_schedule where id = ?", forMatter)).isEqualTo(matter);
        assertThat(adjacent).isNotEqualTo(forMatter);
        assertThat(schedules(hall)).isEqualTo(before + 2);
        before = schedules(hall);

        // a window's group: not a window, a bad code
        long window = unit("GX-CK01");
        send(put("/api/v1/windows/" + hall + "/group"), "admin", "{\"groupCode\":\"ADM_D\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.windowId", Matchers.containsString("服务窗口")));
        send(put("/api/v1/windows/" + window + "/group"), "admin", "{\"groupCode\":\"talent\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.groupCode", Matchers.containsString("大写字母")));
        send(put("/api/v1/windows/" + window + "/group"), "admin", "{}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.groupCode", Matchers.containsString("请填写")));
        assertThat(count("select count(*) from oneseal.hall_window_group where window_id in (?, ?)", hall, window)).isZero();

        // the page shows the error next to its field and keeps what was typed
        send(post("/workbench/hall/schedules").param("hall", "" + hall).param("groupCode", "ADM_F").param("kind", "NORMAL")
                .param("days", "WORKING").param("starts", "09:00").param("ends", "10:00").param("slotMinutes", "30")
                .param("capacity", "0"), "admin", null).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"capacity-error\"")))
                .andExpect(content().string(Matchers.containsString("每个时段可约人数须为1至500人")))
                .andExpect(content().string(Matchers.containsString("value=\"ADM_F\"")));
        send(post("/workbench/hall/schedules").param("hall", "" + hall).param("groupCode", "ADM_F").param("kind", "NORMAL")
                .param("days", "WORKING").param("starts", "09:00").param("ends", "10:00").param("slotMinutes", "半小时")
                .param("capacity", "2"), "admin", null).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"slotMinutes-error\"")));
        assertThat(schedules(hall)).isEqualTo(before);
        // and saves good input
        send(post("/workbench/hall/schedules").param("hall", "" + hall).param("groupCode", "ADM_F").param("kind", "HOLIDAY")
                .param("days", "HOLIDAY").param("starts", "09:00").param("ends", "10:00").param("slotMinutes", "30")
                .param("capacity", "2"), "admin", null).andExpect(status().is3xxRedirection());
        assertThat(schedules(hall)).isEqualTo(before + 1);
        // a change on the page: the form of the schedule, its error next to the field, then saved; then stopped
        send(get("/workbench/hall/schedules?hall=" + hall + "&edit=" + existing), "admin", null).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("action=\"/workbench/hall/schedules/" + existing + "\"")));
        send(post("/workbench/hall/schedules/" + existing).param("hall", "" + hall).param("groupCode", "ADM_D")
                .param("kind", "NORMAL").param("days", "WORKING").param("starts", "09:00").param("ends", "11:00")
                .param("slotMinutes", "45").param("capacity", "5"), "admin", null).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"slotMinutes-error\"")))
                .andExpect(content().string(Matchers.containsString("action=\"/workbench/hall/schedules/" + existing + "\"")));
        assertThat(count("select capacity from oneseal.hall_schedule where id = ?", existing)).isEqualTo(4);
        send(post("/workbench/hall/schedules/" + existing).param("hall", "" + hall).param("groupCode", "ADM_D")
                .param("kind", "NORMAL").param("days", "WORKING").param("starts", "09:00").param("ends", "11:00")
                .param("slotMinutes", "30").param("capacity", "5"), "admin", null).andExpect(status().is3xxRedirection());
        assertThat(count("select capacity from oneseal.hall_schedule where id = ?", existing)).isEqualTo(5);
        send(post("/workbench/hall/schedules/" + existing + "/deactivation").param("hall", "" + hall), "admin", null)
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from oneseal.hall_schedule where id = ? and not active", existing)).isOne();
    }

    @Test
    void anotherRegionsHallIsNotFoundAndStaffWithoutTheAuthorityAreRefused() throws Exception {
        long hall = unit("GX-DT");
        long window = unit("GX-CK01");
        long someSchedule = count("select min(id) from oneseal.hall_schedule where hall_id = ?", hall);
        long before = schedules(hall);
        long denied = count("select count(*) from oneseal.audit_entry where actor = 'nanxi_admin' and outcome = 'DENIED'"
                + " and action like 'hall.%'");
        String good = schedule("ADM_G", "NORMAL", "WORKING", "09:00", "10:00", 30, 2);
        send(get("/api/v1/halls/" + hall + "/schedules"), "nanxi_admin", null).andExpect(status().isNotFound());
        send(get("/api/v1/halls/" + hall + "/windows"), "nanxi_admin", null).andExpect(status().isNotFound());
        send(post("/api/v1/halls/" + hall + "/schedules"), "nanxi_admin", good).andExpect(status().isNotFound());
        send(put("/api/v1/halls/" + hall + "/schedules/" + someSchedule), "nanxi_admin", good).andExpect(status().isNotFound());
        send(post("/api/v1/halls/" + hall + "/schedules/" + someSchedule + "/deactivation"), "nanxi_admin", null)
                .andExpect(status().isNotFound());
        send(put("/api/v1/windows/" + window + "/group"), "nanxi_admin", "{\"groupCode\":\"ADM_G\"}")
                .andExpect(status().isNotFound());
        send(delete("/api/v1/windows/" + window + "/group"), "nanxi_admin", null).andExpect(status().isNotFound());
        send(get("/workbench/hall/schedules?hall=" + hall), "nanxi_admin", null).andExpect(status().isNotFound());
        assertThat(count("select count(*) from oneseal.audit_entry where actor = 'nanxi_admin' and outcome = 'DENIED'"
                + " and action like 'hall.%'")).isEqualTo(denied + 8);

        // window staff, a chief: no hall:configure
        for (String staff : List.of("window01", "chief01")) {
            send(get("/api/v1/halls/" + hall + "/schedules"), staff, null).andExpect(status().isForbidden());
            send(post("/api/v1/halls/" + hall + "/schedules"), staff, good).andExpect(status().isForbidden());
            send(post("/api/v1/halls/" + hall + "/schedules/" + someSchedule + "/deactivation"), staff, null)
                    .andExpect(status().isForbidden());
            send(put("/api/v1/windows/" + window + "/group"), staff, "{\"groupCode\":\"ADM_G\"}")
                    .andExpect(status().isForbidden());
            send(get("/workbench/hall/schedules"), staff, null).andExpect(status().isForbidden());
        }
        send(get("/api/v1/halls/" + hall + "/schedules"), null, null).andExpect(status().isUnauthorized());
        assertThat(schedules(hall)).isEqualTo(before);
        assertThat(count("select count(*) from oneseal.hall_schedule where id = ? and active", someSchedule)).isOne();
        assertThat(count("select count(*) from oneseal.hall_window_group where group_code = 'ADM_G'")).isZero();
    }

    @Test
    void aWindowsGroupDecidesWhichTicketsItCalls() throws Exception {
        clock.travelTo(LocalDate.of(2026, 9, 7)); // a Monday
        long hall = unit("GX-DT");
        long window = unit("GX-CK01");
        var view = organisation.serviceWindow(window).orElseThrow();
        String staff = zoneWindowStaff();
        create(hall, schedule("ADM_Q", "NORMAL", "WORKING", "14:00", "15:00", 60, 1)); // the ticket machine offers it
        assertThat(queue.groupOf(view)).isEqualTo("GENERAL");
        long set = audits("hall.window.group", "SUCCESS");

        send(put("/api/v1/windows/" + window + "/group"), "admin", "{\"groupCode\":\"ADM_Q\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.groupCode").value("ADM_Q")).andExpect(jsonPath("$.serves").value("ADM_Q"));
        assertThat(queue.groupOf(view)).isEqualTo("ADM_Q");
        assertThat(audits("hall.window.group", "SUCCESS")).isEqualTo(set + 1);
        // a general walk-in came first; the window calls its group's ticket
        send(post("/api/v1/halls/" + hall + "/tickets"), staff, "{\"groupCode\":\"GENERAL\"}").andExpect(status().isCreated());
        send(post("/api/v1/halls/" + hall + "/tickets"), staff, "{\"groupCode\":\"ADM_Q\"}").andExpect(status().isCreated());
        send(post("/api/v1/windows/" + window + "/call-next"), staff, "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.groupCode").value("ADM_Q"));

        // cleared (on the page, with htmx: the window's row comes back): a general window calls GENERAL again
        send(post("/workbench/hall/windows/" + window + "/group").param("hall", "" + hall).param("action", "clear")
                .header("HX-Request", "true"), "admin", null).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<tr id=\"window-" + window + "\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))))
                .andExpect(content().string(Matchers.containsString("data-serves=\"GENERAL\"")));
        assertThat(queue.groupOf(view)).isEqualTo("GENERAL");
        assertThat(audits("hall.window.group", "SUCCESS")).isEqualTo(set + 2);
        send(post("/api/v1/windows/" + window + "/call-next"), staff, "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.groupCode").value("GENERAL"));
        send(get("/api/v1/halls/" + hall + "/windows"), "admin", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + window + ")].serves").value(Matchers.contains("GENERAL")))
                .andExpect(jsonPath("$[?(@.id == " + window + ")].groupCode").value(Matchers.contains(Matchers.nullValue())));
        // an htmx set with a bad code: the row again, with the error in it
        send(post("/workbench/hall/windows/" + window + "/group").param("hall", "" + hall).param("groupCode", "adm q")
                .header("HX-Request", "true"), "admin", null).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("group-error-" + window)));
        assertThat(queue.groupOf(view)).isEqualTo("GENERAL");
    }
}

package org.oneseal.partybuilding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;

/**
 * Volunteer duty from the outside: a branch plans a roster of shifts and puts its members on them, members sign in
 * for their own shift within its time (± 30 minutes), staff record a missed sign-in with a reason, hours add up the
 * signed-in shifts; each bad input refused with nothing saved.
 */
@IntegrationTest
class PartyVolunteerTests extends PartyRecordsTestSupport {

    private static final String SHIFTS = """
            [{"name":"上午","start":"08:30","end":"12:00"},{"name":"下午","start":"14:00","end":"17:30"},
             {"name":"晚上","start":"18:00","end":"20:30"}]""";

    private long shift(long roster, String name) {
        return jdbc.sql("select id from oneseal.party_volunteer_shift where roster_id = ? and name = ?").param(roster)
                .param(name).query(Long.class).single();
    }

    private String duty(long shift, String day, long member) {
        return "{\"shiftId\":%d,\"day\":\"%s\",\"memberId\":%d}".formatted(shift, day, member);
    }

    @Test
    void aRosterOfShiftsMembersSignInAndHoursAddUp() throws Exception {
        clock.travelTo(LocalDate.of(2025, 9, 1));
        long second = org("第二党支部");
        long window = member("窗口人员");
        long chen = member("陈静");
        String rosters = "/api/v1/party/orgs/" + second + "/volunteer-rosters";
        long before = count("party_volunteer_roster");
        long shiftsBefore = count("party_volunteer_shift");
        postJson(rosters, "party01", """
                {"place":"政务服务大厅","placeKind":"HALL","startsOn":"2025-09-01","endsOn":"2025-09-30",
                 "shifts":[{"name":"上午","start":"08:30","end":"12:00"},{"name":"下午","start":"17:30","end":"14:00"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['shifts[1].end']").value("结束时间须晚于开始时间（班次不跨日）"));
        postJson(rosters, "party01", """
                {"place":"政务服务大厅","placeKind":"HALL","startsOn":"2025-09-30","endsOn":"2025-09-01","shifts":%s}"""
                .formatted(SHIFTS)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.endsOn").exists());
        postJson(rosters, "party01", """
                {"place":"","placeKind":"MOON","startsOn":"2025-09-01","endsOn":"2025-09-30","shifts":[]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.place").exists())
                .andExpect(jsonPath("$.errors.placeKind").exists()).andExpect(jsonPath("$.errors.shifts").exists());
        postJson(rosters, "secretary01", """
                {"place":"政务服务大厅","placeKind":"HALL","startsOn":"2025-09-01","endsOn":"2025-09-30","shifts":%s}"""
                .formatted(SHIFTS)).andExpect(status().isNotFound());
        postJson(rosters, "leader", """
                {"place":"政务服务大厅","placeKind":"HALL","startsOn":"2025-09-01","endsOn":"2025-09-30","shifts":%s}"""
                .formatted(SHIFTS)).andExpect(status().isForbidden());
        assertThat(count("party_volunteer_roster")).isEqualTo(before);
        assertThat(count("party_volunteer_shift")).isEqualTo(shiftsBefore);
        long roster = id(postJson(rosters, "party01", """
                {"place":"政务服务大厅（延时服务）","placeKind":"HALL","startsOn":"2025-09-01","endsOn":"2025-09-30","shifts":%s}"""
                .formatted(SHIFTS)).andExpect(status().isCreated()).andExpect(jsonPath("$.shifts.length()").value(3)));

        // members on shifts: only the branch's members, on days of the roster, not twice at the same time
        String duties = "/api/v1/party/volunteer-rosters/" + roster + "/duties";
        long assigned = count("party_volunteer_duty");
        postJson(duties, "party01", duty(shift(roster, "上午"), "2025-09-15", member("李强")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.memberId", Matchers.containsString("不是")));
        postJson(duties, "party01", duty(shift(roster, "上午"), "2025-10-01", window))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.day").exists());
        postJson(duties, "party01", duty(-1, "2025-09-15", window))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.shiftId").exists());
        postJson(duties, "secretary01", duty(shift(roster, "上午"), "2025-09-15", window)).andExpect(status().isNotFound());
        assertThat(count("party_volunteer_duty")).isEqualTo(assigned);
        long morning = id(postJson(duties, "party01", duty(shift(roster, "上午"), "2025-09-15", window))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PLANNED")));
        postJson(duties, "party01", duty(shift(roster, "上午"), "2025-09-15", window)).andExpect(status().isConflict());
        long evening = id(postJson(duties, "party01", duty(shift(roster, "晚上"), "2025-09-15", window))
                .andExpect(status().isCreated()));
        long chensAfternoon = id(postJson(duties, "party01", duty(shift(roster, "下午"), "2025-09-14", chen))
                .andExpect(status().isCreated()));

        // sign-in: one's own shift, on its day, from 30 minutes before its start to 30 minutes after its end
        clock.travelTo(LocalDate.of(2025, 9, 15)); // 10:00
        postJson("/api/v1/party/volunteer-duties/" + evening + "/sign-in", "window01", "{}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("签到时间为2025-09-15 17:30至21:00"));
        postJson("/api/v1/party/volunteer-duties/" + morning + "/sign-in", "party01", "{}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.detail").value("只能为本人的班次签到"));
        postJson("/api/v1/party/volunteer-duties/" + morning + "/sign-in", "window01", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SIGNED_IN"));
        postJson("/api/v1/party/volunteer-duties/" + morning + "/sign-in", "window01", "{}")
                .andExpect(status().isUnprocessableEntity());
        // a missed sign-in is recorded by the branch's staff, with a reason
        postJson("/api/v1/party/volunteer-duties/" + chensAfternoon + "/missed-sign-in", "party01", "{\"reason\":\" \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").exists());
        postJson("/api/v1/party/volunteer-duties/" + chensAfternoon + "/missed-sign-in", "secretary01", "{\"reason\":\"忘记签到\"}")
                .andExpect(status().isNotFound());
        postJson("/api/v1/party/volunteer-duties/" + evening + "/missed-sign-in", "party01", "{\"reason\":\"忘记签到\"}")
                .andExpect(status().isUnprocessableEntity()); // not begun yet
        postJson("/api/v1/party/volunteer-duties/" + chensAfternoon + "/missed-sign-in", "party01", "{\"reason\":\"忘记签到，值班记录为证\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RECORDED"));

        // hours: the signed-in shifts' lengths (3.5 h each), for any period
        getAs("/api/v1/party/orgs/" + second + "/volunteer-hours?from=2025-09-01&to=2025-09-30", "party01")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.memberName == '窗口人员')].minutes").value(210))
                .andExpect(jsonPath("$[?(@.memberName == '陈静')].hours").value(3.5));
        getAs("/api/v1/party/orgs/" + second + "/volunteer-hours?from=2025-09-15&to=2025-09-30", "party01")
                .andExpect(jsonPath("$[*].memberName", Matchers.not(Matchers.hasItem("陈静"))));
        getAs("/api/v1/party/orgs/" + second + "/volunteer-hours?from=2025-09-30&to=2025-09-01", "party01")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.from").exists());
        getAs("/api/v1/party/me/volunteer-duties?from=2025-09-01&to=2025-09-30", "window01").andExpect(status().isOk())
                .andExpect(jsonPath("$.duties.length()").value(2)).andExpect(jsonPath("$.total.minutes").value(210));
        getAs("/api/v1/party/members/" + window + "/volunteer-duties?from=2025-09-01&to=2025-09-30", "window01")
                .andExpect(status().isOk());
        getAs("/api/v1/party/members/" + chen + "/volunteer-duties?from=2025-09-01&to=2025-09-30", "window01")
                .andExpect(status().isNotFound());
        getAs("/api/v1/party/me/volunteer-duties?from=2025-09-01&to=2025-09-30", "zhangsan").andExpect(status().isForbidden());

        // the pages
        getAs("/workbench/party/orgs/" + second, "party01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/workbench/party/orgs/" + second + "/rosters")));
        getAs("/workbench/party/orgs/" + second + "/rosters?from=2025-09-01&to=2025-09-30", "party01")
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("政务服务大厅（延时服务）")))
                .andExpect(content().string(Matchers.containsString("3.5")));
        getAs("/workbench/party/volunteer-rosters/" + roster, "party01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("忘记签到，值班记录为证")));
        getAs("/workbench/party/volunteer-rosters/" + roster, "secretary01").andExpect(status().isNotFound());
        getAs("/workbench/party/members/" + window + "/record?year=2025", "window01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/workbench/party/volunteer-duties/" + evening + "/sign-in")));
        postForm("/workbench/party/volunteer-duties/" + evening + "/sign-in", "window01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("签到时间为2025-09-15 17:30至21:00")));
        postForm("/workbench/party/orgs/" + second + "/rosters", "party01", "place", "社区", "placeKind", "COMMUNITY",
                "startsOn", "2025-09-01", "endsOn", "2025-09-30", "shiftName", "上午", "shiftStart", "12:00",
                "shiftEnd", "08:00").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("结束时间须晚于开始时间")));
        assertThat(count("party_volunteer_roster")).isEqualTo(before + 1);
    }
}

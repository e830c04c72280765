package org.oneseal.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.oneseal.calendar.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 办不成事 over HTTP: an anonymous report routed by the first matching rule, chased, answered, called back and closed,
 * followed by its tracking code; re-routing when the facts change; hard cases; escalation; the bad inputs; the region.
 */
@IntegrationTest
class ComplaintTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;
    @Autowired WorkingDayCalendar calendar;
    @Autowired ComplaintDeadlines deadlines;

    @AfterEach
    void back() {
        clock.reset();
    }

    private long region(String code) {
        return jdbc.sql("select id from oneseal.region where code = ?").param(code).query(Long.class).single();
    }

    private ResultActions postJson(String path, String username, String json, String address) throws Exception {
        var request = post(path).contentType(MediaType.APPLICATION_JSON).content(json).with(csrf()).with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        return mvc.perform(username == null ? request : request.with(user(users.loadUserByUsername(username))));
    }

    private ResultActions postJson(String path, String username, String json) throws Exception {
        return postJson(path, username, json, "127.0.0.1");
    }

    private ResultActions getAs(String path, String username) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username))));
    }

    private long audits(String action, String outcome) {
        return jdbc.sql("select count(*) from oneseal.audit_entry where action = ? and outcome = ?").param(action)
                .param(outcome).query(Long.class).single();
    }

    private String report(String json, String address) throws Exception {
        return postJson("/api/v1/public/complaints", null, json, address).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"trackingCode\":\"([^\"]+)\".*", "$1");
    }

    private long idOf(String code) {
        return jdbc.sql("select id from oneseal.complaint where tracking_code = ?").param(code).query(Long.class).single();
    }

    @Test
    void anAnonymousReportIsRoutedChasedAnsweredCalledBackClosedAndFollowedByItsCode() throws Exception {
        LocalDate monday = LocalDate.of(2026, 9, 14);
        clock.travelTo(monday);
        long city = region("990100");
        // rules: the first that matches wins
        postJson("/api/v1/complaint-rules", "chief01", "{\"position\":10,\"regionId\":" + city
                + ",\"category\":\"BACK_AND_FORTH\",\"coordinator\":\"window01\"}").andExpect(status().isCreated());
        postJson("/api/v1/complaint-rules", "chief01", "{\"position\":20,\"regionId\":" + city
                + ",\"coordinator\":\"chief01\"}").andExpect(status().isCreated());

        String code = report("{\"regionId\":" + city + ",\"category\":\"BACK_AND_FORTH\",\"description\":"
                + "\"办理餐饮许可跑了三次，每次要求的材料都不一样\",\"phone\":\"13700001111\"}", "10.5.0.1");
        assertThat(code).matches("[A-Z0-9]{10}");
        long id = idOf(code);
        String path = "/api/v1/complaints/" + id;
        getAs(path, "window01").andExpect(status().isOk()).andExpect(jsonPath("$.coordinator").value("window01"))
                .andExpect(jsonPath("$.state").value("ASSIGNED")).andExpect(jsonPath("$.channel").value("ONLINE"))
                .andExpect(jsonPath("$.dueOn").value(calendar.addWorkingDays(monday, 3).toString()));

        // the facts change: routing runs again (the second rule now)
        postJson(path + "/correction", "window01", "{\"category\":\"REFUSED_WITHOUT_BASIS\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.coordinator").value("chief01"))
                .andExpect(jsonPath("$.history[*].kind").value(Matchers.hasItem("REROUTED")));
        postJson(path + "/correction", "chief01", "{\"category\":\"BACK_AND_FORTH\"}")
                .andExpect(jsonPath("$.coordinator").value("window01"));

        // triage, chase an office with its own deadline, its reply
        postJson(path + "/triage", "window01", "{\"kind\":\"SHOULD_BE_DONE\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.dueOn").value(calendar.addWorkingDays(monday, 5).toString()));
        long office = jdbc.sql("select id from oneseal.org_unit where region_id = ? and kind = 'BUREAU_SECTION' order by id limit 1")
                .param(city).query(Long.class).single();
        postJson(path + "/chases", "window01", "{\"officeId\":" + office + ",\"request\":\"请明确餐饮许可材料清单并一次性告知\","
                + "\"workingDays\":2}").andExpect(status().isOk()).andExpect(jsonPath("$.state").value("COORDINATING"))
                .andExpect(jsonPath("$.chases[0].dueOn").value(calendar.addWorkingDays(monday, 2).toString()));
        long chase = jdbc.sql("select id from oneseal.complaint_chase where complaint_id = ?").param(id)
                .query(Long.class).single();
        postJson(path + "/chases/" + chase + "/reply", "window01", "{\"reply\":\"已统一材料清单并公示\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.chases[0].reply").value("已统一材料清单并公示"));

        // closing too early: no answer, then no callback — refused and audited
        long failures = audits("complaint.close", "FAILURE");
        postJson(path + "/closure", "window01", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.close", Matchers.containsString("尚未答复")));
        postJson(path + "/answer", "window01", "{\"outcome\":\"EXPLAINED\",\"answer\":\"材料要求已统一\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.wayForward").exists());
        postJson(path + "/answer", "window01", "{\"outcome\":\"RESOLVED\",\"answer\":\"已为您一次性办结，并统一了材料清单\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ANSWERED"));
        postJson(path + "/closure", "window01", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.close", Matchers.containsString("回访")));
        assertThat(audits("complaint.close", "FAILURE")).isEqualTo(failures + 2);
        postJson(path + "/callback", "window01", "{\"result\":\"SATISFIED\",\"note\":\"电话回访满意\"}")
                .andExpect(status().isOk());
        postJson(path + "/closure", "window01", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CLOSED"));
        postJson(path + "/answer", "window01", "{\"outcome\":\"RESOLVED\",\"answer\":\"再答一次\"}")
                .andExpect(status().isUnprocessableEntity());

        // the reporter follows it by the code: progress and answer, no staff names
        String tracked = mvc.perform(get("/api/v1/public/complaints/" + code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CLOSED")).andExpect(jsonPath("$.outcome").value("RESOLVED"))
                .andExpect(jsonPath("$.history[*].kind").value(Matchers.hasItems("RECEIVED", "CHASED", "ANSWERED",
                        "CALLED_BACK", "CLOSED")))
                .andReturn().getResponse().getContentAsString();
        assertThat(tracked).doesNotContain("window01", "chief01", "13700001111");
        mvc.perform(get("/api/v1/public/complaints/ZZZZZZZZZZ")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from oneseal.complaint_event where complaint_id = ?").param(id)
                .query(Long.class).single()).isGreaterThanOrEqualTo(10);
        // the history is append-only, in the database itself
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "update oneseal.complaint_event set note = 'rewritten' where complaint_id = ?").param(id).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void aHardCaseGetsANamedCoordinatorAndADeadlineFromTheChiefAndOverdueOnesEscalate() throws Exception {
        LocalDate monday = LocalDate.of(2026, 9, 21);
        clock.travelTo(monday);
        long nanxi = region("990121");
        String code = report("{\"regionId\":" + nanxi + ",\"category\":\"MISSING_HISTORIC_DOCUMENTS\",\"description\":"
                + "\"九十年代的房产档案找不到，无法办理不动产登记\"}", "10.5.0.2");
        long id = idOf(code);
        String path = "/api/v1/complaints/" + id;
        getAs(path, "nanxi_chief").andExpect(jsonPath("$.anonymous").value(true));
        postJson(path + "/triage", "nanxi_window", "{\"kind\":\"HARD\",\"coordinator\":\"nanxi_window\"}")
                .andExpect(status().isNotFound()); // neither its coordinator nor a chief: not theirs to see
        postJson(path + "/triage", "nanxi_chief", "{\"kind\":\"HARD\",\"coordinator\":\"nanxi_admin\",\"deadline\":\"2026-09-20\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.coordinator").exists())
                .andExpect(jsonPath("$.errors.deadline").exists());
        postJson(path + "/triage", "nanxi_chief", "{\"kind\":\"HARD\",\"coordinator\":\"nanxi_window\",\"deadline\":\"2026-10-16\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.coordinator").value("nanxi_window"))
                .andExpect(jsonPath("$.dueOn").value("2026-10-16"));
        // escalation once overdue, once
        clock.travelTo(LocalDate.of(2026, 10, 19));
        deadlines.escalate();
        deadlines.escalate();
        getAs(path, "nanxi_chief").andExpect(jsonPath("$.escalated").value(true)).andExpect(jsonPath("$.overdue").value(true))
                .andExpect(jsonPath("$.history[?(@.kind == 'ESCALATED')]").value(Matchers.hasSize(1)));
        // an anonymous report is closed once answered: nobody to call back
        postJson(path + "/answer", "nanxi_window", "{\"outcome\":\"EXPLAINED\",\"answer\":\"档案确已灭失\","
                + "\"wayForward\":\"凭村委会证明和公告程序补办\"}").andExpect(status().isOk());
        postJson(path + "/closure", "nanxi_window", "{}").andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CLOSED"));
        mvc.perform(get("/api/v1/public/complaints/" + code)).andExpect(jsonPath("$.wayForward").value("凭村委会证明和公告程序补办"));
    }

    @Test
    void badReportsAreRefusedOnTheirFieldsAndAnotherRegionSeesNothing() throws Exception {
        long before = jdbc.sql("select count(*) from oneseal.complaint").query(Long.class).single();
        postJson("/api/v1/public/complaints", null, "{\"regionId\":999999,\"category\":\"ANGRY\",\"description\":\"短\","
                + "\"phone\":\"12\",\"matterId\":999999}", "10.5.0.3").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.regionId").exists()).andExpect(jsonPath("$.errors.category").exists())
                .andExpect(jsonPath("$.errors.description").exists()).andExpect(jsonPath("$.errors.phone").exists())
                .andExpect(jsonPath("$.errors.matterId").exists());
        assertThat(jdbc.sql("select count(*) from oneseal.complaint").query(Long.class).single()).isEqualTo(before);

        // a flood from one address is cut off
        String ok = "{\"regionId\":" + region("990100") + ",\"category\":\"OTHER\",\"description\":\"系统提示错误无法提交申请\"}";
        int accepted = 0;
        for (int i = 0; i < 12; i++) {
            accepted += postJson("/api/v1/public/complaints", null, ok, "10.5.9.9").andReturn().getResponse()
                    .getStatus() == 201 ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(10);

        // a city complaint: nanxi staff do not see it (audited) nor handle it; window staff take city reports only
        long id = idOf(report(ok, "10.5.0.4"));
        long denied = audits("complaint.read", "DENIED");
        getAs("/api/v1/complaints/" + id, "nanxi_chief").andExpect(status().isNotFound());
        assertThat(audits("complaint.read", "DENIED")).isEqualTo(denied + 1);
        postJson("/api/v1/complaints/" + id + "/answer", "nanxi_chief", "{\"outcome\":\"RESOLVED\",\"answer\":\"越权答复\"}")
                .andExpect(status().isNotFound());
        getAs("/api/v1/complaints", "nanxi_chief").andExpect(jsonPath("$[*].id").value(Matchers.not(Matchers.hasItem((int) id))));
        postJson("/api/v1/complaints", "nanxi_window", "{\"regionId\":" + region("990100") + ",\"category\":\"OTHER\","
                + "\"description\":\"替外区登记的反映事项\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.regionId").exists());
        // rules: the coordinator must be staff of the region who handle complaints; a county chief makes no city rule
        postJson("/api/v1/complaint-rules", "nanxi_chief", "{\"position\":1,\"regionId\":" + region("990100")
                + ",\"coordinator\":\"nanxi_window\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.regionId").exists());
        postJson("/api/v1/complaint-rules", "nanxi_chief", "{\"position\":1,\"regionId\":" + region("990121")
                + ",\"coordinator\":\"nanxi_admin\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.coordinator").exists());
    }

    @Test
    void theFiguresCountByCauseAndRegion() throws Exception {
        clock.travelTo(LocalDate.of(2026, 10, 26));
        long city = region("990100");
        report("{\"regionId\":" + city + ",\"category\":\"POLICY_CONFLICT\",\"description\":\"两个部门的规定互相矛盾无法办理\"}",
                "10.5.0.5");
        getAs("/api/v1/complaint-figures?from=2026-10-26&to=2026-10-26", "leader").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.category == 'POLICY_CONFLICT' && @.regionId == " + city + ")].received")
                        .value(Matchers.hasItem(1)));
        getAs("/api/v1/complaint-figures?from=2026-10-26&to=2026-10-26", "window01").andExpect(status().isForbidden());
    }
}

package org.oneseal.evaluation;

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

/** 一事一评: one rating per step of one's own case, reasons of the level, a rectification for a bad review. */
@IntegrationTest
class RatingTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired WorkingDayCalendar calendar;
    @Autowired TestClock clock;

    @AfterEach
    void back() {
        clock.reset();
    }

    @Test
    void aBadReviewOfTheReceptionOpensARectificationForWhoeverHandledIt() throws Exception {
        clock.travelTo(LocalDate.of(2026, 6, 15));
        long caseId = zhangsansCase();
        mvc.perform(get("/api/v1/public/rating-scheme")).andExpect(status().isOk())
                .andExpect(jsonPath("$.levels['2'].name").value("不满意"))
                .andExpect(jsonPath("$.levels['2'].reasons.R21").value("多次往返"));

        rate(caseId, "zhangsan", "{\"step\":\"RECEPTION\",\"level\":2,\"reasons\":[\"R21\",\"R24\"],\"comment\":\"跑了三趟\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.rectification").value(true));
        var rectification = jdbc.sql("""
                select x.responsible, x.state, x.due_on, r.handled_by from oneseal.rectification x
                join oneseal.rating r on r.id = x.rating_id where r.case_id = ?""").param(caseId).query().singleRow();
        assertThat(rectification.get("responsible")).isEqualTo("window01").isEqualTo(rectification.get("handled_by"));
        assertThat(rectification.get("state")).isEqualTo("OPEN");
        assertThat(rectification.get("due_on").toString())
                .isEqualTo(calendar.addWorkingDays(LocalDate.of(2026, 6, 15), 5).toString());

        // once per step; steps that have not happened; levels and reasons of the scheme only
        long failures = audits("FAILURE");
        rate(caseId, "zhangsan", "{\"step\":\"RECEPTION\",\"level\":5,\"reasons\":[]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.step", Matchers.containsString("只能评价一次")));
        rate(caseId, "zhangsan", "{\"step\":\"CONCLUSION\",\"level\":5}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.step", Matchers.containsString("还没有办理")));
        rate(caseId, "zhangsan", "{\"step\":\"ACCEPTANCE\",\"level\":6}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.level").exists());
        rate(caseId, "zhangsan", "{\"step\":\"ACCEPTANCE\",\"level\":1,\"reasons\":[\"R51\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reasons", Matchers.containsString("非常不满意")));
        rate(caseId, "zhangsan", "{\"step\":\"ACCEPTANCE\",\"level\":2,\"reasons\":[]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reasons").exists());
        assertThat(audits("FAILURE")).isEqualTo(failures + 2);
        assertThat(jdbc.sql("select count(*) from oneseal.rating where case_id = ?").param(caseId).query(Long.class)
                .single()).isOne();

        // somebody else's case: not found, audited; staff do not rate through the portal
        long denied = audits("DENIED");
        rate(caseId, "shifan_food", "{\"step\":\"ACCEPTANCE\",\"level\":5}").andExpect(status().isNotFound());
        assertThat(audits("DENIED")).isEqualTo(denied + 1);
        rate(caseId, "window01", "{\"step\":\"ACCEPTANCE\",\"level\":5}").andExpect(status().isForbidden());
    }

    @Test
    void theAdministratorPublishesANewVersionOfTheSchemeAndOldRatingsKeepTheirs() throws Exception {
        String current = mvc.perform(get("/api/v1/public/rating-scheme")).andReturn().getResponse().getContentAsString();
        int version = Integer.parseInt(current.replaceAll("^\\{\"version\":(\\d+).*", "$1"));
        var scheme = tools.jackson.databind.json.JsonMapper.builder().build().readTree(current);
        var levels = (tools.jackson.databind.node.ObjectNode) scheme.get("levels");
        ((tools.jackson.databind.node.ObjectNode) levels.get("2").get("reasons")).put("R26", "预约后仍长时间等候");
        String body = "{\"levels\":" + levels + ",\"indicators\":" + scheme.get("indicators") + "}";

        // bad versions: refused on their fields, nothing stored
        publish("window01", body).andExpect(status().isForbidden());
        publish("admin", "{\"levels\":{\"1\":{\"name\":\"差\",\"reasons\":{}}},\"indicators\":{}}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.levels").exists())
                .andExpect(jsonPath("$.errors.indicators").exists());
        publish("admin", body.replace("\"R26\"", "\"R51\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['levels.5.reasons']", Matchers.containsString("R51")));
        mvc.perform(get("/api/v1/public/rating-scheme")).andExpect(jsonPath("$.version").value(version));

        publish("admin", body).andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(version + 1))
                .andExpect(jsonPath("$.levels['2'].reasons.R26").value("预约后仍长时间等候"));
        mvc.perform(get("/api/v1/public/rating-scheme")).andExpect(jsonPath("$.version").value(version + 1));
        assertThat(jdbc.sql("select count(*) from oneseal.rating where scheme_version > ?").param(version)
                .query(Long.class).single()).isZero();
    }

    private ResultActions publish(String username, String json) throws Exception {
        return mvc.perform(post("/api/v1/evaluation/schemes").contentType(MediaType.APPLICATION_JSON).content(json)
                .with(user(users.loadUserByUsername(username))).with(csrf()));
    }

    /** zhangsan applies for the city's food permit, window01 asks for a correction (so someone handled reception). */
    private long zhangsansCase() throws Exception {
        long city = jdbc.sql("select id from oneseal.region where code = '990100'").query(Long.class).single();
        long matter = jdbc.sql("select m.id from oneseal.matter m join oneseal.matter_version v on v.matter_id = m.id "
                + "and v.state = 'PUBLISHED' where v.name = '食品经营许可' and m.region_id = ?").param(city)
                .query(Long.class).single();
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/cases")
                .param("matterId", String.valueOf(matter));
        jdbc.sql("select requirement_code from (select jsonb_array_elements(v.content->'materials') m from "
                        + "oneseal.matter_version v where v.matter_id = ? and v.state = 'PUBLISHED') x "
                        + "cross join lateral (select x.m->>'code' as requirement_code, (x.m->>'required')::boolean as req) y "
                        + "where req").param(matter).query(String.class).list()
                .forEach(code -> request.file(new org.springframework.mock.web.MockMultipartFile("file." + code,
                        code + ".pdf", MediaType.APPLICATION_PDF_VALUE, "%PDF-1.4\n%\n%%EOF\n".getBytes())));
        String body = mvc.perform(request.with(user(users.loadUserByUsername("zhangsan"))).with(csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/v1/cases/" + id + "/correction-request").contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"description\":\"申请书缺少签字\"}]")
                        .with(user(users.loadUserByUsername("window01"))).with(csrf()))
                .andExpect(status().isOk());
        return id;
    }

    private ResultActions rate(long caseId, String username, String json) throws Exception {
        return mvc.perform(post("/api/v1/cases/mine/" + caseId + "/ratings").contentType(MediaType.APPLICATION_JSON)
                .content(json).with(user(users.loadUserByUsername(username))).with(csrf()));
    }

    private long audits(String outcome) {
        return jdbc.sql("select count(*) from oneseal.audit_entry where action = 'evaluation.rate' and outcome = ?")
                .param(outcome).query(Long.class).single();
    }
}

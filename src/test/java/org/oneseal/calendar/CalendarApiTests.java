package org.oneseal.calendar;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The public API /api/v1/calendar, called without login. */
@IntegrationTest
class CalendarApiTests {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @MockitoBean
    AuditLog auditLog;

    @Autowired
    MockMvc mvc;

    @Test
    void tellsWhetherADayIsAWorkingDay() throws Exception {
        mvc.perform(get("/api/v1/calendar/days/2024-02-04"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.date").value("2024-02-04"))
                .andExpect(jsonPath("$.workingDay").value(true))
                .andExpect(jsonPath("$.kind").value("MAKEUP_WORKDAY"))
                .andExpect(jsonPath("$.name").value("春节调休上班"));
        mvc.perform(get("/api/v1/calendar/days/2024-02-12"))
                .andExpect(jsonPath("$.workingDay").value(false))
                .andExpect(jsonPath("$.kind").value("HOLIDAY"))
                .andExpect(jsonPath("$.name").value("春节"));
        mvc.perform(get("/api/v1/calendar/days/2025-10-13"))
                .andExpect(jsonPath("$.workingDay").value(true))
                .andExpect(jsonPath("$.kind").value("WORKDAY"))
                .andExpect(jsonPath("$.name").doesNotExist());
    }

    @Test
    void addsWorkingDays() throws Exception {
        mvc.perform(get("/api/v1/calendar/add").param("date", "2025-01-27").param("days", "4"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2025-01-27"))
                .andExpect(jsonPath("$.days").value(4))
                .andExpect(jsonPath("$.result").value("2025-02-08"));
        mvc.perform(get("/api/v1/calendar/add").param("date", "2025-10-09").param("days", "-2"))
                .andExpect(jsonPath("$.result").value("2025-09-29"));
    }

    @Test
    void countsWorkingDaysBetween() throws Exception {
        mvc.perform(get("/api/v1/calendar/between").param("from", "2025-09-26").param("to", "2025-10-13"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2025-09-26"))
                .andExpect(jsonPath("$.to").value("2025-10-13"))
                .andExpect(jsonPath("$.workingDays").value(7));
    }

    @Test
    void answers422NamingTheYearWithoutData() throws Exception {
        expect422For2030(mvc.perform(get("/api/v1/calendar/days/2030-05-01")));
        expect422For2030(mvc.perform(get("/api/v1/calendar/add").param("date", "2030-01-02").param("days", "1")));
        expect422For2030(mvc.perform(get("/api/v1/calendar/between").param("from", "2026-06-01").param("to", "2030-01-01")));
    }

    @Test
    void answers400NamingTheMalformedParameter() throws Exception {
        expect400(mvc.perform(get("/api/v1/calendar/days/2024-13-01")), "date", "不是有效日期");
        expect400(mvc.perform(get("/api/v1/calendar/days/2025-02-29")), "date", "不是有效日期");
        expect400(mvc.perform(get("/api/v1/calendar/add").param("date", "2025-1-5").param("days", "3")), "date", "YYYY-MM-DD");
        expect400(mvc.perform(get("/api/v1/calendar/add").param("date", "2025-01-05").param("days", "abc")), "days", "不是有效整数");
        expect400(mvc.perform(get("/api/v1/calendar/add").param("date", "2025-01-05").param("days", "99999999999")), "days", "不是有效整数");
        expect400(mvc.perform(get("/api/v1/calendar/add").param("date", "2025-01-05")), "days", "缺少参数");
        expect400(mvc.perform(get("/api/v1/calendar/between").param("from", "x").param("to", "2025-01-05")), "from", "不是有效日期");
        expect400(mvc.perform(get("/api/v1/calendar/between").param("from", "2025-01-05")), "to", "缺少参数");
    }

    @Test
    void answers400ForDaysOutOfRange() throws Exception {
        expect400(mvc.perform(get("/api/v1/calendar/add").param("date", "2025-01-05").param("days", "3651")), "days", "-3650 到 3650");
        expect400(mvc.perform(get("/api/v1/calendar/add").param("date", "2025-01-05").param("days", "-3651")), "days", "3650");
        mvc.perform(get("/api/v1/calendar/add").param("date", "2024-01-02").param("days", "3650"))
                .andExpect(status().isUnprocessableContent()); // in range, but runs out of published years
    }

    @Test
    void describesItselfInOpenApiWithTextsFromTheBundle() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/calendar/days/{date}'].get.summary").value("查询某一天是否为工作日"))
                .andExpect(jsonPath("$.paths['/api/v1/calendar/add'].get.parameters[1].description")
                        .value(containsString("-3650")));
    }

    private static void expect422For2030(ResultActions result) throws Exception {
        result.andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value("calendar.year.missing"))
                .andExpect(jsonPath("$.detail").value(startsWith("2030年的工作日历尚未发布")));
    }

    private static void expect400(ResultActions result, String parameter, String text) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value(containsString(parameter)))
                .andExpect(jsonPath("$.detail").value(containsString(text)))
                .andExpect(jsonPath("$.errors." + parameter).exists());
    }
}

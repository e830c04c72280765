package org.oneseal.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The administrator's pages, used by the demo system administrator ({@code admin}: SYSTEM_ADMIN, city-wide,
 * holds calendar:manage). Changes use 2028 (reset before each test) and 2027 (created once here); no other
 * test relies on either year. 2028-05-02 is a Tuesday, 2028-05-06 a Saturday. Audit entries are checked in
 * the real (shared, append-only) audit table by comparing counts before and after.
 */
@IntegrationTest
@WithUserDetails("admin")
class CalendarAdminTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CalendarCache cache;

    @Autowired
    WorkingDayCalendar calendar;

    /** The newest audit entry before the test: entries after it were written by the test. */
    long auditHead;

    @BeforeEach
    void emptyYear2028() {
        auditHead = count("select coalesce(max(seq), 0) from oneseal.audit_entry");
        jdbc.sql("delete from oneseal.calendar_year where year = 2028").update();
        jdbc.sql("insert into oneseal.calendar_year (year, source_document) values (2028, '测试用的2028年通知')").update();
        cache.evict(2028);
    }

    @Test
    void listsTheShippedYearsWithTheirSource() throws Exception {
        mvc.perform(get("/admin/calendar"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("国办发明电〔2024〕12号")))
                .andExpect(content().string(containsString("国办发明电〔2023〕7号")))
                .andExpect(content().string(containsString("33 天")));
    }

    @Test
    void showsAYearWithItsDaysAndAMonthGrid() throws Exception {
        mvc.perform(get("/admin/calendar/2026").param("month", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2026年工作日历")))
                .andExpect(content().string(containsString("2026年2月")))
                .andExpect(content().string(containsString("2026-02-28")))
                .andExpect(content().string(containsString("春节调休上班")));
        mvc.perform(get("/admin/calendar/2026").param("lang", "en"))
                .andExpect(content().string(containsString("Working-day calendar 2026")));
    }

    @Test
    void createsAYearAndAuditsIt() throws Exception {
        MvcResult created = mvc.perform(post("/admin/calendar/years").with(csrf())
                        .param("year", "2027").param("sourceDocument", "国务院办公厅关于2027年部分节假日安排的通知"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/calendar/2027"))
                .andExpect(flash().attribute("flash", "calendar.flash.yearCreated"))
                .andReturn();
        mvc.perform(get("/admin/calendar/2027").cookie(created.getResponse().getCookies()))
                .andExpect(content().string(containsString("已新增2027年，请录入该年的节假日和调休上班日")))
                .andExpect(content().string(containsString("该年尚未录入节假日或调休上班日")));

        assertThat(count("select count(*) from oneseal.calendar_year where year = 2027")).isEqualTo(1);
        assertThat(audited("calendar.year.create", "CalendarYear", "2027")).isOne();
        mvc.perform(post("/admin/calendar/years").with(csrf()).param("year", "2027").param("sourceDocument", "再次"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2027年已经录入")));
        assertThat(audited("calendar.year.create", "CalendarYear", "2027")).isOne();
        assertThat(calendarEntries()).isOne();
    }

    @Test
    void refusesAYearWithoutSourceOrOutOfRange() throws Exception {
        expectFieldError(mvc.perform(post("/admin/calendar/years").with(csrf()).param("year", "2029").param("sourceDocument", " ")),
                "请填写来源文件");
        expectFieldError(mvc.perform(post("/admin/calendar/years").with(csrf()).param("year", "1800").param("sourceDocument", "通知")),
                "年份须在 1900 到 2200 之间");
        expectFieldError(mvc.perform(post("/admin/calendar/years").with(csrf()).param("year", "二〇二九").param("sourceDocument", "通知")),
                "请输入四位数字的年份");
        assertThat(count("select count(*) from oneseal.calendar_year where year in (1800, 2029)")).isZero();
        assertThat(calendarEntries()).isZero();
    }

    @Test
    void addsAHolidayThatTheCalendarUsesAtOnce() throws Exception {
        assertThat(calendar.isWorkingDay(parse("2028-05-02"))).isTrue();

        mvc.perform(post("/admin/calendar/2028/days").with(csrf())
                        .param("date", "2028-05-02").param("kind", "HOLIDAY").param("name", "劳动节"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/calendar/2028?month=5"));

        assertThat(calendar.day(parse("2028-05-02")))
                .isEqualTo(new CalendarDay(parse("2028-05-02"), false, DayKind.HOLIDAY, "劳动节"));
        assertThat(audited("calendar.day.create", "CalendarDay", "2028-05-02")).isOne();
        mvc.perform(get("/admin/calendar/2028").param("month", "5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>劳动节</td>")));
    }

    @Test
    void refusesAMakeupDayOnAWeekdayWithAFieldMessageAndStoresNothing() throws Exception {
        expectFieldError(addDay("2028-05-02", "MAKEUP_WORKDAY", "劳动节调休上班"), "2028-05-02是周一至周五，调休上班日只能是周六或周日");
        expectFieldError(addDay("2029-05-05", "HOLIDAY", "劳动节"), "日期须在2028年之内");
        expectFieldError(addDay("2028-05-03", "HOLIDAY", " "), "请填写名称");
        expectFieldError(addDay("2028-02-30", "HOLIDAY", "不存在的日子"), "请输入有效日期");
        expectFieldError(addDay("2028-05-03", "SOMETHING", "劳动节"), "请从列表中选择类型");

        assertThat(count("select count(*) from oneseal.calendar_day where year = 2028")).isZero();
        assertThat(calendarEntries()).isZero();
    }

    @Test
    void refusesASecondEntryForTheSameDate() throws Exception {
        addDay("2028-05-06", "MAKEUP_WORKDAY", "劳动节调休上班").andExpect(status().is3xxRedirection());

        expectFieldError(addDay("2028-05-06", "HOLIDAY", "劳动节"), "2028-05-06已录入为“劳动节调休上班”");
        assertThat(count("select count(*) from oneseal.calendar_day where year = 2028")).isEqualTo(1);
        assertThat(audited("calendar.day.create", "CalendarDay", "2028-05-06")).isOne();
        assertThat(calendarEntries()).isOne();
    }

    @Test
    void showsRuleMessagesInEnglishToo() throws Exception {
        mvc.perform(post("/admin/calendar/2028/days").with(csrf()).param("lang", "en")
                        .param("date", "2028-05-02").param("kind", "MAKEUP_WORKDAY").param("name", "Labour Day"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("a make-up working day must be a Saturday or Sunday")));
    }

    @Test
    void changesAndRemovesADayWithAudit() throws Exception {
        addDay("2028-05-06", "HOLIDAY", "劳动节").andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(parse("2028-05-06"))).isFalse();

        mvc.perform(get("/admin/calendar/2028/days/2028-05-06")).andExpect(status().isOk())
                .andExpect(content().string(containsString("劳动节")));
        mvc.perform(post("/admin/calendar/2028/days/2028-05-06").with(csrf())
                        .param("date", "2028-05-06").param("kind", "MAKEUP_WORKDAY").param("name", "劳动节调休上班"))
                .andExpect(redirectedUrl("/admin/calendar/2028?month=5"));
        assertThat(calendar.day(parse("2028-05-06")).kind()).isEqualTo(DayKind.MAKEUP_WORKDAY);
        assertThat(audited("calendar.day.update", "CalendarDay", "2028-05-06")).isOne();

        mvc.perform(post("/admin/calendar/2028/days/2028-05-06/delete").with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar/2028?month=5"));
        assertThat(calendar.day(parse("2028-05-06")).kind()).isEqualTo(DayKind.WEEKEND);
        assertThat(audited("calendar.day.delete", "CalendarDay", "2028-05-06")).isOne();
        assertThat(calendarEntries()).as("create, update, delete").isEqualTo(3);
    }

    @Test
    void refusesAChangeThatBreaksARule() throws Exception {
        addDay("2028-05-02", "HOLIDAY", "劳动节").andExpect(status().is3xxRedirection());

        mvc.perform(post("/admin/calendar/2028/days/2028-05-02").with(csrf())
                        .param("date", "2028-05-02").param("kind", "MAKEUP_WORKDAY").param("name", "劳动节"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("调休上班日只能是周六或周日")));
        assertThat(calendar.day(parse("2028-05-02")).kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(audited("calendar.day.update", "CalendarDay", "2028-05-02")).isZero();
    }

    @Test
    void correctsTheSourceDocument() throws Exception {
        mvc.perform(post("/admin/calendar/2028/source").with(csrf()).param("sourceDocument", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写来源文件")))
                .andExpect(content().string(containsString("<details class=\"card\" open=\"open\">")));
        assertThat(calendarEntries()).isZero();

        mvc.perform(post("/admin/calendar/2028/source").with(csrf()).param("sourceDocument", "国务院办公厅关于2028年部分节假日安排的通知"))
                .andExpect(redirectedUrl("/admin/calendar/2028"));
        assertThat(jdbc.sql("select source_document from oneseal.calendar_year where year = 2028").query(String.class).single())
                .isEqualTo("国务院办公厅关于2028年部分节假日安排的通知");
        assertThat(audited("calendar.year.update", "CalendarYear", "2028")).isOne();
        assertThat(calendarEntries()).isOne();
    }

    @Test
    void explainsWhyADayCannotBeRemoved() throws Exception {
        MvcResult removal = mvc.perform(post("/admin/calendar/2028/days/2028-05-09/delete").with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar/2028?month=5"))
                .andExpect(flash().attribute("flashError", "calendar.day.error.notSpecial"))
                .andReturn();
        // follow the redirect in the same (JDBC-stored) session, as a browser does; the flash map matches
        // the query string, so the parameter must be in the URL
        mvc.perform(get("/admin/calendar/2028?month=5").cookie(removal.getResponse().getCookies()))
                .andExpect(content().string(containsString("2028-05-09不是已录入的节假日或调休上班日")));
        assertThat(calendarEntries()).isZero();
    }

    @Test
    void answers404ForAYearWithoutData() throws Exception {
        mvc.perform(get("/admin/calendar/2030")).andExpect(status().isNotFound());
        mvc.perform(get("/admin/calendar/2026/days/2026-03-03")).andExpect(status().isNotFound());
    }

    /** A signed-in staff member without calendar:manage passes the URL rule; the facade refuses. */
    @Test
    @WithUserDetails("reviewer01")
    void deniesUsersWithoutTheAuthority() throws Exception {
        mvc.perform(get("/admin/calendar")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/calendar/2026")).andExpect(status().isForbidden());
        addDay("2028-05-02", "HOLIDAY", "劳动节").andExpect(status().isForbidden());
        mvc.perform(post("/admin/calendar/years").with(csrf()).param("year", "2029").param("sourceDocument", "通知"))
                .andExpect(status().isForbidden());

        assertThat(count("select count(*) from oneseal.calendar_day where year = 2028")).isZero();
        assertThat(count("select count(*) from oneseal.calendar_year where year = 2029")).isZero();
        assertThat(calendarEntries()).isZero();
        assertThat(deniedPages("reviewer01")).as("every refusal is audited").isEqualTo(4);
    }

    /** Applicants are no staff: the URL rule for /admin/** refuses them before any calendar code runs. */
    @Test
    @WithUserDetails("zhangsan")
    void deniesApplicantsTheAdministratorsPages() throws Exception {
        mvc.perform(get("/admin/calendar")).andExpect(status().isForbidden());
        addDay("2028-05-02", "HOLIDAY", "劳动节").andExpect(status().isForbidden());

        assertThat(count("select count(*) from oneseal.calendar_day where year = 2028")).isZero();
        assertThat(calendarEntries()).isZero();
        assertThat(deniedPages("zhangsan")).isEqualTo(2);
    }

    private ResultActions addDay(String date, String kind, String name) throws Exception {
        return mvc.perform(post("/admin/calendar/2028/days").with(csrf())
                .param("date", date).param("kind", kind).param("name", name));
    }

    private static void expectFieldError(ResultActions result, String message) throws Exception {
        result.andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"field-error\"")))
                .andExpect(content().string(containsString(message)))
                .andExpect(content().string(not(containsString("Failed to convert"))));
    }

    /** Entries written since the test began by admin for this object: city-wide data, so without region. */
    private long audited(String action, String type, String id) {
        return jdbc.sql("""
                select count(*) from oneseal.audit_entry
                where seq > :head and action = :action and object_type = :type and object_id = :id
                  and actor = 'admin' and outcome = 'SUCCESS' and region_id is null""")
                .param("head", auditHead).param("action", action).param("type", type).param("id", id)
                .query(Long.class).single();
    }

    /** Calendar entries (any action, object, actor) written since the test began. */
    private long calendarEntries() {
        return jdbc.sql("select count(*) from oneseal.audit_entry where seq > :head and action like 'calendar.%'")
                .param("head", auditHead).query(Long.class).single();
    }

    /** Refused page requests of the user since the test began (audited by identity). */
    private long deniedPages(String actor) {
        return jdbc.sql("""
                select count(*) from oneseal.audit_entry
                where seq > :head and action = 'http.access' and outcome = 'DENIED' and actor = :actor
                  and object_id like '% /admin/calendar%'""")
                .param("head", auditHead).param("actor", actor).query(Long.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}

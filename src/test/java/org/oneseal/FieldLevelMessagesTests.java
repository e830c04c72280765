package org.oneseal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * A malformed value in a named field gets a message that names that field: on the API in the problem's
 * {@code errors} map, on a page next to the field when the form is shown again. A sample over registration,
 * the matter draft editor, case decisions, refusals, reviews and correction notices, the calendar and the
 * region and org-unit administration. Nothing is stored.
 */
@IntegrationTest
class FieldLevelMessagesTests {

    private static final String NOWHERE = "/api/v1/cases/999999999";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void jsonValuesOfTheWrongTypeOrShapeAreNamedInTheProblemsErrors() throws Exception {
        assertThat(json("chief01", NOWHERE + "/decision", "{\"grant\": \"maybe\", \"reasons\": \"符合条件\"}", "grant"))
                .isEqualTo("应为 true 或 false");
        assertThat(json("chief01", NOWHERE + "/decision", "{\"grant\": true, \"reasons\": \" \"}", "reasons"))
                .isEqualTo("请填写决定理由");
        assertThat(json("window01", NOWHERE + "/refusal", "{\"text\": {\"a\": 1}}", "text")).isEqualTo("应为文字");
        assertThat(json("window01", NOWHERE + "/refusal", "{\"text\": \"\"}", "text")).isEqualTo("请填写此项");
        assertThat(json("chief01", NOWHERE + "/review", "{\"text\": \"" + "意".repeat(2001) + "\"}", "text")).contains("2000");
        assertThat(json("window01", NOWHERE + "/correction-request",
                "[{\"description\": \"缺少签字\"}, {\"description\": \" \"}]", "[1].description")).contains("每一项都要有说明");
        assertThat(json("admin", "/api/v1/regions", "{\"code\": \"990177\", \"name\": \"西江\", \"level\": \"TOWN\"}",
                "level")).contains("COUNTY");
        assertThat(json("admin", "/api/v1/org-units",
                "{\"regionId\": \"示范市\", \"kind\": \"WINDOW\", \"code\": \"X1\", \"name\": \"窗口\"}", "regionId"))
                .isEqualTo("应填写数字");
        assertThat(json(null, "/api/v1/registrations/person", "{\"username\": [\"lisi\"], \"password\": \"Strong@Pass1\"}",
                "username")).isEqualTo("应为文字");
        assertThat(count("region where code = '990177'")).isZero();
        assertThat(count("account where username = 'lisi'")).isZero();
    }

    @Test
    void formParametersOfTheWrongTypeAreNamedOnTheApi() throws Exception {
        MockHttpServletResponse r = mvc.perform(post("/api/v1/cases").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("matterId", "食品经营许可").with(user(users.loadUserByUsername("zhangsan"))).with(csrf()))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat((String) JsonPath.read(r.getContentAsString(StandardCharsets.UTF_8), "$.errors.matterId")).isEqualTo("应填写数字");
    }

    @Test
    void pagesShowTheMessageNextToTheFieldAndStoreNothing() throws Exception {
        long accounts = count("account");
        String registration = page(null, post("/register/person").param("username", "lisi02")
                .param("password", "Strong@Pass1").param("passwordConfirm", "Strong@Pass1").param("realName", "李四")
                .param("idCardNumber", "11010519490230002X"));
        assertThat(messageAt(registration, "idCardNumber")).contains("出生日期");
        assertThat(count("account")).isEqualTo(accounts);

        long regions = count("region");
        String region = page("admin", post("/admin/regions/new").param("code", "990177").param("name", "西江县")
                .param("level", "COUNTY").param("parentId", "示范市"));
        assertThat(messageAt(region, "parentId")).isEqualTo("请填写数字");
        assertThat(region).contains("value=\"西江县\""); // the rest of what was typed stays
        region = page("admin", post("/admin/regions/new").param("code", "990177").param("name", "长".repeat(61))
                .param("level", "COUNTY").param("parentId", "1"));
        assertThat(messageAt(region, "name")).isNotBlank();
        assertThat(count("region")).isEqualTo(regions);

        long units = count("org_unit");
        String unit = page("admin", post("/admin/org-units/new").param("regionId", "1").param("kind", "<svg onload=alert(1)>")
                .param("code", "X1").param("name", "窗口"));
        assertThat(messageAt(unit, "kind")).isEqualTo("格式不正确，请重新填写或从列表中选择");
        assertThat(count("org_unit")).isEqualTo(units);

        String year = page("admin", post("/admin/calendar/2026/days").param("date", "2026-02-30").param("kind", "HOLIDAY")
                .param("name", "不存在的一天"));
        assertThat(messageAt(year, "date")).contains("有效日期");
    }

    @Test
    void theMatterDraftEditorShowsUnreadableAndInvalidValuesOnTheirFields() throws Exception {
        long matters = count("matter");
        String draft = page("admin", post("/admin/matters/new").param("matterCode", "XJ-001").param("implementationCode", "XJ-001-1")
                .param("regionId", "1").param("name", "西江县测试事项").param("type", "LICENCE").param("legalLimitDays", "20"));
        assertThat(messageAt(draft, "type")).isEqualTo("格式不正确，请重新填写或从列表中选择");
        assertThat(draft).contains("value=\"西江县测试事项\"");
        draft = page("admin", post("/admin/matters/new").param("matterCode", "XJ 001").param("implementationCode", "XJ-001-1")
                .param("regionId", "1").param("name", "西江县测试事项").param("legalLimitDays", "二十"));
        assertThat(messageAt(draft, "legalLimitDays")).isEqualTo("请填写 0 到 999 之间的整数");
        assertThat(messageAt(draft, "matterCode")).contains("编码");
        assertThat(count("matter")).isEqualTo(matters);
    }

    @Test
    void aTamperedChoiceOnACasePageIsNamedOnThe400Page() throws Exception {
        MockHttpServletResponse r = mvc.perform(post("/workbench/cases/999999999/decide").param("grant", "maybe")
                .param("reasons", "理由").with(user(users.loadUserByUsername("chief01"))).with(csrf())).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("提交的“grant”无法识别：应为 true 或 false");
    }

    /** Posts a JSON body and answers the message the problem's {@code errors} has for the field (which must be there). */
    private String json(String username, String path, String body, String field) throws Exception {
        MockHttpServletRequestBuilder request = post(path).contentType(MediaType.APPLICATION_JSON).content(body).with(csrf());
        if (username != null) {
            request.with(user(users.loadUserByUsername(username)));
        }
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        String answer = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as(path + " " + body).isEqualTo(400);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        Map<String, String> errors = JsonPath.read(answer, "$.errors");
        assertThat(errors).as(answer).containsKey(field);
        assertThat((String) JsonPath.read(answer, "$.detail")).contains(field);
        return errors.get(field);
    }

    private String page(String username, MockHttpServletRequestBuilder request) throws Exception {
        if (username != null) {
            request.with(user(users.loadUserByUsername(username)));
        }
        MockHttpServletResponse r = mvc.perform(request.with(csrf())).andReturn().getResponse();
        assertThat(r.getStatus()).as("the form is shown again").isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * The message shown at a field: between the field's control ({@code id="name"}, marked invalid) and the
     * next field's label.
     */
    static String messageAt(String html, String field) {
        Matcher control = Pattern.compile("<(input|select|textarea)[^>]*\\sid=\"" + Pattern.quote(field) + "\"[^>]*>").matcher(html);
        assertThat(control.find()).as("field %s on the page", field).isTrue();
        assertThat(control.group()).as("field %s marked invalid", field).contains("aria-invalid=\"true\"");
        int next = html.indexOf("<label", control.end());
        String segment = html.substring(control.end(), next < 0 ? html.length() : next);
        Matcher message = Pattern.compile("class=\"field-error\"[^>]*>([^<]+)<").matcher(segment);
        assertThat(message.find()).as("a message at field %s", field).isTrue();
        return HtmlUtils.htmlUnescape(message.group(1)).strip();
    }

    private long count(String tableAndCondition) {
        return jdbc.sql("select count(*) from oneseal." + tableAndCondition).query(Long.class).single();
    }
}

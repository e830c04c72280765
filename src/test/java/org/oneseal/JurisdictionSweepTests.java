package org.oneseal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every staff endpoint that takes an object id, called by a county member holding every county role with
 * the ids of city-level objects: never a success, never a server error, never the object's data, and the
 * denials are audited (the part of the issue 4 jurisdiction sweep that runs in seconds).
 */
@IntegrationTest
class JurisdictionSweepTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    TestClock clock;
    @Autowired
    org.oneseal.casework.CaseworkSweepSupport cases;

    @AfterEach
    void back() {
        clock.reset();
    }

    @Test
    void aCountyMemberGetsNothingOfTheCity() throws Exception {
        clock.travelTo(LocalDate.of(2026, 6, 15));
        Map<String, String> ids = cityObjects();
        var county = user(users.loadUserByUsername(countyAllRounder()));
        List<String> leaks = new ArrayList<>();
        int calls = 0;
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                String path = concrete(pattern, ids);
                if (path == null) {
                    continue;
                }
                for (RequestMethod method : methods(info)) {
                    calls++;
                    MvcResult result = mvc.perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(method.name()), path)
                            .with(county).with(csrf())).andReturn();
                    int status = result.getResponse().getStatus();
                    String body = result.getResponse().getContentAsString();
                    if (status < 400 || status >= 500 || body.contains("示范市") || body.contains(ids.get("caseNumber"))) {
                        leaks.add(method + " " + path + " → " + status);
                    }
                }
            }
        }
        assertThat(calls).as("endpoints swept").isGreaterThan(25);
        assertThat(leaks).as("answers other than a clean 4xx without city data").isEmpty();
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where actor = 'nanxi_all' and outcome = 'DENIED'")
                .query(Long.class).single()).as("denials audited").isGreaterThanOrEqualTo(calls / 2);
    }

    /** A concrete path with the city objects' ids, or null when the path takes no object of a region. */
    private static String concrete(String pattern, Map<String, String> ids) {
        if (!(pattern.startsWith("/admin/") || pattern.startsWith("/workbench/") || pattern.startsWith("/api/v1/"))
                || pattern.startsWith("/api/v1/public") || pattern.startsWith("/api/v1/calendar")
                || pattern.startsWith("/admin/calendar") || pattern.startsWith("/admin/regions")
                || pattern.startsWith("/api/v1/regions") || pattern.startsWith("/admin/applicants")
                || pattern.contains("/me") || !pattern.contains("{")) {
            return null;
        }
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = key(pattern, m.group(1));
            if (!ids.containsKey(key)) {
                return null;
            }
            m.appendReplacement(out, ids.get(key));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String key(String pattern, String variable) {
        if (variable.equals("materialId")) {
            return "material";
        }
        if (variable.equals("versionId") || pattern.contains("/versions/{")) {
            return "matterVersion";
        }
        if (pattern.contains("/org-units/")) {
            return "orgUnit";
        }
        if (pattern.contains("/accounts/")) {
            return "account";
        }
        if (pattern.contains("/matters/")) {
            return "matter";
        }
        if (pattern.contains("/licences/")) {
            return "licence";
        }
        return pattern.contains("/cases/") ? "case" : variable;
    }

    private static List<RequestMethod> methods(RequestMappingInfo info) {
        var declared = info.getMethodsCondition().getMethods();
        return declared.isEmpty() ? List.of(RequestMethod.GET) : List.copyOf(declared);
    }

    private Map<String, String> cityObjects() {
        var c = cases.grantedCityCase();
        return Map.of("case", "" + c.caseId(), "material", "" + c.materialId(), "licence", c.licenceId(),
                "caseNumber", c.caseNumber(),
                "orgUnit", "" + single("select id from oneseal.org_unit where code = 'SF-SCZR'"),
                "account", "" + single("select id from oneseal.account where username = 'window01'"),
                "matter", "" + c.matterId(), "matterVersion", "" + c.matterVersionId());
    }

    private long single(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** A 南溪县 staff member with every county role. */
    private String countyAllRounder() {
        jdbc.sql("""
                insert into oneseal.account (username, password_hash, kind, display_name, region_id, created_at)
                select 'nanxi_all', :h, 'STAFF', '南溪县全能', id, now() from oneseal.region where code = '990121'
                on conflict do nothing""").param("h", passwords.encode("Strong@Pass1")).update();
        for (String role : List.of("REGION_ADMIN", "WINDOW_STAFF", "REVIEWER", "CHIEF", "PARTY_AFFAIRS")) {
            jdbc.sql("""
                    insert into oneseal.account_role (account_id, role)
                    select id, :r from oneseal.account where username = 'nanxi_all' on conflict do nothing""")
                    .param("r", role).update();
        }
        return "nanxi_all";
    }
}

package org.oneseal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Malformed input against every mapped endpoint — bad ids, wrong types, injection strings, overlong and
 * empty values, broken JSON — as an applicant, a staff administrator and anonymously: never a 500.
 */
@IntegrationTest
class BadInputSweepTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\w+}");
    private static final List<String> BAD_IDS = List.of("abc", "-1", "0", "99999999999999999999", "1.5", "%00",
            "..%2F..%2Fetc%2Fpasswd");
    private static final List<String> BAD_VALUES = List.of("<script>alert(1)</script>", "' or '1'='1", "\"; drop table x; --",
            "", " ", "長".repeat(5000), "-1", "2026-02-30", "11010519491231002Y", "91350100M000100Y44", "null",
            "../../etc/passwd", "\u0000", "９９");
    private static final List<String> BAD_JSON = List.of("{", "[]", "{\"grant\": \"maybe\"}", "{\"id\": {\"$gt\": 1}}",
            "{\"text\": 12345678901234567890}", "\"string\"", "null", "{\"regionId\": \"abc\", \"kind\": \"NOPE\"}");
    private static final List<String> FIELDS = List.of("name", "code", "username", "password", "reason", "text",
            "matterId", "regionId", "date", "days", "q", "status", "kind", "grant", "method", "assignee", "step");

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    UserDetailsService users;

    @Test
    void noMalformedRequestMakesTheServerFail() throws Exception {
        List<RequestPostProcessor> who = List.of(user(users.loadUserByUsername("admin")),
                user(users.loadUserByUsername("zhangsan")), r -> r);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.startsWith("/actuator") || pattern.startsWith("/v3") || pattern.startsWith("/swagger")
                        || pattern.equals("/error") || pattern.equals("/logout")) {
                    continue;
                }
                for (RequestMethod method : methods(info)) {
                    for (MockHttpServletRequestBuilder request : variants(pattern, method)) {
                        for (RequestPostProcessor as : who) {
                            requests++;
                            try {
                                int status = mvc.perform(request.with(as).with(csrf())).andReturn().getResponse()
                                        .getStatus();
                                if (status >= 500) {
                                    failures.add(method + " " + pattern + " → " + status);
                                }
                            } catch (Exception e) { // what would be a 500 page in a container
                                failures.add(method + " " + pattern + " → " + rootMessage(e));
                            }
                        }
                    }
                }
            }
        }
        assertThat(requests).as("malformed requests sent").isGreaterThan(200);
        assertThat(failures.stream().distinct().toList()).isEmpty();
    }

    private static List<MockHttpServletRequestBuilder> variants(String pattern, RequestMethod method) {
        List<MockHttpServletRequestBuilder> out = new ArrayList<>();
        HttpMethod http = HttpMethod.valueOf(method.name());
        List<String> paths = pattern.contains("{")
                ? BAD_IDS.stream().map(id -> VARIABLE.matcher(pattern).replaceAll(id)).toList() : List.of(pattern);
        for (String path : paths) {
            out.add(MockMvcRequestBuilders.request(http, path));
        }
        String path = paths.getFirst();
        for (String value : BAD_VALUES) {
            MockHttpServletRequestBuilder form = MockMvcRequestBuilders.request(http, path)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED);
            FIELDS.forEach(f -> form.param(f, value));
            out.add(form);
        }
        if (method == RequestMethod.POST || method == RequestMethod.PUT) {
            for (String json : BAD_JSON) {
                out.add(MockMvcRequestBuilders.request(http, path).contentType(MediaType.APPLICATION_JSON).content(json));
            }
        }
        return out;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static List<RequestMethod> methods(RequestMappingInfo info) {
        var declared = info.getMethodsCondition().getMethods();
        return declared.isEmpty() ? List.of(RequestMethod.GET) : List.copyOf(declared);
    }
}

package org.oneseal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The {@link BadInputCorpus} against every mapped endpoint (the requests: {@link BadInputRequests}): all of
 * it as the demo account that gets furthest into the endpoint, a sample as another account and anonymously.
 * Never a 500, nor an exception that a container would turn into one.
 */
@IntegrationTest
class BadInputSweepTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    UserDetailsService users;

    @Test
    void theCorpusHasAtLeast200MalformedInputsInEveryCategoryOfTheIssue() {
        assertThat(BadInputCorpus.size()).isGreaterThanOrEqualTo(200);
        BadInputCorpus.categories().forEach((category, values) -> assertThat(values).as(category).hasSizeGreaterThan(2));
        assertThat(BadInputCorpus.files()).extracting(BadInputCorpus.BadFile::label)
                .contains("empty file", "zip bomb named .pdf", "HTML named .pdf", "PNG named .pdf", "over 10 MB");
        assertThat(BadInputCorpus.TRAVERSAL_NAMES).hasSizeGreaterThan(5);
    }

    @Test
    void noMalformedRequestMakesTheServerFail() throws Exception {
        RequestPostProcessor anonymous = r -> r;
        Sweep sweep = new Sweep();
        int endpoint = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : e.getKey().getPathPatternsCondition().getPatternValues()) {
                if (skipped(pattern)) {
                    continue;
                }
                for (RequestMethod method : methods(e.getKey())) {
                    BadInputRequests target = new BadInputRequests(HttpMethod.valueOf(method.name()), pattern, e.getValue(),
                            multipartOnly(e.getKey()), endpoint++);
                    RequestPostProcessor primary = user(users.loadUserByUsername(primaryUser(pattern)));
                    RequestPostProcessor other = user(users.loadUserByUsername(
                            primaryUser(pattern).equals("zhangsan") ? "admin" : "zhangsan"));
                    sweep.send(target.badIds(), primary);
                    List<BadInputRequests.Labelled> forms = target.formVariants();
                    sweep.send(forms, primary);
                    sweep.send(List.of(forms.getFirst(), forms.getLast()), other);
                    sweep.send(List.of(forms.getFirst(), forms.getLast()), anonymous);
                    sweep.send(target.badFieldNames(), primary);
                    if (target.body() != null) {
                        sweep.send(target.badJson(), primary);
                        sweep.send(target.badJson().subList(0, 3), anonymous);
                        sweep.send(target.wrongJsonTypes(), primary);
                        sweep.send(target.corpusInJson(), primary);
                    }
                }
            }
        }
        assertThat(sweep.requests).as("malformed requests sent").isGreaterThan(5000);
        assertThat(sweep.failures).isEmpty();
    }

    /**
     * The demo account that gets furthest into an endpoint (past the URL rules and the facade's authority
     * check): it receives the whole corpus; another account and an anonymous visitor get a sample.
     */
    static String primaryUser(String pattern) {
        if (pattern.startsWith("/me") || pattern.startsWith("/apply") || pattern.startsWith("/api/v1/cases/mine")
                || pattern.equals("/api/v1/cases") || pattern.startsWith("/api/v1/me")) {
            return "zhangsan";
        }
        if (pattern.startsWith("/audit") || pattern.startsWith("/api/v1/audit")) {
            return "auditor";
        }
        if (pattern.matches(".*/(decide|decision|review|extend|extension|assign|special-procedure.*)")) {
            return "chief01";
        }
        if (pattern.startsWith("/workbench/cases") || pattern.startsWith("/workbench/intake")
                || pattern.startsWith("/api/v1/cases") || pattern.startsWith("/api/v1/workbench")) {
            return "window01";
        }
        return "admin";
    }

    /** Sends requests, collecting every answer of 500 or more (and every exception a container would turn into one). */
    private final class Sweep {
        int requests;
        final Set<String> failures = new TreeSet<>();

        void send(List<BadInputRequests.Labelled> variants, RequestPostProcessor as) {
            for (BadInputRequests.Labelled v : variants) {
                requests++;
                try {
                    int status = mvc.perform(v.request().get().with(as).with(csrf())).andReturn().getResponse().getStatus();
                    if (status >= 500) {
                        failures.add(v.label() + " → " + status);
                    }
                } catch (Exception e) {
                    failures.add(v.label() + " → " + rootMessage(e));
                }
            }
        }
    }

    private static boolean skipped(String pattern) {
        return pattern.startsWith("/actuator") || pattern.startsWith("/v3") || pattern.startsWith("/swagger")
                || pattern.equals("/error") || pattern.equals("/logout");
    }

    private static boolean multipartOnly(RequestMappingInfo info) {
        var consumes = info.getConsumesCondition().getConsumableMediaTypes();
        return !consumes.isEmpty() && consumes.stream().allMatch(MediaType.MULTIPART_FORM_DATA::includes);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + BadInputRequests.shortened(String.valueOf(t.getMessage()));
    }

    private static List<RequestMethod> methods(RequestMappingInfo info) {
        var declared = info.getMethodsCondition().getMethods();
        return declared.isEmpty() ? List.of(RequestMethod.GET) : List.copyOf(declared);
    }
}

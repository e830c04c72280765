package org.oneseal.matter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The kept guide pages: who gets them, for how long, and what is never kept. */
class GuidePageCacheTests {

    private final AtomicInteger rendered = new AtomicInteger();
    private final MutableClock clock = new MutableClock();
    private final GuidePageCache cache = new GuidePageCache(Duration.ofSeconds(30), clock);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aVisitorGetsTheKeptPageUntilItsTimeRunsOutOrAVersionIsPublished() throws Exception {
        assertThat(get("/guide/7").getContentAsString()).isEqualTo("guide 1");
        MockHttpServletResponse again = get("/guide/7");
        assertThat(again.getContentAsString()).isEqualTo("guide 1");
        assertThat(again.getContentType()).startsWith("text/html");
        assertThat(rendered).hasValue(1);

        clock.now = clock.now.plusSeconds(31);
        assertThat(get("/guide/7").getContentAsString()).isEqualTo("guide 2");
        cache.clear();
        assertThat(get("/guide/7").getContentAsString()).isEqualTo("guide 3");
        assertThat(get("/guide/8").getContentAsString()).as("another matter").isEqualTo("guide 4");
    }

    @Test
    void eachLanguageHasItsOwnPage() throws Exception {
        get("/guide/7");
        MockHttpServletRequest english = request("/guide/7");
        english.setCookies(new Cookie("oneseal-lang", "en"));
        assertThat(run(english).getContentAsString()).isEqualTo("guide 2");
        assertThat(run(english).getContentAsString()).isEqualTo("guide 2");
        assertThat(get("/guide/7").getContentAsString()).isEqualTo("guide 1");
    }

    @Test
    void spellingsOfTheSameMatterAndLanguageShareOnePage() throws Exception {
        get("/guide/7");
        assertThat(get("/guide/007").getContentAsString()).isEqualTo("guide 1");
        MockHttpServletRequest english = request("/guide/7");
        english.setCookies(new Cookie("oneseal-lang", "en"));
        run(english);
        MockHttpServletRequest odd = request("/guide/7");
        odd.setCookies(new Cookie("oneseal-lang", "en_US"));
        assertThat(run(odd).getContentAsString()).isEqualTo("guide 2");
        MockHttpServletRequest junk = request("/guide/7");
        junk.setCookies(new Cookie("oneseal-lang", "xx-anything"));
        assertThat(run(junk).getContentAsString()).as("unknown languages fall back to zh-CN").isEqualTo("guide 1");
        assertThat(rendered).hasValue(2);
    }

    @Test
    void aPageRenderedWhileAVersionWasPublishedIsNotKept() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(request("/guide/7"), response, (req, res) -> {
            res.setContentType("text/html;charset=UTF-8");
            res.getOutputStream().write("old version".getBytes(StandardCharsets.UTF_8));
            cache.clear(); // the publication commits while the old version is being rendered
        });
        assertThat(response.getContentAsString()).isEqualTo("old version");
        assertThat(get("/guide/7").getContentAsString()).isEqualTo("guide 1");
    }

    @Test
    void signedInUsersQueriesOtherPagesAndFailuresAreNeverKept() throws Exception {
        MockHttpServletRequest withQuery = request("/guide/7");
        withQuery.setQueryString("lang=en");
        run(withQuery);
        run(withQuery);
        get("/guide");
        get("/guide");
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("zhangsan", null,
                List.of(new SimpleGrantedAuthority("kind:PERSON"))));
        get("/guide/9");
        get("/guide/9");
        SecurityContextHolder.clearContext();
        assertThat(rendered).hasValue(6);

        GuidePageCache failing = new GuidePageCache(Duration.ofSeconds(30), clock);
        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            failing.doFilter(request("/guide/404"), response, (req, res) -> {
                rendered.incrementAndGet();
                ((jakarta.servlet.http.HttpServletResponse) res).sendError(404);
            });
        }
        assertThat(rendered).hasValue(8);
    }

    private MockHttpServletResponse get(String path) throws Exception {
        return run(request(path));
    }

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        return request;
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
                    throws java.io.IOException {
                res.setContentType("text/html;charset=UTF-8");
                res.getOutputStream().write(("guide " + rendered.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
            }
        }));
        return response;
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-27T02:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

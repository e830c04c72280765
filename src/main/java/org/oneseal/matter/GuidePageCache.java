package org.oneseal.matter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public service guides are what citizens open most, and they change only when a version is published:
 * the page a visitor who is not signed in gets is kept for a short time ({@code oneseal.guide.page-cache-ttl},
 * 30 s by default) and served again without rendering it. Signed-in users (whose pages show their name and
 * carry a CSRF token), requests with a query (e.g. a language switch that sets a cookie) and anything but a
 * 200 are never cached. A publication on this node empties the cache at once; other nodes follow within the
 * time to live. Runs after Spring Security, so every answer still gets the security headers.
 */
@Component
class GuidePageCache extends OncePerRequestFilter {

    private static final Pattern GUIDE = Pattern.compile("/guide/(\\d{1,18})");
    private static final int MAX_ENTRIES = 5_000;

    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    /** Counts {@link #clear()}s: a page rendered across a clear may show the old version and is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private final Duration ttl;
    private final Clock clock;

    GuidePageCache(@Value("${oneseal.guide.page-cache-ttl:30s}") Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    private record Page(byte[] body, String contentType, Instant until) {
    }

    /** Drops every kept page (a version was published, changed or withdrawn). */
    void clear() {
        generation.incrementAndGet();
        pages.clear();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ttl.isZero() || !"GET".equals(request.getMethod()) || request.getQueryString() != null
                || !GUIDE.matcher(request.getRequestURI()).matches() || signedIn();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        java.util.regex.Matcher guide = GUIDE.matcher(request.getRequestURI());
        guide.matches(); // true: shouldNotFilter let only guide paths through
        // one entry per matter and language however the request spells them (/guide/007, odd cookie values)
        String key = Long.parseLong(guide.group(1)) + "|" + language(request);
        long renderedIn = generation.get();
        Instant now = clock.instant();
        Page page = pages.get(key);
        if (page != null && now.isBefore(page.until())) {
            response.setContentType(page.contentType());
            response.setContentLength(page.body().length);
            response.getOutputStream().write(page.body());
            return;
        }
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, capture);
        if (capture.getStatus() == HttpServletResponse.SC_OK && capture.getContentType() != null
                && capture.getContentType().startsWith("text/html") && !capture.containsHeader("Set-Cookie")
                && generation.get() == renderedIn) {
            if (pages.size() >= MAX_ENTRIES) {
                pages.clear();
            }
            pages.put(key, new Page(capture.getContentAsByteArray(), capture.getContentType(), now.plus(ttl)));
        }
        capture.copyBodyToResponse();
    }

    private static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /** The language the page is rendered in (only English and zh-CN are offered; the cookie decides). */
    private static String language(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if ("oneseal-lang".equals(c.getName()) && c.getValue() != null
                        && c.getValue().toLowerCase(java.util.Locale.ROOT).startsWith("en")) {
                    return "en";
                }
            }
        }
        return "zh";
    }
}

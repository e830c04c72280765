package org.oneseal.evaluation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Server-Timing: app;dur=<ms>} on the hall rating pages: the time the server spent on the request, security
 * and rendering included (the page — a few kilobytes — is held until it is complete, then sent with the header), so
 * that the hall's target ("under 100 ms server time") can be measured from outside, apart from the network and the
 * client's own queueing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class HallPageTiming extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/rate/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
        } finally {
            held.setHeader("Server-Timing", String.format(Locale.ROOT, "app;dur=%.1f",
                    (System.nanoTime() - start) / 1_000_000.0));
            held.copyBodyToResponse();
        }
    }
}

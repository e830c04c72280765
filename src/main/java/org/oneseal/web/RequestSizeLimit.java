package org.oneseal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses request bodies larger than {@code oneseal.web.max-body-size} (default 1 MB; uploads have
 * their own multipart limit) before anything reads them: 413, as problem+json for the API.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final MessageSource messages;
    private final LocaleResolver locales;

    RequestSizeLimit(@Value("${oneseal.web.max-body-size:1MB}") DataSize max, MessageSource messages,
            LocaleResolver locales) {
        this.maxBytes = max.toBytes();
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
        if (!multipart && request.getContentLengthLong() > maxBytes) {
            response.setStatus(413);
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.setContentType("application/problem+json;charset=UTF-8");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + text(request, "api.error.request")
                        + "\",\"status\":413,\"detail\":\"" + text(request, "api.error.toolarge.detail") + "\"}");
            } else {
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write(text(request, "error.413.text"));
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private String text(HttpServletRequest request, String key) {
        return messages.getMessage(key, null, key, locales.resolveLocale(request)).replace("\"", "'");
    }
}

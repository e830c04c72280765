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
 * Refuses request bodies larger than {@code oneseal.web.max-body-size} (default 1 MB) before anything reads
 * them, and uploads larger than the multipart request limit before anything else reads their parts (the
 * security filters look for the CSRF token there): 413 with a message saying what the limits are, as
 * problem+json for the API, instead of the container's bare error. Single files over the material limit
 * but under the request limit reach the application, which names them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final DataSize maxUpload;
    private final MessageSource messages;
    private final LocaleResolver locales;

    RequestSizeLimit(@Value("${oneseal.web.max-body-size:1MB}") DataSize max,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxUpload, MessageSource messages,
            LocaleResolver locales) {
        this.maxBytes = max.toBytes();
        this.maxUpload = maxUpload;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
        if (!multipart && request.getContentLengthLong() > maxBytes) {
            refuse(request, response, "api.error.toolarge.detail", "error.413.text");
            return;
        }
        if (multipart && (request.getContentLengthLong() > maxUpload.toBytes() || !partsWithinLimits(request))) {
            refuse(request, response, "api.error.upload.toolarge.detail", "error.413.upload");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Reads the parts now (the container keeps them for later), so that a request over the limits is refused
     * here; a request that is not proper multipart is left to the application, which answers 400.
     */
    private static boolean partsWithinLimits(HttpServletRequest request) throws IOException {
        try {
            request.getParts();
            return true;
        } catch (IllegalStateException | ServletException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
                if (message.contains("exceed") && (message.contains("size") || message.contains("length"))) {
                    return false;
                }
            }
            return true;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String apiKey, String pageKey)
            throws IOException {
        response.setStatus(413);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + text(request, "api.error.request")
                    + "\",\"status\":413,\"detail\":\"" + text(request, apiKey) + "\"}");
        } else {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(text(request, pageKey));
        }
    }

    private String text(HttpServletRequest request, String key) {
        Object[] limits = {maxUpload.toMegabytes() + "MB"};
        return messages.getMessage(key, limits, key, locales.resolveLocale(request)).replace("\"", "'");
    }
}

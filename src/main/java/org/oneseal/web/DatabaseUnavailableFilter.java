package org.oneseal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the database cannot be reached, a request that needs it answers 503 with {@code Retry-After} instead
 * of 500: problem+json for the API and the actuator, the page {@code error/503} for browsers (a page without
 * the layout, which asks the session and the account, both in the database). This filter sits before the
 * session filter and catches what escapes everything else: Spring Session and Spring Security reading the
 * session, page controllers, error pages. Inside Spring MVC the API's own handler answers the same.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    /** Before Spring Session's filter ({@code Integer.MIN_VALUE + 50}), after the request size limit. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ITemplateEngine templates;
    private final JsonMapper json;

    DatabaseUnavailableFilter(MessageSource messages, LocaleResolver locales, ITemplateEngine templates, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.templates = templates;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        guard(request, response, chain);
    }

    /** An error page rendered after this filter ran for the request (e.g. the database went away meanwhile). */
    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        guard(request, response, chain);
    }

    private void guard(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("database unreachable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(),
                    NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            respond(request, response);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private void respond(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locales.resolveLocale(request);
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (wantsJson(request)) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", text("api.error.unavailable", locale));
            problem.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            problem.put("detail", text("api.error.unavailable.detail", locale));
            problem.put("instance", request.getRequestURI());
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getWriter().write(json.writeValueAsString(problem));
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "frame-ancestors 'none'; object-src 'none'");
            response.getWriter().write(page(request, response, locale));
        }
    }

    private String page(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        try {
            var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                    .buildExchange(request, response);
            return templates.process("error/503", new WebContext(exchange, locale));
        } catch (RuntimeException e) {
            log.warn("could not render the 503 page: {}", e.getMessage());
            return "<!DOCTYPE html><title>503</title><p>" + text("error.503.text", locale) + "</p>";
        }
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}

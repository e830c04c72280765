package org.oneseal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Sets the user's language (zh-CN unless English was chosen) for the whole request, so that texts
 * written by filters (security, size limit) are in the same language as the pages.
 */
@Component
@Order(-104)
class LocaleContextFilter extends OncePerRequestFilter {

    private final LocaleResolver locales;

    LocaleContextFilter(LocaleResolver locales) {
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        try {
            chain.doFilter(request, response);
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }
}

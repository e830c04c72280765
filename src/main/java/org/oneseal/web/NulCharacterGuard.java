package org.oneseal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request parameters containing a NUL character (400): no text a person types contains one, and
 * PostgreSQL cannot store it. (A NUL inside a JSON body is refused by the database constraint handling.)
 */
@Component
@Order(-103)
class NulCharacterGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
        if (!multipart && request.getParameterMap().values().stream()
                .anyMatch(values -> java.util.Arrays.stream(values).anyMatch(v -> v.indexOf('\u0000') >= 0))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}

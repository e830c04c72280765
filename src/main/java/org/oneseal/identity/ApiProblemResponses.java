package org.oneseal.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 of the API as problem+json with a Chinese detail; denials are audited. */
@Component
class ApiProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final IdentityMessages messages;
    private final AuditLog audit;

    ApiProblemResponses(IdentityMessages messages, AuditLog audit) {
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(response, 401, messages.text("api.error.unauthorized"), messages.text("api.error.unauthorized.detail"),
                request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        audit.recordIndependently(AuditRecord.of("http.access", "Url", request.getMethod() + " " + request.getRequestURI())
                .outcome(AuditOutcome.DENIED).reason("missing authority"));
        write(response, 403, messages.text("api.error.forbidden"), messages.text("api.error.forbidden.detail"),
                request.getRequestURI());
    }

    static void write(HttpServletResponse response, int status, String title, String detail, String instance)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status
                + ",\"detail\":" + json(detail) + ",\"instance\":" + json(instance) + "}");
    }

    static String json(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '<' -> sb.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}

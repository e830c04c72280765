package org.oneseal.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.stereotype.Component;

/** A page the user may not open: audited, then the 403 error page. */
@Component
class PageAccessDenied implements AccessDeniedHandler {

    private final AuditLog audit;
    private final AccessDeniedHandlerImpl errorPage = new AccessDeniedHandlerImpl();

    PageAccessDenied(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        audit.recordIndependently(AuditRecord.of("http.access", "Url", request.getMethod() + " " + request.getRequestURI())
                .outcome(AuditOutcome.DENIED).reason("missing authority"));
        errorPage.handle(request, response, e);
    }
}

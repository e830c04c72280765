package org.oneseal.report;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused template over the API: 422 problem+json naming every placeholder that cannot be filled. */
@RestControllerAdvice(assignableTypes = ReportApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReportApiErrors {

    private final ReportMessages messages;

    ReportApiErrors(ReportMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TemplateRefused.class)
    ProblemDetail refused(TemplateRefused e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        p.setTitle(messages.text("report.api.refused"));
        p.setType(URI.create("about:blank"));
        p.setProperty("code", e.code());
        p.setProperty("unknown", e.unknown());
        p.setProperty("problems", e.problems());
        return p;
    }
}

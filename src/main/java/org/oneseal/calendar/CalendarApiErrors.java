package org.oneseal.calendar;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Malformed input of the calendar API answers 400 problem+json whose {@code detail} names the parameter
 * and says what is expected (the general handler would only say "cannot be parsed"). Everything else
 * (422 for a year without data) is left to the web module's handler.
 */
@RestControllerAdvice(assignableTypes = CalendarApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CalendarApiErrors {

    private final MessageSource messages;

    CalendarApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String key = LocalDate.class.equals(e.getRequiredType())
                ? "calendar.api.error.notADate" : "calendar.api.error.notAnInteger";
        return badRequest(e.getName(), text(key, e.getName(), shortened(e.getValue())));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return badRequest(e.getParameterName(), text("calendar.api.error.missing", e.getParameterName()));
    }

    @ExceptionHandler(CalendarParameterOutOfRange.class)
    ProblemDetail outOfRange(CalendarParameterOutOfRange e) {
        return badRequest(e.parameter(), text("calendar.api.error.range", e.parameter(),
                String.valueOf(-e.limit()), String.valueOf(e.limit()), String.valueOf(e.value())));
    }

    /** The rejected input as shown back to the caller: at most 40 characters. */
    static String shortened(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private ProblemDetail badRequest(String parameter, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(text("calendar.api.error.title"));
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", Map.of(parameter, detail));
        return problem;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}

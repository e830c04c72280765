package org.oneseal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.ConflictException;
import org.oneseal.shared.InvalidIdentifierException;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a REST controller becomes RFC 9457 problem+json with a readable Chinese {@code detail};
 * field errors are listed under {@code errors}. Nothing here ever answers 500 for bad input, nor while the
 * database is unreachable (503).
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 1) // before PageInputErrors
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ProblemDetail businessRule(BusinessRuleViolation e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "api.error.rule", e.getMessage());
        p.setProperty("code", e.code());
        return p;
    }

    /** A burst too large to serve at once: nothing done, retry shortly (503 with Retry-After). */
    @ExceptionHandler(org.oneseal.shared.TooBusyException.class)
    ResponseEntity<ProblemDetail> tooBusy(org.oneseal.shared.TooBusyException e) {
        ProblemDetail p = problem(HttpStatus.SERVICE_UNAVAILABLE, "api.error.busy", e.getMessage());
        p.setProperty("code", e.code());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2").body(p);
    }

    @ExceptionHandler(InvalidIdentifierException.class)
    ProblemDetail invalidIdentifier(InvalidIdentifierException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "api.error.invalid", e.getMessage());
        p.setProperty("code", e.messageKey());
        return p;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "api.error.invalid", e.getMessage());
        p.setProperty("errors", e.fieldErrors());
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "api.error.notfound", text("api.error.notfound.detail"));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "api.error.conflict", e.getMessage());
        if (e.field() != null) {
            p.setProperty("errors", Map.of(e.field(), e.getMessage()));
        }
        return p;
    }

    /** Not handled here on purpose: the security layer answers 403 problem+json and audits the denial. */
    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException e) {
        throw e;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraint(ConstraintViolationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getConstraintViolations().forEach(v -> errors.put(v.getPropertyPath().toString(), v.getMessage()));
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "api.error.invalid", String.join("；", errors.values()));
        p.setProperty("errors", errors);
        return p;
    }

    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ProblemDetail duplicate(org.springframework.dao.DuplicateKeyException e) {
        log.warn("duplicate key not caught by a facade: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "api.error.conflict", text("api.error.conflict.detail"));
    }

    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ProblemDetail integrity(org.springframework.dao.DataIntegrityViolationException e) {
        log.warn("data refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.BAD_REQUEST, "api.error.invalid", text("api.error.integrity.detail"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "api.error.invalid", e.getMessage());
    }

    /** The database cannot be reached (restart, failover): 503 with Retry-After, never 500. */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
        RecoverableDataAccessException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("database unreachable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(),
                NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailableFilter.RETRY_AFTER_SECONDS)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "api.error.unavailable",
                        text("api.error.unavailable.detail")));
    }

    /** Anything else is a fault of ours (500), unless a database outage hides inside (e.g. in Flowable's wrapper). */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseOutage.causedBy(e)) {
            return databaseUnavailable(e, request);
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError()
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "api.error.internal", text("api.error.internal.detail")));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError f : e.getBindingResult().getFieldErrors()) {
            errors.putIfAbsent(f.getField(), messages.getMessage(f, LocaleContextHolder.getLocale()));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.putIfAbsent(g.getObjectName(), messages.getMessage(g, LocaleContextHolder.getLocale())));
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "api.error.invalid",
                text("api.error.fields") + String.join("；", errors.entrySet().stream()
                        .map(en -> en.getKey() + "：" + en.getValue()).toList()));
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    /** A JSON value of the wrong type (text for a number, an unknown choice ...): the field and what it expects. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = InputTypes.unreadableJson(e, messages, LocaleContextHolder.getLocale());
        return errors.isEmpty() ? super.handleHttpMessageNotReadable(e, headers, status, request) : fieldErrors(errors);
    }

    /** A request parameter or path variable that cannot be converted: named, with what it expects. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        if (name == null) {
            return super.handleTypeMismatch(e, headers, status, request);
        }
        return fieldErrors(Map.of(name, InputTypes.expected(e.getRequiredType(), messages, LocaleContextHolder.getLocale())));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return fieldErrors(Map.of(e.getParameterName(), text("input.missing")));
    }

    /** Validation of method parameters, e.g. the items of a list body: each item's field, as {@code [0].description}. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String prefix = result.getContainerIndex() != null ? "[" + result.getContainerIndex() + "]"
                    : result.getMethodParameter().getParameterName();
            if (result instanceof ParameterErrors fields) {
                for (FieldError f : fields.getFieldErrors()) {
                    errors.putIfAbsent(join(prefix, f.getField()), messages.getMessage(f, LocaleContextHolder.getLocale()));
                }
            } else {
                result.getResolvableErrors().forEach(r -> errors.putIfAbsent(prefix == null ? "value" : prefix,
                        messages.getMessage(r, LocaleContextHolder.getLocale())));
            }
        }
        return errors.isEmpty() ? super.handleHandlerMethodValidationException(e, headers, status, request)
                : fieldErrors(errors);
    }

    private static String join(String prefix, String field) {
        return prefix == null || prefix.isEmpty() ? field : prefix + "." + field;
    }

    private ResponseEntity<Object> fieldErrors(Map<String, String> errors) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "api.error.invalid", text("api.error.fields")
                + String.join("；", errors.entrySet().stream().map(en -> en.getKey() + "：" + en.getValue()).toList()));
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail p) {
            p.setTitle(text(titleKey(status)));
            p.setDetail(text(detailKey(status)) + (p.getDetail() == null ? "" : "（" + p.getDetail() + "）"));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static String titleKey(HttpStatusCode status) {
        return status.is5xxServerError() ? "api.error.internal" : "api.error.request";
    }

    private static String detailKey(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "api.error.malformed.detail";
            case 404 -> "api.error.notfound.detail";
            case 405 -> "api.error.method.detail";
            case 406, 415 -> "api.error.mediatype.detail";
            case 413 -> "api.error.toolarge.detail";
            default -> "api.error.request.detail";
        };
    }

    private ProblemDetail problem(HttpStatus status, String titleKey, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(text(titleKey));
        p.setType(URI.create("about:blank"));
        return p;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}

package org.oneseal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page's request parameter that cannot be read (a tampered choice such as {@code grant=maybe}, letters
 * in a hidden number) or is missing: the 400 page names the field and what it expects, instead of a bare
 * "bad request". The API's handler (ordered before this one) answers REST controllers.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageInputErrors {

    private final MessageSource messages;

    PageInputErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView unreadable(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
        return page(response, text("input.page.invalid", e.getName(),
                InputTypes.expected(e.getRequiredType(), messages, LocaleContextHolder.getLocale())));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletResponse response) {
        return page(response, text("input.page.missing", e.getParameterName()));
    }

    private ModelAndView page(HttpServletResponse response, String detail) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        ModelAndView page = new ModelAndView("error/400");
        page.addObject("detail", detail);
        return page;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}

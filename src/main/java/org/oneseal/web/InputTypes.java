package org.oneseal.web;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/** What a field expects, in words, when the value sent cannot be read as its type. */
final class InputTypes {

    private InputTypes() {
    }

    /**
     * The field of a JSON body whose value has the wrong type ({@code grant}, {@code [0].description}), with
     * what it expects; empty when the body is not JSON at all (then there is no field to name).
     */
    static Map<String, String> unreadableJson(HttpMessageNotReadableException e, MessageSource messages, Locale locale) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        if (!(cause instanceof JacksonException json) || json.getPath().isEmpty()) {
            return Map.of();
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : json.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        Class<?> target = json instanceof MismatchedInputException m ? m.getTargetType() : null;
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(path.isEmpty() ? "body" : path.toString(), expected(target, messages, locale));
        return errors;
    }

    /** "must be a number", "one of: CITY, COUNTY", ... */
    static String expected(Class<?> type, MessageSource messages, Locale locale) {
        String key;
        Object[] args = {};
        if (type == null) {
            key = "input.type.other";
        } else if (type.isEnum()) {
            key = "input.type.choice";
            args = new Object[] {Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "))};
        } else if (type == Boolean.class || type == boolean.class) {
            key = "input.type.boolean";
        } else if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            key = "input.type.number";
        } else if (type == LocalDate.class || Temporal.class.isAssignableFrom(type)) {
            key = "input.type.date";
        } else if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            key = "input.type.text";
        } else if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            key = "input.type.list";
        } else {
            key = "input.type.object";
        }
        return messages.getMessage(key, args, key, locale);
    }
}

package org.oneseal.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Input that breaks a field rule found by the server (beyond bean validation): field name → readable
 * Chinese message. Pages show each message on its field; the API answers 400 problem+json with
 * {@code errors}. Nothing has been stored when this is thrown.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super(String.join("；", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(new LinkedHashMap<>(fieldErrors));
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** Collects field errors; {@link #throwIfAny()} throws them together. */
    public static final class Collector {
        private final Map<String, String> errors = new LinkedHashMap<>();

        public Collector add(String field, String message) {
            errors.putIfAbsent(field, message);
            return this;
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
        }
    }
}

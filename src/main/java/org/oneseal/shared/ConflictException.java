package org.oneseal.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The request clashes with existing data (duplicate registration, duplicate code ...): HTTP 409. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field the conflict is about, or null. */
    public String field() {
        return field;
    }
}

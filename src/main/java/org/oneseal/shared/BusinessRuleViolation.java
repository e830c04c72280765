package org.oneseal.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request that is well-formed but breaks a business rule (HTTP 422). The message is the readable
 * Chinese text shown to the user; {@code code} is a stable machine-readable name of the rule.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class BusinessRuleViolation extends RuntimeException {

    private final String code;

    public BusinessRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

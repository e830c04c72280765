package org.oneseal.shared;

/**
 * Too many requests of one kind at the same moment (a burst of bookings for the same slots): nothing was done; the
 * client may retry shortly. HTTP 503 with {@code Retry-After}; pages show the message like a refused rule.
 */
public class TooBusyException extends BusinessRuleViolation {

    public TooBusyException(String message) {
        super("busy", message);
    }
}

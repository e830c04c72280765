package org.oneseal.shared;

/** An identifier (ID card number, credit code ...) broke a rule; the message says which. */
public class InvalidIdentifierException extends IllegalArgumentException {

    private final String messageKey;

    public InvalidIdentifierException(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}

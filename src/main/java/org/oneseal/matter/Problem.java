package org.oneseal.matter;

/** One reason why a draft cannot be published or a row cannot be imported: a message key and its arguments. */
public record Problem(String field, String key, Object... args) {
}

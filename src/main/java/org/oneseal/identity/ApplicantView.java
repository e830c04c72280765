package org.oneseal.identity;

/** A person or enterprise account; identifiers masked unless revealed. */
public record ApplicantView(long id, AccountKind kind, String username, String name, String identifier,
                            String phone, boolean masked) {
}

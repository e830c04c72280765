package org.oneseal.identity;

/** A person's or enterprise's identity as another module needs it to open a case (not for display). */
public record ApplicantProfile(long accountId, AccountKind kind, String name, String identifier, String phone) {
}

package org.oneseal.notification;

/**
 * Where an applicant can be reached outside the portal. {@code phone} and {@code email} may be null (an
 * enterprise account has no phone of its own; identity keeps no e-mail address yet).
 */
record Recipient(long accountId, String phone, String email) {
}

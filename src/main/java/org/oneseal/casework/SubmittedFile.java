package org.oneseal.casework;

/** A file an applicant or window staff submits for one material requirement. */
public record SubmittedFile(String requirementCode, String fileName, String declaredContentType, byte[] content) {
}

package org.oneseal.seal;

/**
 * What a seal use is for: a dotted purpose such as {@code license.issue}, the case it belongs to (may be
 * null) and the id of the signed document (licence id, decision document id).
 */
public record SealUse(String purpose, Long caseId, String documentId) {

    public SealUse {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a seal use needs a purpose");
        }
    }
}

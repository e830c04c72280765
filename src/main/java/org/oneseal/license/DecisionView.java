package org.oneseal.license;

import java.time.Instant;

/** A signed decision document. */
public record DecisionView(String documentId, long caseId, boolean granted, Instant signedAt) {
}

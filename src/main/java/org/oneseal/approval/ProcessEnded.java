package org.oneseal.approval;

import java.time.Instant;

/** A case's process reached its end. */
public record ProcessEnded(long caseId, String processInstanceId, Instant at) {
}

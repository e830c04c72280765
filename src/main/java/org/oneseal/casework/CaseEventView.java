package org.oneseal.casework;

import java.time.Instant;

/** One entry of a case's timeline. */
public record CaseEventView(Instant at, String actor, String actingFor, String kind, CaseStatus status, String reason) {
}

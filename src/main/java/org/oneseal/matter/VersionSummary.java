package org.oneseal.matter;

import java.time.Instant;

/** One line of a matter's version history. */
public record VersionSummary(long versionId, int number, MatterVersionState state, String name, Instant updatedAt,
                             Instant publishedAt, Instant supersededAt) {
}

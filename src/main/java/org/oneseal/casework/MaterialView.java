package org.oneseal.casework;

import java.time.Instant;

/** A submitted material (without its bytes). */
public record MaterialView(long id, String requirementCode, String fileName, String contentType, long sizeBytes,
                           String sm3, Instant uploadedAt, String uploadedBy) {
}

package org.oneseal.matter;

import java.time.Instant;

/** 办事指南: the current published version of a matter with every element, as the public reads it. */
public record ServiceGuide(long matterId, long versionId, int versionNumber, String matterCode,
                           String implementationCode, long regionId, Instant publishedAt, MatterElements elements) {
}

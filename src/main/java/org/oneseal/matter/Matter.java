package org.oneseal.matter;

import java.time.Instant;

/** A matter's stable identity: national basic code, local implementation code and region. */
record Matter(long id, String matterCode, String implementationCode, long regionId, Instant createdAt) {
}

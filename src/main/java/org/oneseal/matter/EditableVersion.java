package org.oneseal.matter;

/** One version with its matter's identity, as the staff pages show and edit it. */
public record EditableVersion(long matterId, String matterCode, String implementationCode, long regionId,
                              long versionId, int number, MatterVersionState state, MatterElements elements) {
}

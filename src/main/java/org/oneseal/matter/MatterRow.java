package org.oneseal.matter;

/** One line of the staff list: a matter and its newest version. */
public record MatterRow(long matterId, String matterCode, String implementationCode, long regionId, long versionId,
                        int versionNumber, MatterVersionState state, String name, String departmentName,
                        boolean hasPublished) {
}

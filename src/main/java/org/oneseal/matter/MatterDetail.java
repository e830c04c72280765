package org.oneseal.matter;

import java.util.List;

/** A matter with its version history (newest first) and its draft's id, or null when it has none. */
public record MatterDetail(long matterId, String matterCode, String implementationCode, long regionId,
                           List<VersionSummary> versions, Long draftVersionId) {

    public VersionSummary published() {
        return versions.stream().filter(v -> v.state() == MatterVersionState.PUBLISHED).findFirst().orElse(null);
    }
}

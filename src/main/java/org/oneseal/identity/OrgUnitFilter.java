package org.oneseal.identity;

/** Filters of the org unit list; every field optional. */
public record OrgUnitFilter(Long regionId, OrgUnitKind kind, String text) {

    public static OrgUnitFilter none() {
        return new OrgUnitFilter(null, null, null);
    }
}

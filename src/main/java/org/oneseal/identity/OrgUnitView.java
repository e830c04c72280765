package org.oneseal.identity;

/** An org unit as other modules and the API see it. */
public record OrgUnitView(long id, long regionId, Long parentId, OrgUnitKind kind, WindowKind windowKind, String code,
                          String name, String description, int sortOrder, boolean active) {
}

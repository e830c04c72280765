package org.oneseal.identity;

/** A region as other modules and the API see it. */
public record RegionView(long id, String code, String name, RegionLevel level, Long parentId, int sortOrder,
                         boolean active) {
}

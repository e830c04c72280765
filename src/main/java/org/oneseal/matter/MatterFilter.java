package org.oneseal.matter;

/** Filters of the staff list; every field optional. {@code state} applies to the newest version. */
public record MatterFilter(Long regionId, Long departmentId, MatterVersionState state, String text) {
}

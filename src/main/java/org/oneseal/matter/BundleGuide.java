package org.oneseal.matter;

import java.util.List;

/**
 * 一件事 guide: the bundle, its member matters as published now, and the merged material list — a material several
 * members ask for (same name) is asked once and serves all of them.
 *
 * @param targetWorkingDays the bundle's promise in working days, or null
 * @param totalPromisedDays what the members promise added up (handled in parallel, the bundle's target is lower)
 */
public record BundleGuide(long bundleId, String code, String name, String description, long regionId,
                          Integer targetWorkingDays, boolean published, List<Member> members,
                          List<MergedMaterial> materials, int totalPromisedDays, int materialsBeforeMerge) {

    /** A member as published now. */
    public record Member(MatterVersionView matter, String departmentName, boolean carriedByLicence) {
    }

    /**
     * One material of the merged list: its name, whether any member calls it key or required, and the requirement
     * code it has in each member matter (matter id → code).
     */
    public record MergedMaterial(String name, boolean keyMaterial, boolean required,
                                 java.util.Map<Long, String> codes, List<String> usedBy) {

        /** The form field of this material in a bundle application. */
        public String field() {
            return "bm" + Integer.toHexString(name.hashCode() & 0x7fffffff);
        }
    }
}

package org.oneseal.matter;

import java.util.List;

/**
 * What an administrator gives for a bundle (一件事): its code, name and description, region, the target in working
 * days shown on its guide (optional), and its member matters in order, each perhaps carried by the business
 * licence (一照含证).
 */
public record BundleCommand(String code, String name, String description, Long regionId, Integer targetWorkingDays,
                            List<Member> members) {

    public BundleCommand {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** A member matter of the bundle. */
    public record Member(long matterId, boolean carriedByLicence) {
    }
}

package org.oneseal.identity;

import java.time.Instant;
import java.util.Set;

/** A staff account as the administrators see it. */
public record StaffAccountView(long id, String username, String displayName, long regionId, Long orgUnitId,
                               boolean cityWide, Set<Role> roles, boolean enabled, boolean locked,
                               boolean secondFactorEnrolled, Instant lastLoginAt) {
}

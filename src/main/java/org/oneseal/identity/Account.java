package org.oneseal.identity;

import java.time.Instant;
import java.util.Set;

/**
 * An account: staff member, person or enterprise. Lockout and second-factor state live here;
 * the methods refuse illegal moves.
 */
record Account(Long id, String username, String passwordHash, AccountKind kind, String displayName, Long regionId,
               Long orgUnitId, boolean cityWide, boolean enabled, int version, int failedAttempts, Instant lockedUntil,
               String totpSecret, Instant totpConfirmedAt, Long totpLastStep, Set<Role> roles) {

    Account {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        if (kind == AccountKind.STAFF && regionId == null) {
            throw new IllegalArgumentException("a staff account needs a home region");
        }
        if (kind != AccountKind.STAFF && !roles.isEmpty()) {
            throw new IllegalArgumentException("only staff accounts have roles");
        }
    }

    static Account newStaff(String username, String passwordHash, String displayName, long regionId, Long orgUnitId,
            boolean cityWide, Set<Role> roles) {
        return new Account(null, username, passwordHash, AccountKind.STAFF, displayName, regionId, orgUnitId, cityWide,
                true, 0, 0, null, null, null, null, roles);
    }

    static Account newApplicant(AccountKind kind, String username, String passwordHash, String displayName) {
        return new Account(null, username, passwordHash, kind, displayName, null, null, false, true, 0, 0, null, null,
                null, null, Set.of());
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    boolean hasConfirmedTotp() {
        return totpSecret != null && totpConfirmedAt != null;
    }

    boolean isStaff() {
        return kind == AccountKind.STAFF;
    }
}

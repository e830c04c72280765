package org.oneseal.identity;

import java.util.Optional;
import java.util.Set;
import org.oneseal.shared.DataScope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in account of the current request and its {@link DataScope}. */
@Component
public class CurrentUser {

    private final RegionManagement regions;

    CurrentUser(RegionManagement regions) {
        this.regions = regions;
    }

    public Optional<AccountPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof AccountPrincipal p)) {
            return Optional.empty();
        }
        // a staff member who has given only the password (mfa:pending) is not signed in yet
        boolean signedIn = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("kind:" + p.kind()));
        return signedIn ? Optional.of(p) : Optional.empty();
    }

    /** The data scope of the signed-in staff member; refuses anyone else. */
    public DataScope scope() {
        AccountPrincipal p = principal().filter(a -> a.kind() == AccountKind.STAFF && a.regionId() != null)
                .orElseThrow(() -> new AccessDeniedException("no staff member signed in"));
        return scopeOf(p);
    }

    /**
     * A county's staff see their county (and anything below it); city-level staff see 市本级 only, unless
     * their account has the city-wide view.
     */
    DataScope scopeOf(AccountPrincipal p) {
        boolean cityLevel = regions.get(p.regionId()).level() == RegionLevel.CITY;
        Set<Long> covered = cityLevel ? Set.of(p.regionId()) : regions.withDescendants(p.regionId());
        return new DataScope(p.regionId(), p.orgUnitId(), p.cityWide(), covered);
    }
}

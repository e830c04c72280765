package org.oneseal.identity;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in account, as kept in the (database-backed) session. Holds no personal data. */
public final class AccountPrincipal implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private final String displayName;
    private final AccountKind kind;
    private final Long regionId;
    private final Long orgUnitId;
    private final boolean cityWide;
    private final Set<Role> roles;
    private final boolean enabled;
    private final int version;
    private final Instant lockedUntil;
    private final Instant checkedAt;
    private String passwordHash;

    AccountPrincipal(Account account, Instant now) {
        this.accountId = account.id();
        this.username = account.username();
        this.displayName = account.displayName();
        this.kind = account.kind();
        this.regionId = account.regionId();
        this.orgUnitId = account.orgUnitId();
        this.cityWide = account.cityWide();
        this.roles = Set.copyOf(account.roles());
        this.enabled = account.enabled();
        this.version = account.version();
        this.lockedUntil = account.lockedUntil();
        this.checkedAt = now;
        this.passwordHash = account.passwordHash();
    }

    public long accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    public AccountKind kind() {
        return kind;
    }

    public Long regionId() {
        return regionId;
    }

    public Long orgUnitId() {
        return orgUnitId;
    }

    public boolean cityWide() {
        return cityWide;
    }

    /** The account's change counter when this principal was loaded: a change of rights ends the session. */
    int version() {
        return version;
    }

    public Set<Role> roles() {
        return roles;
    }

    /** Every authority the account has once fully signed in (staff: after the second factor). */
    List<GrantedAuthority> fullAuthorities() {
        java.util.ArrayList<GrantedAuthority> result = new java.util.ArrayList<>();
        result.add(new SimpleGrantedAuthority("kind:" + kind.name()));
        roles.forEach(role -> {
            result.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
            role.authorities().forEach(a -> result.add(new SimpleGrantedAuthority(a)));
        });
        return result.stream().distinct().toList();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return fullAuthorities();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || !lockedUntil.isAfter(checkedAt);
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountPrincipal other && other.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + username + "]";
    }
}

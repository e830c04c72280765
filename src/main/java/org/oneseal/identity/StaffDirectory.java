package org.oneseal.identity;

import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up staff members for the modules that hand work to them (assignment of cases ...). */
@Service
public class StaffDirectory {

    private final AccountRepository accounts;

    StaffDirectory(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** An enabled staff member by user name, with home region and roles. */
    @Transactional(readOnly = true)
    public Optional<StaffMember> find(String username) {
        if (username == null || username.isBlank() || username.length() > 40) {
            return Optional.empty();
        }
        return accounts.findByUsername(username.strip()).filter(Account::isStaff).filter(Account::enabled)
                .map(a -> new StaffMember(a.username(), a.displayName(), a.regionId(), a.orgUnitId(), a.cityWide(), a.roles(),
                        a.id()));
    }

    /** A staff member as other modules see it. */
    public record StaffMember(String username, String displayName, long regionId, Long orgUnitId, boolean cityWide,
                              Set<Role> roles, long accountId) {
    }
}

package org.oneseal.identity;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for the password step of the login. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountDetailsService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (username == null || username.isBlank() || username.length() > 40) {
            throw new UsernameNotFoundException("unknown");
        }
        return accounts.findByUsername(username.strip()).map(a -> new AccountPrincipal(a, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }
}

package org.oneseal.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose account changed since login (roles, region, scope, disabled, second factor
 * reset: every such change raises the account's version): the rights held in a session are never
 * older than the account. One primary-key read per signed-in request.
 */
class SessionFreshness extends OncePerRequestFilter {

    private final AccountRepository accounts;
    private final IdentityMessages messages;

    SessionFreshness(AccountRepository accounts, IdentityMessages messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal && !current(principal)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
            if (api) {
                ApiProblemResponses.write(response, 401, messages.text("identity.session.changed.title"),
                        messages.text("identity.session.changed.detail"), request.getRequestURI());
            } else {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean current(AccountPrincipal principal) {
        return accounts.freshness(principal.accountId())
                .map(state -> state[0] == principal.version() && state[1] == 1).orElse(false);
    }
}

package org.oneseal.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.session.InvalidSessionStrategy;
import org.springframework.stereotype.Component;

/**
 * The steps around the login form: after the password, staff go on to the second factor holding only
 * {@code mfa:pending}; persons and enterprises are signed in. Failures count towards the lockout.
 */
@Component
class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler,
        InvalidSessionStrategy {

    private final LoginAttempts attempts;
    private final SecurityContextRepository contexts;
    private final AuditLog audit;
    private final IdentityMessages messages;
    private final SavedRequestAwareAuthenticationSuccessHandler applicantTarget;

    LoginHandlers(LoginAttempts attempts, SecurityContextRepository contexts, AuditLog audit,
            IdentityMessages messages) {
        this.messages = messages;
        this.attempts = attempts;
        this.contexts = contexts;
        this.audit = audit;
        this.applicantTarget = new SavedRequestAwareAuthenticationSuccessHandler();
        this.applicantTarget.setDefaultTargetUrl("/me");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException, jakarta.servlet.ServletException {
        AccountPrincipal principal = (AccountPrincipal) auth.getPrincipal();
        if (principal.kind() != AccountKind.STAFF) {
            attempts.succeeded(principal, "password");
            applicantTarget.onAuthenticationSuccess(request, response, auth);
            return;
        }
        var pending = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(SecurityConfiguration.MFA_PENDING)));
        store(pending, request, response);
        audit.record(AuditRecord.of("identity.login.password", "Account", principal.accountId())
                .actor(principal.getUsername()).reason("password accepted; second factor required"));
        response.sendRedirect(request.getContextPath() + "/login/totp");
    }

    /** Replaces the authentication of this session (and so the rights of the user). */
    void store(Authentication auth, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        String username = request.getParameter("username");
        String outcome;
        if (e instanceof LockedException) {
            attempts.passwordFailed(username, "account locked");
            outcome = "locked";
        } else if (e instanceof DisabledException) {
            attempts.passwordFailed(username, "account disabled");
            outcome = "disabled";
        } else {
            outcome = attempts.passwordFailed(username, "bad credentials") ? "locked" : "error";
        }
        response.sendRedirect(request.getContextPath() + "/login?" + outcome);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication auth) {
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p) {
            audit.record(AuditRecord.of("identity.logout", "Account", p.accountId()).actor(p.getUsername()));
        }
    }

    /** A request with a session id the server no longer knows (expired or logged out elsewhere). */
    @Override
    public void onInvalidSessionDetected(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.getSession(true);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            ApiProblemResponses.write(response, 401, messages.text("identity.session.expired.title"),
                    messages.text("identity.session.expired.detail"), path);
        } else if ("GET".equals(request.getMethod()) && isPublicPage(path)) {
            String query = request.getQueryString();
            response.sendRedirect(request.getRequestURI() + (query == null ? "" : "?" + query));
        } else {
            response.sendRedirect(request.getContextPath() + "/login?expired");
        }
    }

    private static boolean isPublicPage(String path) {
        return path.equals("/") || path.equals("/login") || path.startsWith("/register") || path.startsWith("/css/")
                || path.startsWith("/webjars/") || path.startsWith("/api/v1/calendar/");
    }
}

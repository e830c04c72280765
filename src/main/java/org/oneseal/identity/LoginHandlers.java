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
    private final java.time.Clock clock;
    private final SavedRequestAwareAuthenticationSuccessHandler applicantTarget;

    LoginHandlers(LoginAttempts attempts, SecurityContextRepository contexts, AuditLog audit,
            IdentityMessages messages, java.time.Clock clock) {
        this.messages = messages;
        this.clock = clock;
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
            try {
                attempts.succeeded(principal, "password");
            } catch (RuntimeException e) { // no login without its audit entry
                SecurityContextHolder.clearContext();
                request.getSession().invalidate();
                throw e;
            }
            applicantTarget.onAuthenticationSuccess(request, response, auth);
            return;
        }
        request.getSession().removeAttribute(LoginController.ENROLMENT);
        request.getSession().setAttribute(LoginController.PENDING_SINCE, clockNow());
        var pending = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(SecurityConfiguration.MFA_PENDING)));
        store(pending, request, response);
        audit.record(AuditRecord.of("identity.login.password", "Account", principal.accountId())
                .actor(principal.getUsername()).reason("password accepted; second factor required"));
        response.sendRedirect(request.getContextPath() + "/login/totp");
    }

    private java.time.Instant clockNow() {
        return clock.instant();
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
        if (e instanceof LockedException) {
            attempts.passwordFailed(username, "account locked");
        } else if (e instanceof DisabledException) {
            attempts.passwordFailed(username, "account disabled");
        } else {
            attempts.passwordFailed(username, "bad credentials");
        }
        // one answer for every failure: the page does not tell whether a user name exists or is locked
        response.sendRedirect(request.getContextPath() + "/login?error");
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

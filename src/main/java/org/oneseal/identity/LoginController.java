package org.oneseal.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page and the second step of staff logins (TOTP code, enrolment, recovery codes). The second
 * step re-reads the account: a locked or disabled account, or a password step older than
 * {@link #PENDING_FOR}, ends the session instead of checking the code.
 */
@Controller
class LoginController {

    static final String ENROLMENT = "oneseal.totp.enrolment";
    static final String PENDING_SINCE = "oneseal.mfa.pendingSince";
    static final Duration PENDING_FOR = Duration.ofMinutes(5);

    private final SecondFactor secondFactor;
    private final LoginAttempts attempts;
    private final LoginHandlers handlers;
    private final AccountRepository accounts;
    private final Clock clock;
    private final boolean demo;

    LoginController(SecondFactor secondFactor, LoginAttempts attempts, LoginHandlers handlers,
            AccountRepository accounts, Clock clock, @Value("${oneseal.demo.enabled:false}") boolean demo) {
        this.secondFactor = secondFactor;
        this.attempts = attempts;
        this.handlers = handlers;
        this.accounts = accounts;
        this.clock = clock;
        this.demo = demo;
    }

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }

    @GetMapping("/login/totp")
    String totpForm(@AuthenticationPrincipal AccountPrincipal principal, HttpSession session, Model model) {
        Account account = usable(principal, session);
        if (account == null) {
            return "redirect:/login?error";
        }
        if (!account.hasConfirmedTotp()) {
            return "redirect:/login/totp/enrol";
        }
        if (demo) {
            model.addAttribute("demoCode", Totp.code(account.totpSecret(), Totp.step(clock.instant())));
        }
        return "identity/totp";
    }

    @PostMapping("/login/totp")
    String totpSubmit(@AuthenticationPrincipal AccountPrincipal principal, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Account account = usable(principal, request.getSession());
        if (account == null) {
            return "redirect:/login?error";
        }
        if (secondFactor.verify(principal.accountId(), code)) {
            signIn(account, "password+totp", request, response);
            return "redirect:/workbench";
        }
        if (attempts.secondFactorFailed(principal)) {
            request.getSession().invalidate();
            return "redirect:/login?error";
        }
        model.addAttribute("codeError", true);
        return totpForm(principal, request.getSession(), model);
    }

    @GetMapping("/login/totp/enrol")
    String enrolForm(@AuthenticationPrincipal AccountPrincipal principal, HttpSession session, Model model) {
        Account account = usable(principal, session);
        if (account == null) {
            return "redirect:/login?error";
        }
        if (account.hasConfirmedTotp()) {
            return "redirect:/login/totp";
        }
        SecondFactor.Enrolment enrolment = (SecondFactor.Enrolment) session.getAttribute(ENROLMENT);
        if (enrolment == null || enrolment.accountId() != principal.accountId()) {
            enrolment = secondFactor.startEnrolment(principal.accountId(), principal.getUsername());
            session.setAttribute(ENROLMENT, enrolment);
        }
        model.addAttribute("enrolment", enrolment);
        return "identity/totp-enrol";
    }

    @PostMapping("/login/totp/enrol")
    String enrolSubmit(@AuthenticationPrincipal AccountPrincipal principal, @RequestParam(defaultValue = "") String code,
            HttpSession session, HttpServletRequest request, HttpServletResponse response, Model model) {
        Account account = usable(principal, session);
        SecondFactor.Enrolment enrolment = (SecondFactor.Enrolment) session.getAttribute(ENROLMENT);
        if (account == null || account.hasConfirmedTotp() || enrolment == null
                || enrolment.accountId() != principal.accountId()) {
            return account == null ? "redirect:/login?error" : "redirect:/login/totp";
        }
        List<String> codes = secondFactor.confirmEnrolment(principal.accountId(), enrolment, code);
        if (codes.isEmpty()) {
            if (attempts.secondFactorFailed(principal)) {
                session.invalidate();
                return "redirect:/login?error";
            }
            model.addAttribute("codeError", true);
            model.addAttribute("enrolment", enrolment);
            return "identity/totp-enrol";
        }
        session.removeAttribute(ENROLMENT);
        signIn(accounts.findById(principal.accountId()).orElseThrow(), "password+totp (enrolled)", request, response);
        model.addAttribute("recoveryCodes", codes);
        return "identity/recovery-codes";
    }

    /** The account behind a pending login, or null (and the session ended) when it may not go on. */
    private Account usable(AccountPrincipal principal, HttpSession session) {
        Instant since = (Instant) session.getAttribute(PENDING_SINCE);
        Account account = accounts.findById(principal.accountId()).orElse(null);
        Instant now = clock.instant();
        if (account == null || !account.enabled() || account.isLockedAt(now) || since == null
                || since.plus(PENDING_FOR).isBefore(now)) {
            session.invalidate();
            return null;
        }
        return account;
    }

    private void signIn(Account account, String how, HttpServletRequest request, HttpServletResponse response) {
        AccountPrincipal fresh = new AccountPrincipal(account, clock.instant());
        attempts.succeeded(fresh, how);
        request.changeSessionId();
        request.getSession().removeAttribute(PENDING_SINCE);
        handlers.store(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.fullAuthorities()),
                request, response);
    }
}

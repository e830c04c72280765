package org.oneseal.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page and the second step of staff logins (TOTP code, enrolment, recovery codes). */
@Controller
class LoginController {

    private static final String ENROLMENT = "oneseal.totp.enrolment";

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
    String totpForm(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        Account account = accounts.findById(principal.accountId()).orElseThrow();
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
        if (secondFactor.verify(principal.accountId(), code)) {
            signIn(principal, "password+totp", request, response);
            return "redirect:/workbench";
        }
        if (attempts.secondFactorFailed(principal)) {
            request.getSession().invalidate();
            return "redirect:/login?locked";
        }
        model.addAttribute("codeError", true);
        return totpForm(principal, model);
    }

    @GetMapping("/login/totp/enrol")
    String enrolForm(@AuthenticationPrincipal AccountPrincipal principal, HttpSession session, Model model) {
        if (accounts.findById(principal.accountId()).map(Account::hasConfirmedTotp).orElse(false)) {
            return "redirect:/login/totp";
        }
        SecondFactor.Enrolment enrolment = (SecondFactor.Enrolment) session.getAttribute(ENROLMENT);
        if (enrolment == null) {
            enrolment = secondFactor.startEnrolment(principal.getUsername());
            session.setAttribute(ENROLMENT, enrolment);
        }
        model.addAttribute("enrolment", enrolment);
        return "identity/totp-enrol";
    }

    @PostMapping("/login/totp/enrol")
    String enrolSubmit(@AuthenticationPrincipal AccountPrincipal principal, @RequestParam(defaultValue = "") String code,
            HttpSession session, HttpServletRequest request, HttpServletResponse response, Model model) {
        SecondFactor.Enrolment enrolment = (SecondFactor.Enrolment) session.getAttribute(ENROLMENT);
        if (enrolment == null) {
            return "redirect:/login/totp/enrol";
        }
        List<String> codes = secondFactor.confirmEnrolment(principal.accountId(), enrolment.secret(), code);
        if (codes.isEmpty()) {
            if (attempts.secondFactorFailed(principal)) {
                session.invalidate();
                return "redirect:/login?locked";
            }
            model.addAttribute("codeError", true);
            model.addAttribute("enrolment", enrolment);
            return "identity/totp-enrol";
        }
        session.removeAttribute(ENROLMENT);
        signIn(principal, "password+totp (enrolled)", request, response);
        model.addAttribute("recoveryCodes", codes);
        return "identity/recovery-codes";
    }

    private void signIn(AccountPrincipal principal, String how, HttpServletRequest request,
            HttpServletResponse response) {
        request.changeSessionId();
        handlers.store(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.fullAuthorities()),
                request, response);
        attempts.succeeded(principal, how);
    }
}

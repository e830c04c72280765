package org.oneseal.identity;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A citizen's or enterprise's own page; personal data shown masked. */
@Controller
class MeController {

    private final ApplicantProfiles profiles;

    MeController(ApplicantProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/me")
    String me(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        model.addAttribute("profile", profiles.of(principal.accountId()));
        model.addAttribute("agents", profiles.agents(principal.accountId()));
        return "identity/me";
    }
}

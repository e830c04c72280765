package org.oneseal.identity;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import jakarta.validation.Valid;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A citizen's or enterprise's own page; personal data shown masked. */
@Controller
class MeController {

    private final ApplicantProfiles profiles;
    private final EnterpriseAgents agents;

    MeController(ApplicantProfiles profiles, EnterpriseAgents agents) {
        this.profiles = profiles;
        this.agents = agents;
    }

    @GetMapping("/me")
    String me(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        model.addAttribute("form", new AgentForm("", "", null));
        return page(principal, model);
    }

    @PostMapping("/me/agents")
    String addAgent(@AuthenticationPrincipal AccountPrincipal principal, @Valid @ModelAttribute("form") AgentForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        result = RegistrationController.FormErrors.keep(model, "form", form, result);
        if (principal.kind() != AccountKind.ENTERPRISE) {
            throw new org.springframework.security.access.AccessDeniedException("only enterprises have agents");
        }
        if (!result.hasErrors() && RegistrationController.FormErrors.apply(result,
                () -> agents.add(principal.accountId(), form))) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/me";
        }
        if (model.getAttribute("form") == null) {
            model.addAttribute("form", new AgentForm("", "", null));
        }
        return page(principal, model);
    }

    @PostMapping("/me/agents/{id}/revoke")
    String revokeAgent(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            RedirectAttributes redirect) {
        agents.revoke(principal.accountId(), id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/me";
    }

    private String page(AccountPrincipal principal, Model model) {
        model.addAttribute("profile", profiles.of(principal.accountId()));
        model.addAttribute("agents", profiles.agents(principal.accountId()));
        return "identity/me";
    }
}

package org.oneseal.identity;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The staff workbench home and the staff member's own security settings. */
@Controller
class WorkbenchController {

    private final RegionManagement regions;
    private final CurrentUser currentUser;
    private final SecondFactor secondFactor;

    WorkbenchController(RegionManagement regions, CurrentUser currentUser, SecondFactor secondFactor) {
        this.regions = regions;
        this.currentUser = currentUser;
        this.secondFactor = secondFactor;
    }

    @GetMapping("/workbench")
    String workbench(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        model.addAttribute("user", principal);
        model.addAttribute("scope", currentUser.scope());
        model.addAttribute("regionName", regions.get(principal.regionId()).name());
        return "identity/workbench";
    }

    @GetMapping("/workbench/security")
    String security() {
        return "identity/security";
    }

    @PostMapping("/workbench/security/recovery-codes")
    String newRecoveryCodes(@AuthenticationPrincipal AccountPrincipal principal,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String code, Model model) {
        List<String> codes = secondFactor.regenerateRecoveryCodes(principal.accountId(), code);
        if (codes.isEmpty()) {
            model.addAttribute("codeError", true);
            return "identity/security";
        }
        model.addAttribute("recoveryCodes", codes);
        return "identity/recovery-codes";
    }
}

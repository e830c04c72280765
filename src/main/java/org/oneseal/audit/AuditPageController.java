package org.oneseal.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The auditor's pages: browse and filter the log, verify the chain. Permissions live on {@link AuditTrail}. */
@Controller
@RequestMapping("/audit")
class AuditPageController {

    private final AuditTrail trail;
    private final CurrentDataScope scope;

    AuditPageController(AuditTrail trail, CurrentDataScope scope) {
        this.trail = trail;
        this.scope = scope;
    }

    @GetMapping
    String log(@ModelAttribute("filter") AuditFilterForm filter, Model model) {
        AuditFilterForm.Checked checked = filter.check();
        model.addAttribute("errors", checked.errors());
        model.addAttribute("outcomes", AuditOutcome.values());
        if (checked.valid()) {
            AuditPage page = trail.search(checked.query(), scope.get());
            model.addAttribute("page", page);
            model.addAttribute("next", page.hasMore() ? filter.before(page.nextBeforeSeq()) : null);
        }
        return "audit/log";
    }

    @GetMapping("/verify")
    String verifyPage(Model model) {
        model.addAttribute("lastExport", trail.lastExport().orElse(null));
        model.addAttribute("head", trail.head());
        return "audit/verify";
    }

    @PostMapping("/verify")
    String verify(RedirectAttributes redirect) {
        redirect.addFlashAttribute("verification", trail.verify());
        return "redirect:/audit/verify";
    }
}

package org.oneseal.casework;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 帮办代办 in the portal: the applicant's mandates, each of which they may end. */
@Controller
class MandatePages {

    private final AgentMandates mandates;

    MandatePages(AgentMandates mandates) {
        this.mandates = mandates;
    }

    @GetMapping("/me/mandates")
    String list(Model model) {
        model.addAttribute("mandates", mandates.mine());
        return "casework/mandates";
    }

    @PostMapping("/me/mandates/{id}/end")
    String end(@PathVariable long id, RedirectAttributes redirect) {
        mandates.end(id);
        redirect.addFlashAttribute("ended", true);
        return "redirect:/me/mandates";
    }
}

package org.oneseal.casework;

import org.oneseal.identity.CurrentUser;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 窗口收件: window staff choose a matter of their region and take the application for an applicant. */
@Controller
@PreAuthorize("hasAuthority('casework:intake')")
class IntakePages {

    private final MatterCatalogue catalogue;
    private final CaseIntake intake;
    private final CurrentUser currentUser;

    IntakePages(MatterCatalogue catalogue, CaseIntake intake, CurrentUser currentUser) {
        this.catalogue = catalogue;
        this.intake = intake;
        this.currentUser = currentUser;
    }

    @GetMapping("/workbench/intake")
    String form(@RequestParam(required = false) Long matterId, Model model) {
        var scope = currentUser.scope();
        // a cancelled approval (证照分离 CANCELLED) is not taken in any more
        // and city-wide / cross-province matters of other regions, received here for the competent office (通办)
        model.addAttribute("matters", catalogue.published(null).stream()
                .filter(m -> scope.covers(m.regionId()) || m.receivableElsewhere())
                .filter(m -> m.reformMode() != org.oneseal.matter.ReformMode.CANCELLED).toList());
        if (matterId != null) {
            model.addAttribute("matter", catalogue.currentPublished(matterId)
                    .filter(m -> scope.covers(m.regionId()) || m.receivableElsewhere())
                    .orElseThrow(() -> new NotFoundException("matter " + matterId)));
        }
        return "casework/intake";
    }

    @PostMapping("/workbench/intake")
    String take(@RequestParam Long matterId, @RequestParam(defaultValue = "") String applicantIdentifier,
            @RequestParam(defaultValue = "") String applicantName, @RequestParam(required = false) String phone,
            @RequestParam(required = false) java.util.List<String> defer,
            @RequestParam(required = false) String deferralDue, @RequestParam(required = false) Boolean deferralCommitment,
            @RequestParam(required = false) Boolean commitment, @RequestParam(required = false) String commitmentNotice,
            @RequestParam(required = false) String deliverAt,
            jakarta.servlet.http.HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            CaseView c = intake.intake(new WindowIntake(matterId, applicantIdentifier, applicantName, phone, deliverAt),
                    Uploads.of(request), CaseDeferrals.Deferral.parse(defer, deferralDue, deferralCommitment),
                    new CaseCommitments.Choice(Boolean.TRUE.equals(commitment), commitmentNotice));
            redirect.addFlashAttribute("done", true);
            return "redirect:/workbench/cases/" + c.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("applicantIdentifier", applicantIdentifier);
            model.addAttribute("applicantName", applicantName);
            model.addAttribute("phone", phone);
            return form(matterId, model);
        }
    }
}

package org.oneseal.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.oneseal.identity.CurrentUser;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 帮办代办 pages. In the portal: the applicant's mandates, each of which they may end. In the workbench: the staff
 * member's own mandates (active first), recording one, and acting under one — apply for the applicant, answer a
 * correction notice, hand in deferred materials.
 */
@Controller
class MandatePages {

    private final AgentMandates mandates;
    private final MatterCatalogue catalogue;
    private final CurrentUser currentUser;
    private final Clock clock;

    MandatePages(AgentMandates mandates, MatterCatalogue catalogue, CurrentUser currentUser, Clock clock) {
        this.mandates = mandates;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.clock = clock;
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

    /** The staff member's mandates with the cases done under each and links to act; the form to record one. */
    @GetMapping("/workbench/mandates")
    @PreAuthorize("hasAuthority('casework:intake')")
    String staffList(Model model) {
        var scope = currentUser.scope();
        model.addAttribute("work", mandates.myWork());
        model.addAttribute("matters", catalogue.published(null).stream().filter(m -> scope.covers(m.regionId()))
                .filter(m -> m.reformMode() != org.oneseal.matter.ReformMode.CANCELLED).toList());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("latest", LocalDate.now(clock).plusDays(AgentMandates.MAX_DAYS));
        model.addAttribute("maxDays", AgentMandates.MAX_DAYS);
        return "casework/staff-mandates";
    }

    @PostMapping("/workbench/mandates")
    @PreAuthorize("hasAuthority('casework:intake')")
    String record(@RequestParam(defaultValue = "") String applicantIdentifier,
            @RequestParam(defaultValue = "") String applicantName, @RequestParam(required = false) Long matterId,
            @RequestParam(required = false) String purpose, @RequestParam(required = false) String validUntil,
            Model model, RedirectAttributes redirect) {
        LocalDate until = null;
        try {
            until = validUntil == null || validUntil.isBlank() ? null : LocalDate.parse(validUntil.strip());
        } catch (java.time.format.DateTimeParseException e) {
            until = null; // reported as a missing date
        }
        try {
            AgentMandates.Mandate m = mandates.grant(new AgentMandates.MandateRequest(applicantIdentifier, applicantName,
                    matterId, purpose, until));
            redirect.addFlashAttribute("recorded", true);
            return "redirect:/workbench/mandates/" + m.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("applicantIdentifier", applicantIdentifier);
            model.addAttribute("applicantName", applicantName);
            model.addAttribute("matterId", matterId);
            model.addAttribute("purpose", purpose);
            model.addAttribute("validUntil", validUntil);
            return staffList(model);
        }
    }

    /** One mandate of the staff member: the forms to apply and to take the applicant's steps on their cases. */
    @GetMapping("/workbench/mandates/{id}")
    @PreAuthorize("hasAuthority('casework:intake')")
    String staffMandate(@PathVariable long id, Model model) {
        AgentMandates.MandateWork work = mandates.work(id);
        model.addAttribute("work", work);
        catalogue.currentPublished(work.mandate().matterId()).ifPresent(m -> model.addAttribute("matter", m));
        return "casework/staff-mandate";
    }

    @PostMapping("/workbench/mandates/{id}/applications")
    @PreAuthorize("hasAuthority('casework:intake')")
    String apply(@PathVariable long id, @RequestParam(required = false) String phone,
            jakarta.servlet.http.HttpServletRequest request, Model model, RedirectAttributes redirect) {
        model.addAttribute("phone", phone);
        return underMandate(id, "apply", "applied", model, redirect, () -> mandates.apply(id, phone, Uploads.of(request)));
    }

    @PostMapping("/workbench/mandates/{id}/cases/{caseId}/correction")
    @PreAuthorize("hasAuthority('casework:intake')")
    String correct(@PathVariable long id, @PathVariable long caseId, @RequestParam(required = false) String note,
            jakarta.servlet.http.HttpServletRequest request, Model model, RedirectAttributes redirect) {
        return underMandate(id, "correction-" + caseId, "corrected", model, redirect,
                () -> mandates.answerCorrection(id, caseId, Uploads.of(request), note));
    }

    @PostMapping("/workbench/mandates/{id}/cases/{caseId}/deferred-materials")
    @PreAuthorize("hasAuthority('casework:intake')")
    String supply(@PathVariable long id, @PathVariable long caseId, jakarta.servlet.http.HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        return underMandate(id, "supply-" + caseId, "supplied", model, redirect,
                () -> mandates.supplyMaterials(id, caseId, Uploads.of(request)));
    }

    /**
     * Runs a move under the mandate: back to the mandate with the case number done; or the mandate page with the
     * field errors on the form that was sent ({@code form}), or with the refusal.
     */
    private String underMandate(long id, String form, String flash, Model model, RedirectAttributes redirect,
            Supplier<CaseView> move) {
        try {
            redirect.addFlashAttribute(flash, move.get().caseNumber());
            return "redirect:/workbench/mandates/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("errorForm", form);
            return staffMandate(id, model);
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
            return staffMandate(id, model);
        }
    }
}

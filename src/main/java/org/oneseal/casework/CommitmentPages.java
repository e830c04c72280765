package org.oneseal.casework;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 告知承诺核查: the chief's list of checks in the region, each with the form for its result. */
@Controller
class CommitmentPages {

    private final CaseCommitments commitments;

    CommitmentPages(CaseCommitments commitments) {
        this.commitments = commitments;
    }

    @GetMapping("/workbench/verifications")
    String list(Model model) {
        model.addAttribute("verifications", commitments.verifications());
        return "casework/verifications";
    }

    @PostMapping("/workbench/verifications/{id}")
    String conclude(@PathVariable long id, @RequestParam(required = false) Boolean passed,
            @RequestParam(required = false) String findings, @RequestParam(required = false) String consequence,
            @RequestParam(required = false) String correctionDue, Model model, RedirectAttributes redirect) {
        try {
            commitments.conclude(id, new CaseCommitments.Outcome(passed, findings, consequence, date(correctionDue)));
            redirect.addFlashAttribute("done", true);
            return "redirect:/workbench/verifications";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
        }
        model.addAttribute("failedId", id);
        return list(model);
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

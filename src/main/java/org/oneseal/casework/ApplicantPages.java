package org.oneseal.casework;

import org.oneseal.matter.MatterCatalogue;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The applicant's pages: apply for a matter, my cases, a case with its timeline, correction. */
@Controller
class ApplicantPages {

    private final MatterCatalogue catalogue;
    private final CaseIntake intake;
    private final CaseCorrection correction;
    private final CaseQueries queries;

    ApplicantPages(MatterCatalogue catalogue, CaseIntake intake, CaseCorrection correction, CaseQueries queries) {
        this.catalogue = catalogue;
        this.intake = intake;
        this.correction = correction;
        this.queries = queries;
    }

    @GetMapping("/apply/{matterId}")
    String form(@PathVariable long matterId, Model model) {
        model.addAttribute("matter", catalogue.currentPublished(matterId)
                .orElseThrow(() -> new NotFoundException("matter " + matterId)));
        return "casework/apply";
    }

    @PostMapping("/apply/{matterId}")
    String apply(@PathVariable long matterId, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String note, @RequestParam(required = false) String submissionKey,
            MultipartHttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            CaseView c = intake.apply(new Application(matterId, phone, note), Uploads.of(request.getMultiFileMap()),
                    submissionKey);
            redirect.addFlashAttribute("submitted", true);
            return "redirect:/me/cases/" + c.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("phone", phone);
            model.addAttribute("note", note);
            return form(matterId, model);
        }
    }

    @GetMapping("/me/cases")
    String myCases(Model model) {
        model.addAttribute("cases", queries.myCases());
        return "casework/my-cases";
    }

    @GetMapping("/me/cases/{id}")
    String myCase(@PathVariable long id, Model model) {
        model.addAttribute("detail", queries.myCase(id));
        return "casework/my-case";
    }

    @PostMapping("/me/cases/{id}/correction")
    String correct(@PathVariable long id, @RequestParam(required = false) String note,
            MultipartHttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            correction.submit(id, Uploads.of(request.getMultiFileMap()), note);
            redirect.addFlashAttribute("corrected", true);
            return "redirect:/me/cases/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            return myCase(id, model);
        }
    }
}

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The applicant's pages: apply for a matter, my cases, a case with its timeline, correction. */
@Controller
class ApplicantPages {

    private final MatterCatalogue catalogue;
    private final CaseIntake intake;
    private final CaseCorrection correction;
    private final CaseQueries queries;
    private final org.oneseal.license.Licensing licensing;

    private final CaseDeferrals deferrals;
    private final CaseCommitments commitments;

    ApplicantPages(CaseCommitments commitments, MatterCatalogue catalogue, CaseIntake intake, CaseCorrection correction, CaseQueries queries,
            org.oneseal.license.Licensing licensing, CaseDeferrals deferrals) {
        this.deferrals = deferrals;
        this.commitments = commitments;
        this.catalogue = catalogue;
        this.intake = intake;
        this.correction = correction;
        this.queries = queries;
        this.licensing = licensing;
    }

    /** The applicant downloads the electronic licence of their granted case (a signed PDF). */
    @GetMapping("/me/cases/{id}/licence.pdf")
    org.springframework.http.ResponseEntity<byte[]> licence(@PathVariable long id) {
        queries.myCase(id);
        String licenceId = licensing.licenceOfCase(id).map(org.oneseal.license.LicenceView::licenceId)
                .orElseThrow(() -> new NotFoundException("licence of case " + id)); // the current version, after a change
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + licenceId + ".pdf\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(licensing.licencePdf(licenceId));
    }

    @GetMapping("/apply/{matterId}")
    String form(@PathVariable long matterId, @RequestParam(required = false) Long draft, Model model) {
        if (draft != null) {
            CaseDetail detail = queries.myCase(draft);
            if (detail.summary().status() != CaseStatus.DRAFT || detail.summary().matterId() != matterId) {
                throw new NotFoundException("draft " + draft);
            }
            model.addAttribute("draft", detail);
        }
        model.addAttribute("matter", catalogue.currentPublished(matterId)
                .orElseThrow(() -> new NotFoundException("matter " + matterId)));
        model.addAttribute("usableLicences", intake.licencesForMaterials(matterId));
        commitments.notice(matterId).ifPresent(n -> {
            model.addAttribute("notice", n);
            model.addAttribute("commitmentBarred", commitments.myIneligibility().orElse(null));
        });
        return "casework/apply";
    }

    /** Submit, or with {@code action=draft} keep the application as a draft (保存草稿). */
    /** The decision document (准予/不予许可决定书) of the applicant's case, signed under the seal. */
    @GetMapping("/me/cases/{id}/decision.pdf")
    org.springframework.http.ResponseEntity<byte[]> decision(@PathVariable long id) {
        String documentId = queries.myCase(id).summary().decisionDocumentId();
        if (documentId == null) {
            throw new NotFoundException("decision of case " + id);
        }
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + documentId + ".pdf\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(licensing.decisionPdf(documentId));
    }

    @PostMapping("/apply/{matterId}")
    String apply(@PathVariable long matterId, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String note, @RequestParam(required = false) String submissionKey,
            @RequestParam(required = false) Long draftId, @RequestParam(defaultValue = "submit") String action,
            @RequestParam(required = false) java.util.List<String> defer, @RequestParam(required = false) String deferralDue,
            @RequestParam(required = false) Boolean deferralCommitment,
            @RequestParam(required = false) Boolean commitment, @RequestParam(required = false) String commitmentNotice,
            jakarta.servlet.http.HttpServletRequest request, Model model, RedirectAttributes redirect) {
        var files = new java.util.ArrayList<>(Uploads.of(request));
        try {
            files.addAll(intake.electronicLicences(matterId, licenceChoices(request)));
            if ("draft".equals(action)) {
                CaseView d = intake.saveDraft(new Application(matterId, phone, note), files, draftId);
                redirect.addFlashAttribute("draftSaved", true);
                return "redirect:/apply/" + matterId + "?draft=" + d.id();
            }
            CaseView c = draftId != null ? intake.submitDraft(draftId, files)
                    : intake.apply(new Application(matterId, phone, note), files, submissionKey,
                            CaseDeferrals.Deferral.parse(defer, deferralDue, deferralCommitment),
                            new CaseCommitments.Choice(Boolean.TRUE.equals(commitment), commitmentNotice));
            redirect.addFlashAttribute("submitted", true);
            return "redirect:/me/cases/" + c.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("phone", phone);
            model.addAttribute("note", note);
            return form(matterId, draftId, model);
        } catch (org.oneseal.shared.BusinessRuleViolation e) {
            model.addAttribute("errors", java.util.Map.of("application", e.getMessage()));
            model.addAttribute("phone", phone);
            model.addAttribute("note", note);
            return form(matterId, null, model);
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
        commitments.signed(id).ifPresent(s -> model.addAttribute("signedNotice", s));
        return "casework/my-case";
    }

    /** 补交容缺材料. */
    @PostMapping("/me/cases/{id}/deferred-materials")
    String supply(@PathVariable long id, jakarta.servlet.http.HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        return onOwnCase(id, model, redirect, "supplied", () -> deferrals.supply(id, Uploads.of(request)));
    }

    /** Runs an applicant's move on their case: back to the case with a flash, or the case page with the refusal. */
    private String onOwnCase(long id, Model model, RedirectAttributes redirect, String flash, Runnable move) {
        try {
            move.run();
            redirect.addFlashAttribute(flash, true);
            return "redirect:/me/cases/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            return myCase(id, model);
        } catch (org.oneseal.shared.BusinessRuleViolation e) {
            model.addAttribute("errors", java.util.Map.of("case", e.getMessage()));
            return myCase(id, model);
        }
    }

    @PostMapping("/me/cases/{id}/correction")
    String correct(@PathVariable long id, @RequestParam(required = false) String note,
            jakarta.servlet.http.HttpServletRequest request, Model model, RedirectAttributes redirect) {
        return onOwnCase(id, model, redirect, "corrected", () -> correction.submit(id, Uploads.of(request), note));
    }

    /** Parameters {@code useLicence.<materialCode>=<licenceId>}: electronic licences standing for uploads (免证办). */
    static java.util.Map<String, String> licenceChoices(jakarta.servlet.http.HttpServletRequest request) {
        java.util.Map<String, String> choices = new java.util.LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("useLicence.") && values.length > 0 && !values[0].isBlank()) {
                choices.put(name.substring("useLicence.".length()), values[0]);
            }
        });
        return choices;
    }
}

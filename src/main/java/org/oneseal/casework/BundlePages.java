package org.oneseal.casework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oneseal.matter.Bundles;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 一件事 for the applicant: the one form, the application's page with its combined correction notice. */
@Controller
class BundlePages {

    private final BundleApplications applications;
    private final Bundles bundles;

    BundlePages(BundleApplications applications, Bundles bundles) {
        this.applications = applications;
        this.bundles = bundles;
    }

    @GetMapping("/apply/bundle/{bundleId}")
    String form(@PathVariable long bundleId, Model model) {
        model.addAttribute("b", bundles.guide(bundleId).orElseThrow(() -> new NotFoundException("bundle " + bundleId)));
        return "casework/bundle-apply";
    }

    @PostMapping("/apply/bundle/{bundleId}")
    String apply(@PathVariable long bundleId, jakarta.servlet.http.HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        Map<String, SubmittedFile> files = new HashMap<>();
        Uploads.of(request).forEach(f -> files.put(f.requirementCode(), f));
        try {
            BundleApplications.BundleCase c = applications.apply(bundleId, files);
            redirect.addFlashAttribute("submitted", true);
            return "redirect:/me/bundles/" + c.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            return form(bundleId, model);
        }
    }

    @GetMapping("/me/bundles")
    String mine(Model model) {
        model.addAttribute("applications", applications.mine());
        return "casework/my-bundles";
    }

    @GetMapping("/me/bundles/{id}")
    String application(@PathVariable long id, Model model) {
        model.addAttribute("a", applications.mine(id));
        return "casework/my-bundle";
    }

    /** One answer to the combined correction notice: files {@code file.<caseId>.<code>} and a note. */
    @PostMapping("/me/bundles/{id}/correction")
    String correct(@PathVariable long id, @RequestParam(required = false) String note,
            jakarta.servlet.http.HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Map<Long, List<SubmittedFile>> byCase = new HashMap<>();
        try {
            for (SubmittedFile f : Uploads.of(request)) {
                String[] parts = f.requirementCode().split("\\.", 2);
                if (parts.length != 2 || !parts[0].matches("\\d{1,18}")) {
                    throw InvalidInputException.of("materials", f.requirementCode());
                }
                byCase.computeIfAbsent(Long.parseLong(parts[0]), k -> new java.util.ArrayList<>())
                        .add(new SubmittedFile(parts[1], f.fileName(), f.declaredContentType(), f.content()));
            }
            applications.correct(id, byCase, note);
            redirect.addFlashAttribute("corrected", true);
            return "redirect:/me/bundles/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
        } catch (BusinessRuleViolation e) {
            model.addAttribute("errors", Map.of("bundle", e.getMessage()));
        }
        return application(id, model);
    }
}

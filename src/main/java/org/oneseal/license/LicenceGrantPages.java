package org.oneseal.license;

import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 免证办 pages: the holder's licences, grants and pulls; the window's pull by QR or one-time code. */
@Controller
class LicenceGrantPages {

    private final LicenceGrants grants;

    LicenceGrantPages(LicenceGrants grants) {
        this.grants = grants;
    }

    @GetMapping("/me/licences")
    String mine(Model model) {
        model.addAttribute("licences", grants.myLicences());
        model.addAttribute("grants", grants.myGrants());
        model.addAttribute("pulls", grants.myPulls());
        model.addAttribute("windows", grants.windows());
        return "license/my-licences";
    }

    @PostMapping("/me/licences/grants")
    String grant(@RequestParam(required = false) String licenceId, @RequestParam(required = false) Long windowUnitId,
            @RequestParam(required = false) String purpose, @RequestParam(required = false) Integer validHours,
            Model model, RedirectAttributes redirect) {
        try {
            LicenceGrants.GrantView g = grants.grant(licenceId, windowUnitId, purpose, validHours);
            redirect.addFlashAttribute("created", g.id());
            return "redirect:/me/licences";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("failedLicence", licenceId);
            return mine(model);
        }
    }

    @PostMapping("/me/licences/grants/{id}/revoke")
    String revoke(@PathVariable long id) {
        grants.revoke(id);
        return "redirect:/me/licences";
    }

    @GetMapping("/workbench/licence-pull")
    String pullForm(@RequestParam(required = false) String credential, Model model) {
        if (credential != null && !credential.isBlank()) { // a scanned QR code opens the page with its token
            return pull(credential, model);
        }
        return "license/pull";
    }

    @PostMapping("/workbench/licence-pull")
    String pull(@RequestParam(required = false) String credential, Model model) {
        try {
            model.addAttribute("pulled", grants.pull(credential));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
        } catch (BusinessRuleViolation e) {
            model.addAttribute("errors", java.util.Map.of("credential", e.getMessage()));
        }
        return "license/pull";
    }

    @PostMapping("/workbench/licence-pull/pdf")
    ResponseEntity<byte[]> pdf(@RequestParam long grantId) {
        byte[] pdf = grants.pulledPdf(grantId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("licence.pdf").build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf);
    }
}

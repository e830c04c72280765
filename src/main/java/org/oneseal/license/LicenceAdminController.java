package org.oneseal.license;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oneseal.shared.BusinessRuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff page /admin/licences/{id}: change, renew, revoke, download the PDF — for holders of license:manage,
 * and only for licences issued in their region.
 */
@Controller
@RequestMapping("/admin/licences/{id}")
@org.springframework.security.access.prepost.PreAuthorize("hasAuthority('license:manage')")
class LicenceAdminController {

    private final Licensing licensing;
    private final LicenceScope scope;

    LicenceAdminController(Licensing licensing, LicenceScope scope) {
        this.licensing = licensing;
        this.scope = scope;
    }

    /** Runs before every handler of this controller: the licence must lie in the caller's region. */
    @org.springframework.web.bind.annotation.ModelAttribute
    void inScope(@org.springframework.web.bind.annotation.PathVariable String id) {
        scope.check(id);
    }

    @GetMapping
    String page(@PathVariable String id, Model model) {
        model.addAttribute("licence", licensing.licence(id));
        return "license/admin";
    }

    @GetMapping("/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        byte[] file = licensing.licencePdf(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(id + ".pdf").build().toString())
                .body(file);
    }

    @PostMapping("/revoke")
    String revoke(@PathVariable String id, @RequestParam String reason, RedirectAttributes redirect) {
        return attempt(id, redirect, () -> licensing.revoke(id, reason));
    }

    @PostMapping("/renew")
    String renew(@PathVariable String id, @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate validFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate validUntil,
            @RequestParam String reason, RedirectAttributes redirect) {
        return attempt(id, redirect, () -> licensing.renew(id, validFrom, validUntil, reason));
    }

    @PostMapping("/change")
    String change(@PathVariable String id, @RequestParam String particulars, @RequestParam String reason,
            RedirectAttributes redirect) {
        return attempt(id, redirect, () -> licensing.change(id, parse(particulars), reason));
    }

    /** One particular per line, "名称=内容"; a line without "=" is kept whole as a name, which the rules refuse. */
    static Map<String, String> parse(String lines) {
        Map<String, String> particulars = new LinkedHashMap<>();
        for (String line : lines.split("\\R")) {
            if (!line.isBlank()) {
                int equals = line.indexOf('=');
                particulars.put(equals < 0 ? line.strip() : line.substring(0, equals).strip(),
                        equals < 0 ? "" : line.substring(equals + 1).strip());
            }
        }
        return particulars;
    }

    private String attempt(String id, RedirectAttributes redirect, java.util.function.Supplier<LicenceView> action) {
        try {
            LicenceView result = action.get();
            redirect.addFlashAttribute("done", result.licenceId());
            return "redirect:/admin/licences/" + result.licenceId();
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/admin/licences/" + id;
        }
    }
}

package org.oneseal.complaint;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.oneseal.identity.RegionManagement;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 办不成事 for everyone: the report form (online, or opened from the hall's QR code with {@code via=qr}), the page
 * with the tracking code, and following a report by its code (posted, so that the code stays out of addresses).
 */
@Controller
class PublicComplaintPages {

    private final Complaints complaints;
    private final RegionManagement regions;
    private final MatterCatalogue matters;
    private final ReportLimit limit;

    PublicComplaintPages(Complaints complaints, RegionManagement regions, MatterCatalogue matters, ReportLimit limit) {
        this.complaints = complaints;
        this.regions = regions;
        this.matters = matters;
        this.limit = limit;
    }

    @GetMapping("/complaints/new")
    String form(@RequestParam(required = false) Long region, @RequestParam(required = false) String via, Model model) {
        model.addAttribute("regions", regions.all());
        model.addAttribute("region", region);
        model.addAttribute("via", "qr".equals(via) ? "qr" : "online");
        model.addAttribute("categories", List.copyOf(new java.util.TreeSet<>(Complaints.CATEGORIES)));
        model.addAttribute("matters", matters.published(region));
        return "complaint/report";
    }

    @PostMapping("/complaints/new")
    String report(@RequestParam(required = false) Long regionId, @RequestParam(required = false) String category,
            @RequestParam(required = false) String description, @RequestParam(required = false) Long matterId,
            @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String via, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        try {
            limit.check(request.getRemoteAddr());
            Complaints.Received received = complaints.report(new Complaints.Report(regionId, category, description,
                    matterId, name, phone), "qr".equals(via));
            redirect.addFlashAttribute("trackingCode", received.trackingCode());
            redirect.addFlashAttribute("dueOn", received.dueOn().toString());
            return "redirect:/complaints/submitted";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
        }
        model.addAttribute("description", description);
        model.addAttribute("selectedCategory", category);
        return form(regionId, via, model);
    }

    @GetMapping("/complaints/submitted")
    String submitted(Model model) {
        if (!model.containsAttribute("trackingCode")) {
            return "redirect:/complaints/track";
        }
        return "complaint/submitted";
    }

    @GetMapping("/complaints/track")
    String trackForm() {
        return "complaint/track";
    }

    @PostMapping("/complaints/track")
    String track(@RequestParam(required = false) String code, Model model) {
        complaints.track(code).ifPresentOrElse(t -> model.addAttribute("tracking", t),
                () -> model.addAttribute("notFound", true));
        return "complaint/track";
    }
}

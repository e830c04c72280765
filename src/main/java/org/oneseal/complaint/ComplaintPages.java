package org.oneseal.complaint;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.identity.RegionManagement;
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

/** 办不成事 on the workbench: the list, each complaint with the form of its next steps, window entry, routing rules. */
@Controller
class ComplaintPages {

    private final Complaints complaints;
    private final ComplaintRouting routing;
    private final RegionManagement regions;
    private final OrganisationManagement organisation;
    private final MatterCatalogue matters;
    private final CurrentUser currentUser;

    ComplaintPages(Complaints complaints, ComplaintRouting routing, RegionManagement regions,
            OrganisationManagement organisation, MatterCatalogue matters, CurrentUser currentUser) {
        this.complaints = complaints;
        this.routing = routing;
        this.regions = regions;
        this.organisation = organisation;
        this.matters = matters;
        this.currentUser = currentUser;
    }

    @GetMapping("/workbench/complaints")
    String list(@RequestParam(required = false) String state, Model model) {
        String s = state == null || !List.of("OPEN", "CLOSED", "ALL").contains(state) ? "OPEN" : state;
        model.addAttribute("state", s);
        model.addAttribute("items", complaints.list(s));
        return "complaint/list";
    }

    @GetMapping("/workbench/complaints/{id}")
    String detail(@PathVariable long id, Model model) {
        Complaints.Item item = complaints.get(id);
        model.addAttribute("item", item);
        var upwards = complaints.regionAndAbove(item.regionId());
        model.addAttribute("offices", organisation.list(currentUser.scope(),
                org.oneseal.identity.OrgUnitFilter.none()).stream()
                .filter(u -> u.active() && upwards.contains(u.regionId())).toList());
        model.addAttribute("categories", List.copyOf(new java.util.TreeSet<>(Complaints.CATEGORIES)));
        model.addAttribute("matters", matters.published(item.regionId()));
        return "complaint/detail";
    }

    @PostMapping("/workbench/complaints/{id}/{step}")
    String step(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String coordinator, @RequestParam(required = false) String deadline,
            @RequestParam(required = false) String category, @RequestParam(required = false) Long matterId,
            @RequestParam(required = false) Long officeId, @RequestParam(required = false) String request,
            @RequestParam(required = false) Integer workingDays, @RequestParam(required = false) Long chaseId,
            @RequestParam(required = false) String reply, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String answer, @RequestParam(required = false) String wayForward,
            @RequestParam(required = false) String result, @RequestParam(required = false) String note,
            Model model, RedirectAttributes redirect) {
        try {
            switch (step) {
                case "triage" -> complaints.triage(id, kind, coordinator, date(deadline));
                case "correction" -> complaints.correct(id, category, matterId);
                case "chase" -> complaints.chase(id, officeId, request, workingDays);
                case "reply" -> complaints.reply(id, chaseId == null ? -1 : chaseId, reply);
                case "answer" -> complaints.answer(id, outcome, answer, wayForward);
                case "callback" -> complaints.callback(id, result, note);
                case "closure" -> complaints.close(id);
                default -> throw new org.oneseal.shared.NotFoundException("step " + step);
            }
            redirect.addFlashAttribute("done", true);
            return "redirect:/workbench/complaints/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
        }
        return detail(id, model);
    }

    @GetMapping("/workbench/complaints/new")
    @PreAuthorize("hasAuthority('complaint:receive')")
    String newForm(Model model) {
        var scope = currentUser.scope();
        model.addAttribute("regions", regions.all().stream().filter(r -> scope.covers(r.id())).toList());
        model.addAttribute("categories", List.copyOf(new java.util.TreeSet<>(Complaints.CATEGORIES)));
        model.addAttribute("matters", matters.published(null).stream().filter(m -> scope.covers(m.regionId())).toList());
        return "complaint/receive";
    }

    @PostMapping("/workbench/complaints")
    @PreAuthorize("hasAuthority('complaint:receive')")
    String receive(@RequestParam(required = false) Long regionId, @RequestParam(required = false) String category,
            @RequestParam(required = false) String description, @RequestParam(required = false) Long matterId,
            @RequestParam(required = false) String name, @RequestParam(required = false) String phone, Model model,
            RedirectAttributes redirect) {
        try {
            Complaints.Received r = complaints.receiveAtWindow(new Complaints.Report(regionId, category, description,
                    matterId, name, phone));
            redirect.addFlashAttribute("trackingCode", r.trackingCode());
            return "redirect:/workbench/complaints/" + r.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            return newForm(model);
        }
    }

    @GetMapping("/workbench/complaint-rules")
    @PreAuthorize("hasAuthority('complaint:manage')")
    String rules(Model model) {
        model.addAttribute("rules", routing.list());
        var scope = currentUser.scope();
        model.addAttribute("regions", regions.all().stream().filter(r -> scope.covers(r.id())).toList());
        model.addAttribute("categories", List.copyOf(new java.util.TreeSet<>(Complaints.CATEGORIES)));
        model.addAttribute("regionNames", regions.all().stream().collect(java.util.stream.Collectors.toMap(
                r -> r.id(), r -> r.name())));
        return "complaint/rules";
    }

    @PostMapping("/workbench/complaint-rules")
    @PreAuthorize("hasAuthority('complaint:manage')")
    String createRule(@RequestParam(required = false) Integer position, @RequestParam(required = false) Long regionId,
            @RequestParam(required = false) Long matterId, @RequestParam(required = false) String category,
            @RequestParam(required = false) String coordinator, Model model, RedirectAttributes redirect) {
        try {
            routing.create(new ComplaintRouting.RuleRequest(position, regionId, null, matterId, category, coordinator));
            redirect.addFlashAttribute("done", true);
            return "redirect:/workbench/complaint-rules";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            return rules(model);
        }
    }

    @PostMapping("/workbench/complaint-rules/{id}/deactivation")
    @PreAuthorize("hasAuthority('complaint:manage')")
    String deactivate(@PathVariable long id) {
        routing.deactivate(id);
        return "redirect:/workbench/complaint-rules";
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

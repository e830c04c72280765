package org.oneseal.partybuilding;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The party organisation's pages on the workbench: the tree, an organisation, a member (and one's own record). */
@Controller
class PartyPages {

    private final PartyOrganisation organisation;
    private final PartyAccess access;
    private final java.time.Clock clock;

    PartyPages(PartyOrganisation organisation, PartyAccess access, java.time.Clock clock) {
        this.organisation = organisation;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/workbench/party")
    String overview(Model model) {
        List<PartyOrganisation.Org> tree = organisation.tree();
        model.addAttribute("tree", tree);
        model.addAttribute("depth", depths(tree));
        model.addAttribute("me", organisation.me().orElse(null));
        model.addAttribute("managing", access.managing());
        model.addAttribute("settingUp", access.managing() && access.settingUp() && tree.isEmpty());
        return "partybuilding/overview";
    }

    @GetMapping("/workbench/party/orgs/{id}")
    String org(@PathVariable long id, Model model) {
        PartyOrganisation.Org org = organisation.org(id);
        model.addAttribute("org", org);
        model.addAttribute("children", organisation.tree().stream().filter(o -> Long.valueOf(id).equals(o.parentId()))
                .toList());
        model.addAttribute("members", organisation.members(id));
        model.addAttribute("roles", organisation.roles(id));
        model.addAttribute("managing", access.managing());
        model.addAttribute("childKind", switch (org.kind()) {
            case "GROUP" -> "ORGAN_COMMITTEE";
            case "ORGAN_COMMITTEE" -> "BRANCH";
            case "BRANCH" -> "CELL";
            default -> null;
        });
        model.addAttribute("today", LocalDate.now(clock));
        return "partybuilding/org";
    }

    @PostMapping("/workbench/party/orgs")
    String create(@RequestParam(required = false) Long parentId, @RequestParam String kind, @RequestParam String name,
            @RequestParam(required = false) String foundedOn, Model model, RedirectAttributes redirect) {
        return attempt(() -> {
            PartyOrganisation.Org o = organisation.create(new PartyOrganisation.NewOrg(parentId, kind, name,
                    date(foundedOn)));
            return "redirect:/workbench/party/orgs/" + o.id();
        }, model, () -> parentId == null ? overview(model) : org(parentId, model));
    }

    @PostMapping("/workbench/party/orgs/{id}/members")
    String admit(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) String username,
            @RequestParam String category, @RequestParam(required = false) String joinedPartyOn,
            @RequestParam(required = false) String since, @RequestParam String how,
            @RequestParam(required = false) String cameFrom, Model model) {
        var admission = new PartyOrganisation.Admission(name, username, category, date(joinedPartyOn), date(since), how,
                cameFrom);
        model.addAttribute("admitForm", admission); // a refused form is shown again as it was filled in
        return attempt(() -> {
            var m = organisation.admit(id, admission);
            return "redirect:/workbench/party/members/" + m.member().id();
        }, model, () -> org(id, model));
    }

    @GetMapping("/workbench/party/members/{id}")
    String member(@PathVariable long id, Model model) {
        PartyOrganisation.MemberDetail detail = organisation.member(id);
        model.addAttribute("detail", detail);
        boolean managing = access.managing() && detail.member().orgId() != null
                && access.visibleOrgs().contains(detail.member().orgId());
        model.addAttribute("managing", managing);
        if (managing) {
            model.addAttribute("orgs", organisation.tree());
        }
        return "partybuilding/member";
    }

    @GetMapping("/workbench/party/me")
    String me(Model model, RedirectAttributes redirect) {
        return organisation.me().map(d -> "redirect:/workbench/party/members/" + d.member().id())
                .orElse("redirect:/workbench/party");
    }

    @PostMapping("/workbench/party/members/{id}/{action}")
    String change(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) Long orgId,
            @RequestParam(required = false) String on, @RequestParam(required = false) String wentTo,
            @RequestParam(required = false) String role, Model model) {
        // a refused form is shown again as it was filled in (not reset to the first organisation and role)
        model.addAttribute("changeForm", new ChangeForm(action, orgId, on, wentTo, role));
        return attempt(() -> {
            switch (action) {
                case "move" -> organisation.move(id, orgId == null ? -1 : orgId, date(on));
                case "transfer-out" -> organisation.transferOut(id, date(on), wentTo);
                case "roles" -> organisation.assignRole(id, orgId == null ? -1 : orgId, role, date(on));
                default -> throw new org.oneseal.shared.NotFoundException("action " + action);
            }
            return "redirect:/workbench/party/members/" + id;
        }, model, () -> member(id, model));
    }

    /** What a member page's form (move, transfer-out, roles) sent, to show it again when refused. */
    record ChangeForm(String action, Long orgId, String on, String wentTo, String role) {
    }

    @PostMapping("/workbench/party/roles/{id}/end")
    String endRole(@PathVariable long id, @RequestParam long member, @RequestParam(required = false) String until,
            Model model) {
        return attempt(() -> {
            organisation.endRole(id, date(until));
            return "redirect:/workbench/party/members/" + member;
        }, model, () -> member(member, model));
    }

    /** Runs a form's action: its redirect, or the page again with the field errors or the refusal. */
    static String attempt(Supplier<String> action, Model model, Supplier<String> again) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("problem", String.join(" ", e.fieldErrors().values()));
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
        }
        return again.get();
    }

    /** A date of a form; null when empty or not a date (the facade then says what is missing). */
    static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Map<Long, Integer> depths(List<PartyOrganisation.Org> tree) {
        Map<Long, Integer> depth = new HashMap<>();
        for (PartyOrganisation.Org o : tree) { // parents come first
            depth.put(o.id(), o.parentId() == null ? 0 : depth.getOrDefault(o.parentId(), 0) + 1);
        }
        return depth;
    }
}

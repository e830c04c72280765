package org.oneseal.partybuilding;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Compliance pages: one branch in a period, and every branch the caller sees (the organ committee: all). */
@Controller
class CompliancePages {

    private final Compliance compliance;
    private final PartyFrequencies frequencies;

    CompliancePages(Compliance compliance, PartyFrequencies frequencies) {
        this.compliance = compliance;
        this.frequencies = frequencies;
    }

    @GetMapping("/workbench/party/orgs/{id}/compliance")
    String branch(@PathVariable long id, @RequestParam(required = false) String period, Model model) {
        Period p = period(period, model);
        model.addAttribute("c", compliance.branch(id, p.code()));
        periods(p, model);
        return "partybuilding/compliance";
    }

    @GetMapping("/workbench/party/compliance")
    String all(@RequestParam(required = false) String period, Model model) {
        Period p = period(period, model);
        var branches = compliance.all(p.code());
        model.addAttribute("branches", branches);
        model.addAttribute("kinds", java.util.Arrays.stream(MeetingKind.values())
                .filter(k -> frequencies.of(k) != PartyFrequencies.Frequency.NONE).map(Enum::name).toList());
        periods(p, model);
        return "partybuilding/compliance-overview";
    }

    /** The period asked for; an unreadable one: the current quarter, with the message why. */
    private Period period(String code, Model model) {
        try {
            return compliance.period(code);
        } catch (org.oneseal.shared.InvalidInputException e) {
            model.addAttribute("problem", String.join(" ", e.fieldErrors().values()));
            return compliance.period(null);
        }
    }

    private static void periods(Period p, Model model) {
        model.addAttribute("period", p.code());
        model.addAttribute("previous", p.previous().code());
        model.addAttribute("next", p.next().code());
    }
}

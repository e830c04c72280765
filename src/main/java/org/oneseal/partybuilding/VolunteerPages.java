package org.oneseal.partybuilding;

import static org.oneseal.partybuilding.PartyPages.date;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The workbench pages of volunteer duty: an organisation's rosters and hours, a roster with its members on duty. */
@Controller
class VolunteerPages {

    private final VolunteerRosters rosters;
    private final VolunteerDuty duty;
    private final PartyRecords records;

    VolunteerPages(VolunteerRosters rosters, VolunteerDuty duty, PartyRecords records) {
        this.rosters = rosters;
        this.duty = duty;
        this.records = records;
    }

    @GetMapping("/workbench/party/orgs/{id}/rosters")
    String rosters(@PathVariable long id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        LocalDate today = records.today();
        String shownFrom = from == null ? today.withDayOfYear(1).toString() : from;
        String shownTo = to == null ? today.toString() : to;
        model.addAttribute("org", records.organisation().org(id));
        model.addAttribute("rosters", rosters.ofOrg(id));
        model.addAttribute("managing", records.access().managing() && records.access().visibleOrgs().contains(id));
        model.addAttribute("placeKinds", VolunteerRosters.PLACE_KINDS);
        model.addAttribute("from", shownFrom);
        model.addAttribute("to", shownTo);
        return RecordForms.attempt(() -> {
            model.addAttribute("hours", duty.hours(id, date(shownFrom), date(shownTo)));
            return "partybuilding/rosters";
        }, model, () -> "partybuilding/rosters");
    }

    @PostMapping("/workbench/party/orgs/{id}/rosters")
    String create(@PathVariable long id, @RequestParam(required = false) String place,
            @RequestParam(required = false) String placeKind, @RequestParam(required = false) String startsOn,
            @RequestParam(required = false) String endsOn, @RequestParam(required = false) List<String> shiftName,
            @RequestParam(required = false) List<String> shiftStart, @RequestParam(required = false) List<String> shiftEnd,
            Model model) {
        return RecordForms.attempt(() -> {
            VolunteerRosters.Roster r = rosters.create(id, new VolunteerRosters.NewRoster(place, placeKind,
                    date(startsOn), date(endsOn), RecordForms.shifts(shiftName, shiftStart, shiftEnd)));
            return "redirect:/workbench/party/volunteer-rosters/" + r.id();
        }, model, () -> rosters(id, null, null, model));
    }

    @GetMapping("/workbench/party/volunteer-rosters/{id}")
    String roster(@PathVariable long id, Model model) {
        VolunteerRosters.Roster roster = rosters.visible(id);
        model.addAttribute("roster", roster);
        List<VolunteerDuty.Duty> duties = duty.ofRoster(id);
        Map<LocalDate, List<VolunteerDuty.Duty>> byDay = duties.stream()
                .collect(Collectors.groupingBy(VolunteerDuty.Duty::day, java.util.TreeMap::new, Collectors.toList()));
        model.addAttribute("days", byDay);
        boolean managing = records.access().managing() && records.access().visibleOrgs().contains(roster.orgId());
        model.addAttribute("managing", managing);
        if (managing) {
            model.addAttribute("members", records.organisation().members(roster.orgId()));
        }
        return "partybuilding/roster";
    }

    @PostMapping("/workbench/party/volunteer-rosters/{id}/duties")
    String assign(@PathVariable long id, @RequestParam(required = false) Long shiftId,
            @RequestParam(required = false) String day, @RequestParam(required = false) Long memberId, Model model) {
        return RecordForms.attempt(() -> {
            duty.assign(id, new VolunteerRosters.Assignment(shiftId, date(day), memberId));
            return "redirect:/workbench/party/volunteer-rosters/" + id;
        }, model, () -> roster(id, model));
    }

    @PostMapping("/workbench/party/volunteer-duties/{id}/missed-sign-in")
    String missed(@PathVariable long id, @RequestParam long roster, @RequestParam(required = false) String reason,
            Model model) {
        model.addAttribute("missedDuty", id); // a refused reason is shown again in its row
        model.addAttribute("missedReason", reason);
        return RecordForms.attempt(() -> {
            duty.recordMissed(id, reason);
            return "redirect:/workbench/party/volunteer-rosters/" + roster;
        }, model, () -> roster(roster, model));
    }
}

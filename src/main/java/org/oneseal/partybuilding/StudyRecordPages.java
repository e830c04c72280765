package org.oneseal.partybuilding;

import static org.oneseal.partybuilding.PartyPages.attempt;
import static org.oneseal.partybuilding.PartyPages.date;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages of an organisation's reading lists, reflections (who is behind) and study activities. */
@Controller
class StudyRecordPages {

    private final ReadingLists readingLists;
    private final Reflections reflections;
    private final StudyActivities activities;
    private final StudyAccess access;
    private final PartyOrganisation organisation;
    private final StudyRules rules;

    StudyRecordPages(ReadingLists readingLists, Reflections reflections, StudyActivities activities,
            StudyAccess access, PartyOrganisation organisation, StudyRules rules) {
        this.readingLists = readingLists;
        this.reflections = reflections;
        this.activities = activities;
        this.access = access;
        this.organisation = organisation;
        this.rules = rules;
    }

    @GetMapping("/workbench/party/orgs/{id}/reading-lists")
    String lists(@PathVariable long id, Model model) {
        model.addAttribute("lists", readingLists.lists(id));
        orgModel(id, model);
        return "partybuilding/reading-lists";
    }

    @PostMapping("/workbench/party/orgs/{id}/reading-lists")
    String issue(@PathVariable long id, @RequestParam(required = false) String title,
            @RequestParam(required = false) String issuedOn, @RequestParam(required = false) String titles,
            Model model) {
        var form = new ReadingLists.NewList(title, date(issuedOn), titles == null ? List.of() : List.of(titles));
        model.addAttribute("form", form);
        return attempt(() -> "redirect:/workbench/party/reading-lists/" + readingLists.issue(id, form).list().id(),
                model, () -> lists(id, model));
    }

    @GetMapping("/workbench/party/reading-lists/{id}")
    String list(@PathVariable long id, Model model) {
        ReadingLists.ListDetail detail = readingLists.list(id);
        model.addAttribute("detail", detail);
        model.addAttribute("managing", access.manages(detail.list().orgId()));
        return "partybuilding/reading-list";
    }

    @PostMapping("/workbench/party/reading-lists/{id}/receipts/{memberId}")
    String confirmFor(@PathVariable long id, @PathVariable long memberId, Model model) {
        return attempt(() -> {
            readingLists.confirmFor(id, memberId);
            return "redirect:/workbench/party/reading-lists/" + id;
        }, model, () -> list(id, model));
    }

    @GetMapping("/workbench/party/orgs/{id}/reflections")
    String reflections(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("progress", reflections.progress(id, year));
        orgModel(id, model);
        return "partybuilding/reflections";
    }

    @GetMapping("/workbench/party/orgs/{id}/activities")
    String activities(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("activities", activities.activities(id, year));
        model.addAttribute("year", year == null ? rules.today().getYear() : year);
        orgModel(id, model);
        if (access.manages(id)) {
            model.addAttribute("candidates", access.names(organisation.membersOn(id, rules.today())));
        }
        return "partybuilding/activities";
    }

    @PostMapping("/workbench/party/orgs/{id}/activities")
    String record(@PathVariable long id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String heldOn, @RequestParam(required = false) String title,
            @RequestParam(required = false) String place, @RequestParam(required = false) List<Long> participants,
            @RequestParam(required = false) String notes, Model model) {
        var form = new StudyActivities.NewActivity(kind, date(heldOn), title, place, participants, notes);
        model.addAttribute("form", form);
        return attempt(() -> {
            activities.record(id, form);
            return "redirect:/workbench/party/orgs/" + id + "/activities";
        }, model, () -> activities(id, null, model));
    }

    private void orgModel(long id, Model model) {
        model.addAttribute("org", access.org(id));
        model.addAttribute("managing", access.manages(id));
        model.addAttribute("today", rules.today());
    }
}

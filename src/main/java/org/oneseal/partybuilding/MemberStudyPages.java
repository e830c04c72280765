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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's study record (学习档案) and what a member does for themselves under {@code /workbench/party/me/...}:
 * submit a reflection, record individual study, confirm a reading list. The party-affairs worker records a member's
 * reflection or individual study from the member's record.
 */
@Controller
class MemberStudyPages {

    private final MemberStudy memberStudy;
    private final Reflections reflections;
    private final StudySessions sessions;
    private final ReadingLists readingLists;
    private final StudyAccess access;
    private final StudyRules rules;

    MemberStudyPages(MemberStudy memberStudy, Reflections reflections, StudySessions sessions,
            ReadingLists readingLists, StudyAccess access, StudyRules rules) {
        this.memberStudy = memberStudy;
        this.reflections = reflections;
        this.sessions = sessions;
        this.readingLists = readingLists;
        this.access = access;
        this.rules = rules;
    }

    @GetMapping("/workbench/party/me/study")
    String mine(Model model) {
        Long me = access.myMemberId();
        return me == null ? "redirect:/workbench/party" : member(me, model);
    }

    @GetMapping("/workbench/party/members/{id}/study")
    String member(@PathVariable long id, Model model) {
        MemberStudy.StudyRecord record = memberStudy.of(id);
        model.addAttribute("record", record);
        Long org = access.lastOrg(id);
        model.addAttribute("managing", org != null && access.manages(org));
        model.addAttribute("today", rules.today());
        model.addAttribute("perYear", reflections.perYear());
        return "partybuilding/member-study";
    }

    @PostMapping("/workbench/party/me/reflections")
    String submit(@RequestParam(required = false) String writtenOn, @RequestParam(required = false) String title,
            @RequestParam(required = false) String body, Model model, RedirectAttributes redirect) {
        var form = new Reflections.NewReflection(date(writtenOn), title, body);
        model.addAttribute("reflectionForm", form);
        return attempt(() -> {
            reflections.submit(form);
            redirect.addFlashAttribute("flash", "party.reflection.submitted");
            return "redirect:/workbench/party/me/study";
        }, model, () -> member(access.me(), model));
    }

    @PostMapping("/workbench/party/members/{id}/reflections")
    String recordFor(@PathVariable long id, @RequestParam(required = false) String writtenOn,
            @RequestParam(required = false) String title, @RequestParam(required = false) String body, Model model,
            RedirectAttributes redirect) {
        var form = new Reflections.NewReflection(date(writtenOn), title, body);
        model.addAttribute("reflectionForm", form);
        return attempt(() -> {
            reflections.recordFor(id, form);
            redirect.addFlashAttribute("flash", "party.reflection.submitted");
            return "redirect:/workbench/party/members/" + id + "/study";
        }, model, () -> member(id, model));
    }

    @PostMapping("/workbench/party/me/individual-study")
    String myIndividualStudy(@RequestParam(required = false) String heldOn,
            @RequestParam(required = false) String topic, @RequestParam(required = false) String documents,
            Model model, RedirectAttributes redirect) {
        return individual(access.me(), heldOn, topic, documents, model, redirect, "/workbench/party/me/study");
    }

    @PostMapping("/workbench/party/members/{id}/individual-study")
    String individualStudy(@PathVariable long id, @RequestParam(required = false) String heldOn,
            @RequestParam(required = false) String topic, @RequestParam(required = false) String documents,
            Model model, RedirectAttributes redirect) {
        return individual(id, heldOn, topic, documents, model, redirect, "/workbench/party/members/" + id + "/study");
    }

    @PostMapping("/workbench/party/me/reading-lists/{id}/receipt")
    String confirm(@PathVariable long id, RedirectAttributes redirect) {
        readingLists.confirm(id);
        redirect.addFlashAttribute("flash", "party.reading.thanks");
        return "redirect:/workbench/party/me/study";
    }

    private String individual(long member, String heldOn, String topic, String documents, Model model,
            RedirectAttributes redirect, String back) {
        var form = new StudySessions.NewIndividualStudy(date(heldOn), topic,
                documents == null ? List.of() : List.of(documents), null);
        model.addAttribute("studyForm", form);
        return attempt(() -> {
            sessions.recordIndividual(member, form);
            redirect.addFlashAttribute("flash", "party.study.individualRecorded");
            return "redirect:" + back;
        }, model, () -> member(member, model));
    }
}

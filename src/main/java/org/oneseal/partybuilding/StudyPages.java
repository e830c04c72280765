package org.oneseal.partybuilding;

import static org.oneseal.partybuilding.PartyPages.attempt;
import static org.oneseal.partybuilding.PartyPages.date;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The study sessions' pages: an organisation's study (the party group's: its central study group) and a session. */
@Controller
class StudyPages {

    private final StudySessions sessions;
    private final StudyAccess access;
    private final SessionQueries queries;
    private final PartyOrganisation organisation;
    private final StudyRules rules;

    StudyPages(StudySessions sessions, StudyAccess access, SessionQueries queries, PartyOrganisation organisation,
            StudyRules rules) {
        this.sessions = sessions;
        this.access = access;
        this.queries = queries;
        this.organisation = organisation;
        this.rules = rules;
    }

    /** A member offered in a form; {@code expected} a member of the party group / committee (else 列席). */
    record Candidate(long id, String name, boolean expected) {
    }

    @GetMapping("/workbench/party/central-study")
    String centralStudy() {
        return "redirect:/workbench/party/orgs/" + access.group().id() + "/study";
    }

    @GetMapping("/workbench/party/orgs/{id}/study")
    String study(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("sessions", sessions.sessions(id, year));
        PartyOrganisation.Org org = access.org(id);
        model.addAttribute("org", org);
        model.addAttribute("year", year == null ? rules.today().getYear() : year);
        model.addAttribute("managing", access.manages(id));
        model.addAttribute("today", rules.today());
        if (access.manages(id)) {
            model.addAttribute("candidates", candidates(org, rules.today()));
            model.addAttribute("supervisable", "ORGAN_COMMITTEE".equals(org.kind()) ? organisation.tree().stream()
                    .filter(o -> "BRANCH".equals(o.kind()) || "CELL".equals(o.kind())).toList() : List.of());
        }
        return "partybuilding/study";
    }

    @PostMapping("/workbench/party/orgs/{id}/study")
    String record(@PathVariable long id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String heldOn, @RequestParam(required = false) String topic,
            @RequestParam(required = false) String documents, @RequestParam(required = false) Boolean firstAgendaItem,
            @RequestParam(required = false) List<Long> attendees, @RequestParam(required = false) List<Long> speakers,
            @RequestParam(required = false) String guestSpeakers, @RequestParam(required = false) Long supervisedOrgId,
            @RequestParam(required = false) String notes, Model model) {
        var form = new StudySessions.NewSession(kind, date(heldOn), topic,
                documents == null ? List.of() : List.of(documents), firstAgendaItem, attendees, speakers,
                guestSpeakers, supervisedOrgId, notes);
        model.addAttribute("form", form);
        return attempt(() -> {
            var s = sessions.record(id, form);
            return "redirect:/workbench/party/study-sessions/" + s.session().id();
        }, model, () -> study(id, null, model));
    }

    @GetMapping("/workbench/party/study-sessions/{id}")
    String session(@PathVariable long id, Model model) {
        var detail = sessions.session(id);
        model.addAttribute("detail", detail);
        model.addAttribute("orgVisible", access.sees(detail.session().orgId()));
        return "partybuilding/study-session";
    }

    /** The members of the organisation on a day; at the party group and committee their role holders first. */
    private List<Candidate> candidates(PartyOrganisation.Org org, LocalDate day) {
        Set<Long> expected = queries.expected(org, day);
        return access.names(organisation.membersOn(org.id(), day)).entrySet().stream()
                .map(e -> new Candidate(e.getKey(), e.getValue(), expected.contains(e.getKey())))
                .sorted(Comparator.comparing((Candidate c) -> !c.expected()).thenComparing(Candidate::name)).toList();
    }
}

package org.oneseal.partybuilding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pages of 三会一课 and organisational life: a branch's meetings with the form that records one (and what is due
 * soon or lapsed, and overdue rectification), a meeting, and a member's party work (meetings attended, rectification
 * items owned: a section of the member's page).
 */
@Controller
class MeetingPages {

    private final Meetings meetings;
    private final Compliance compliance;
    private final RectificationLists rectification;
    private final RectificationItems items;
    private final PartyOrganisation organisation;
    private final PartyAccess access;
    private final Clock clock;

    MeetingPages(Meetings meetings, Compliance compliance, RectificationLists rectification, RectificationItems items,
            PartyOrganisation organisation, PartyAccess access, Clock clock) {
        this.meetings = meetings;
        this.compliance = compliance;
        this.rectification = rectification;
        this.items = items;
        this.organisation = organisation;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/workbench/party/orgs/{id}/meetings")
    String list(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        PartyOrganisation.Org branch = meetings.branchSeen(id, "party.meeting.list");
        int y = year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("branch", branch);
        model.addAttribute("year", y);
        model.addAttribute("rows", meetings.list(id, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
        model.addAttribute("compliance", compliance.branch(id, null));
        model.addAttribute("attention", rectification.lists(id).stream().flatMap(l -> l.items().stream())
                .filter(i -> "OVERDUE".equals(i.flag()) || "DUE_SOON".equals(i.flag())).toList());
        boolean managing = access.managing();
        model.addAttribute("managing", managing);
        if (managing) {
            model.addAttribute("kinds", Arrays.stream(MeetingKind.values()).map(Enum::name).toList());
            model.addAttribute("members", organisation.members(id));
            model.addAttribute("cells", organisation.tree().stream().filter(o -> Long.valueOf(id).equals(o.parentId()))
                    .filter(o -> "CELL".equals(o.kind())).toList());
            model.addAttribute("today", LocalDate.now(clock));
        }
        return "partybuilding/meetings";
    }

    @PostMapping("/workbench/party/orgs/{id}/meetings")
    String record(@PathVariable long id, @RequestParam MultiValueMap<String, String> form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
        return PartyPages.attempt(() -> {
            Meetings.Meeting m = meetings.record(id, meeting(form), PartyFiles.Upload.of(files));
            return "redirect:/workbench/party/meetings/" + m.id();
        }, model, () -> {
            model.addAttribute("form", form);
            return list(id, null, model);
        });
    }

    @GetMapping("/workbench/party/meetings/{id}")
    String meeting(@PathVariable long id, Model model) {
        Meetings.Meeting m = meetings.meeting(id);
        model.addAttribute("m", m);
        boolean seen = access.visibleOrgs().contains(m.branchId());
        model.addAttribute("seen", seen);
        model.addAttribute("managing", seen && access.managing());
        model.addAttribute("lists", MeetingKind.valueOf(m.kind()).producesRectification() && seen
                ? rectification.lists(m.branchId()).stream()
                .filter(l -> Long.valueOf(id).equals(l.meetingId())).toList() : List.of());
        return "partybuilding/meeting";
    }

    @PostMapping("/workbench/party/meetings/{id}/files")
    String attach(@PathVariable long id, @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Model model) {
        return PartyPages.attempt(() -> {
            meetings.attach(id, PartyFiles.Upload.of(files));
            return "redirect:/workbench/party/meetings/" + id;
        }, model, () -> meeting(id, model));
    }

    @GetMapping("/workbench/party/meetings/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        return meetings.file(id, fileId);
    }

    /** A member's party work: the whole page, or (asked by htmx from the member's page) its section only. */
    @GetMapping("/workbench/party/members/{id}/work")
    String work(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("member", organisation.member(id).member());
        model.addAttribute("attended", meetings.attendedBy(id));
        model.addAttribute("owned", items.ownedBy(id));
        return htmx == null ? "partybuilding/member-work" : "partybuilding/member-work :: work";
    }

    /** The meeting a form describes; a number that is not one becomes an id of nobody (refused by name). */
    static Meetings.NewMeeting meeting(MultiValueMap<String, String> form) {
        List<Long> attendees = new ArrayList<>();
        List<Meetings.Absence> absentees = new ArrayList<>();
        for (String member : form.getOrDefault("member", List.of())) {
            Long id = number(member);
            String reason = form.getFirst("reason." + member);
            if (form.getOrDefault("attendee", List.of()).contains(member)) {
                attendees.add(id);
            } else if (reason != null && !reason.isBlank()) {
                absentees.add(new Meetings.Absence(id, reason));
            }
        }
        return new Meetings.NewMeeting(form.getFirst("kind"), PartyPages.date(form.getFirst("heldOn")),
                form.getFirst("topic"), number(form.getFirst("cellId")), "true".equals(form.getFirst("firstAgendaItem")),
                form.getFirst("firstAgendaTopic"), number(form.getFirst("speakerId")), form.getFirst("speakerName"),
                number(form.getFirst("leaderId")), attendees, absentees, form.getFirst("minutes"));
    }

    static Long number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}

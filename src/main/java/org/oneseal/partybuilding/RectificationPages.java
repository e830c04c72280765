package org.oneseal.partybuilding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The pages of rectification lists (整改清单): a branch's lists with their items, and one item with its history. */
@Controller
class RectificationPages {

    private final RectificationLists lists;
    private final RectificationItems items;
    private final Meetings meetings;
    private final PartyOrganisation organisation;
    private final PartyAccess access;
    private final Clock clock;

    RectificationPages(RectificationLists lists, RectificationItems items, Meetings meetings,
            PartyOrganisation organisation, PartyAccess access, Clock clock) {
        this.lists = lists;
        this.items = items;
        this.meetings = meetings;
        this.organisation = organisation;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/workbench/party/orgs/{id}/rectification")
    String branch(@PathVariable long id, Model model) {
        model.addAttribute("branch", meetings.branchSeen(id, "party.rectification.list"));
        model.addAttribute("lists", lists.lists(id));
        boolean managing = access.managing();
        model.addAttribute("managing", managing);
        if (managing) {
            model.addAttribute("sources", meetings.list(id, null, null).stream()
                    .filter(r -> MeetingKind.valueOf(r.kind()).producesRectification()).toList());
            model.addAttribute("members", organisation.members(id));
            model.addAttribute("today", LocalDate.now(clock));
        }
        return "partybuilding/rectification";
    }

    @PostMapping("/workbench/party/orgs/{id}/rectification-lists")
    String create(@PathVariable long id, @RequestParam(required = false) String source,
            @RequestParam(required = false) String meetingId, @RequestParam(required = false) String inspectedOn,
            @RequestParam(required = false) String inspectingBody, @RequestParam(required = false) String title,
            Model model) {
        boolean inspection = "INSPECTION".equals(source);
        return PartyPages.attempt(() -> {
            lists.create(id, new RectificationLists.NewList(inspection ? null : MeetingPages.number(meetingId),
                    inspection ? PartyPages.date(inspectedOn) : null, inspection ? inspectingBody : null, title));
            return "redirect:/workbench/party/orgs/" + id + "/rectification";
        }, model, () -> branch(id, model));
    }

    @PostMapping("/workbench/party/rectification-lists/{id}/items")
    String addItem(@PathVariable long id, @RequestParam(required = false) String problem,
            @RequestParam(required = false) String measure, @RequestParam(required = false) String ownerId,
            @RequestParam(required = false) String deadline, @RequestParam(required = false) String workingDays,
            Model model) {
        long branchId = lists.list(id).branchId();
        return PartyPages.attempt(() -> {
            Long days = MeetingPages.number(workingDays);
            lists.addItem(id, new RectificationLists.NewItem(problem, measure, MeetingPages.number(ownerId),
                    PartyPages.date(deadline), days == null ? null : (int) Math.max(Integer.MIN_VALUE,
                    Math.min(Integer.MAX_VALUE, days))));
            return "redirect:/workbench/party/orgs/" + branchId + "/rectification";
        }, model, () -> {
            model.addAttribute("itemList", id);
            return branch(branchId, model);
        });
    }

    @GetMapping("/workbench/party/rectification-items/{id}")
    String item(@PathVariable long id, Model model) {
        RectificationLists.ItemDetail d = items.item(id);
        model.addAttribute("d", d);
        boolean seen = access.visibleOrgs().contains(d.item().branchId());
        model.addAttribute("seen", seen);
        model.addAttribute("managing", seen && access.managing());
        model.addAttribute("own", access.myMemberId().filter(me -> me == d.item().ownerId()).isPresent());
        return "partybuilding/rectification-item";
    }

    @PostMapping("/workbench/party/rectification-items/{id}/evidence")
    String evidence(@PathVariable long id, @RequestParam(required = false) String evidence,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
        return PartyPages.attempt(() -> {
            items.addEvidence(id, evidence, PartyFiles.Upload.of(files));
            return "redirect:/workbench/party/rectification-items/" + id;
        }, model, () -> item(id, model));
    }

    @PostMapping("/workbench/party/rectification-items/{id}/closure")
    String close(@PathVariable long id, @RequestParam(required = false) String evidence,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
        return PartyPages.attempt(() -> {
            items.close(id, evidence, PartyFiles.Upload.of(files));
            return "redirect:/workbench/party/rectification-items/" + id;
        }, model, () -> item(id, model));
    }

    @GetMapping("/workbench/party/rectification-items/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        return items.file(id, fileId);
    }
}

package org.oneseal.partybuilding;

import static org.oneseal.partybuilding.PartyPages.date;

import java.time.LocalDate;
import org.oneseal.identity.OrganisationManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The workbench pages of recognition: commendations, external honours, vanguard posts, and the figures. */
@Controller
class RecognitionPages {

    private static final String BACK = "redirect:/workbench/party/recognition";

    private final Commendations commendations;
    private final ExternalHonours honours;
    private final VanguardPosts posts;
    private final RecognitionFigures figures;
    private final PartyRecords records;
    private final OrganisationManagement units;

    RecognitionPages(Commendations commendations, ExternalHonours honours, VanguardPosts posts,
            RecognitionFigures figures, PartyRecords records, OrganisationManagement units) {
        this.commendations = commendations;
        this.honours = honours;
        this.posts = posts;
        this.figures = figures;
        this.records = records;
        this.units = units;
    }

    /** A refused form, shown again as filled in. */
    record CommendationForm(String kind, Integer year, String awardedOn, String awardingBody, String documentNo,
                            Long orgId, Long memberId, Long windowId) {
    }

    record HonourForm(String subject, String honour, String level, String awardingBody, String receivedOn) {
    }

    record PostForm(Long windowId, Long memberId, String since) {
    }

    @GetMapping("/workbench/party/recognition")
    String recognition(Model model) {
        model.addAttribute("commendations", commendations.visible());
        model.addAttribute("honours", honours.visible());
        model.addAttribute("posts", posts.visible());
        boolean managing = records.access().managing() && !records.access().visibleOrgs().isEmpty();
        model.addAttribute("managing", managing);
        model.addAttribute("commending", records.managesCommittee());
        model.addAttribute("kinds", Commendations.KINDS);
        model.addAttribute("levels", ExternalHonours.LEVELS);
        model.addAttribute("today", records.today());
        if (managing) {
            var tree = records.organisation().tree();
            model.addAttribute("orgs", tree);
            model.addAttribute("branches", tree.stream().filter(o -> "BRANCH".equals(o.kind())).toList());
            model.addAttribute("members", RecordForms.memberChoices(records.organisation()));
            model.addAttribute("windows", units.serviceWindows());
            model.addAttribute("bodies", tree.stream().filter(o -> !"BRANCH".equals(o.kind())
                    && !"CELL".equals(o.kind())).map(PartyOrganisation.Org::name).toList());
        }
        return "partybuilding/recognition";
    }

    @PostMapping("/workbench/party/commendations")
    String commend(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String awardedOn, @RequestParam(required = false) String awardingBody,
            @RequestParam(required = false) String documentNo, @RequestParam(required = false) Long orgId,
            @RequestParam(required = false) Long memberId, @RequestParam(required = false) Long windowId, Model model) {
        model.addAttribute("commendForm", new CommendationForm(kind, year, awardedOn, awardingBody, documentNo, orgId,
                memberId, windowId));
        return RecordForms.attempt(() -> {
            commendations.record(new Commendations.NewCommendation(kind, year, date(awardedOn), awardingBody, documentNo,
                    orgId, memberId, windowId));
            return BACK;
        }, model, () -> recognition(model));
    }

    @PostMapping("/workbench/party/external-honours")
    String honour(@RequestParam(required = false) String subject, @RequestParam(required = false) String honour,
            @RequestParam(required = false) String level, @RequestParam(required = false) String awardingBody,
            @RequestParam(required = false) String receivedOn, Model model) {
        Long memberId = subject != null && subject.startsWith("m") ? number(subject) : null;
        Long orgId = subject != null && subject.startsWith("o") ? number(subject) : null;
        model.addAttribute("honourForm", new HonourForm(subject, honour, level, awardingBody, receivedOn));
        return RecordForms.attempt(() -> {
            honours.record(new ExternalHonours.NewHonour(memberId, orgId, honour, level, awardingBody, date(receivedOn)));
            return BACK;
        }, model, () -> recognition(model));
    }

    @PostMapping("/workbench/party/vanguard-posts")
    String mark(@RequestParam(required = false) Long windowId, @RequestParam(required = false) Long memberId,
            @RequestParam(required = false) String since, Model model) {
        model.addAttribute("postForm", new PostForm(windowId, memberId, since));
        return RecordForms.attempt(() -> {
            posts.mark(new VanguardPosts.NewPost(windowId, memberId, date(since)));
            return BACK;
        }, model, () -> recognition(model));
    }

    @PostMapping("/workbench/party/vanguard-posts/{id}/end")
    String end(@PathVariable long id, @RequestParam(required = false) String until, Model model) {
        return RecordForms.attempt(() -> {
            posts.end(id, date(until));
            return BACK;
        }, model, () -> recognition(model));
    }

    @GetMapping("/workbench/party/recognition-figures")
    String figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Model model) {
        LocalDate today = records.today();
        String shownFrom = from == null ? today.withDayOfYear(1).toString() : from;
        String shownTo = to == null ? today.toString() : to;
        model.addAttribute("from", shownFrom);
        model.addAttribute("to", shownTo);
        return RecordForms.attempt(() -> {
            model.addAttribute("figures", figures.figures(date(shownFrom), date(shownTo)));
            return "partybuilding/figures";
        }, model, () -> "partybuilding/figures");
    }

    /** The id of a choice such as {@code m12} (a member) or {@code o3} (an organisation); -1 when unreadable. */
    private static Long number(String choice) {
        try {
            return Long.parseLong(choice.substring(1));
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}

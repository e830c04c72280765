package org.oneseal.partybuilding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Commendations, external honours, vanguard posts and the recognition figures over the API (staff only). */
@RestController
@RequestMapping(path = "/api/v1/party", produces = "application/json")
@Tag(name = "party")
class RecognitionApi {

    private final Commendations commendations;
    private final ExternalHonours honours;
    private final VanguardPosts posts;
    private final RecognitionFigures figures;
    private final PartyRecords records;

    RecognitionApi(Commendations commendations, ExternalHonours honours, VanguardPosts posts,
            RecognitionFigures figures, PartyRecords records) {
        this.commendations = commendations;
        this.honours = honours;
        this.posts = posts;
        this.figures = figures;
        this.records = records;
    }

    @GetMapping("/commendations")
    @Operation(summary = "表彰（本人所见组织及其党员的，和本人的）")
    List<Commendations.Commendation> commendations() {
        return commendations.visible();
    }

    @PostMapping("/commendations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "录入表彰（机关党委）", description = "{kind: ADVANCED_BRANCH|VANGUARD_POST|OUTSTANDING_PARTY_WORKER|"
            + "OUTSTANDING_MEMBER, year, awardedOn, awardingBody, documentNo, orgId（先进党支部）, memberId（其他）, "
            + "windowId（党员先锋岗：服务窗口）}")
    Commendations.Commendation commend(@RequestBody Commendations.NewCommendation c) {
        return commendations.record(c);
    }

    @GetMapping("/external-honours")
    @Operation(summary = "外部荣誉（本人所见组织及其党员的，和本人的）")
    List<ExternalHonours.Honour> honours() {
        return honours.visible();
    }

    @PostMapping("/external-honours")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "录入外部荣誉", description = "{memberId 或 orgId, honour, level: NATIONAL|PROVINCIAL|CITY|COUNTY, "
            + "awardingBody, receivedOn}")
    ExternalHonours.Honour honour(@RequestBody ExternalHonours.NewHonour h) {
        return honours.record(h);
    }

    @GetMapping("/vanguard-posts")
    @Operation(summary = "党员先锋岗（窗口与在岗党员）")
    List<VanguardPosts.Post> posts() {
        return posts.visible();
    }

    @PostMapping("/vanguard-posts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "设立党员先锋岗", description = "{windowId（服务窗口）, memberId, since}；同一窗口同时只有一个先锋岗")
    VanguardPosts.Post mark(@RequestBody VanguardPosts.NewPost p) {
        return posts.mark(p);
    }

    record PostEnd(LocalDate until) {
    }

    @PostMapping("/vanguard-posts/{id}/end")
    @Operation(summary = "先锋岗到期/撤销", description = "{until}")
    VanguardPosts.Post end(@PathVariable long id, @RequestBody PostEnd e) {
        return posts.end(id, e.until());
    }

    /** A member's recognition: commendations, external honours, vanguard posts. */
    record MemberRecognition(List<Commendations.Commendation> commendations, List<ExternalHonours.Honour> honours,
                             List<VanguardPosts.Post> vanguardPosts) {
    }

    @GetMapping("/members/{id}/recognition")
    @Operation(summary = "党员的表彰、外部荣誉和先锋岗")
    MemberRecognition ofMember(@PathVariable long id) {
        return new MemberRecognition(commendations.ofMember(id), honours.ofMember(id), posts.ofMember(id));
    }

    @GetMapping("/me/recognition")
    @Operation(summary = "本人的表彰、外部荣誉和先锋岗")
    MemberRecognition mine() {
        return ofMember(records.me());
    }

    @GetMapping("/recognition-figures")
    @Operation(summary = "考核表彰与志愿服务统计（年报：honours.*）", description = "from, to: yyyy-MM-dd，from 不晚于 to；"
            + "须能查看机关党委")
    RecognitionFigures.Figures figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return figures.figures(from, to);
    }
}

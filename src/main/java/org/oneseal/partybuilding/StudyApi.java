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

/** Five-level study over the API: study sessions, individual study, a member's study record, the study figures. */
@RestController
@RequestMapping(path = "/api/v1/party", produces = "application/json")
@Tag(name = "party")
class StudyApi {

    private final StudySessions sessions;
    private final MemberStudy memberStudy;
    private final StudyFigures figures;
    private final StudyAccess access;

    StudyApi(StudySessions sessions, MemberStudy memberStudy, StudyFigures figures, StudyAccess access) {
        this.sessions = sessions;
        this.memberStudy = memberStudy;
        this.figures = figures;
        this.access = access;
    }

    @GetMapping("/orgs/{id}/study-sessions")
    @Operation(summary = "组织的学习（中心组学习、机关党委督学、支部学习、读书研讨）", description = "year：年份，缺省为今年")
    List<StudySessions.Session> list(@PathVariable long id, @RequestParam(required = false) Integer year) {
        return sessions.sessions(id, year);
    }

    @GetMapping("/central-study")
    @Operation(summary = "党组理论学习中心组的学习（党组、机关党委可查看）")
    List<StudySessions.Session> centralStudy(@RequestParam(required = false) Integer year) {
        return sessions.sessions(access.group().id(), year);
    }

    @PostMapping("/orgs/{id}/study-sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录学习", description = "{kind: SESSION|DISCUSSION, heldOn, topic, documents: [], "
            + "firstAgendaItem, attendees: [memberId], speakers: [memberId, 须为参加者], guestSpeakers, "
            + "supervisedOrgId（机关党委督学的支部）, notes}")
    StudySessions.SessionDetail record(@PathVariable long id, @RequestBody StudySessions.NewSession s) {
        return sessions.record(id, s);
    }

    @GetMapping("/study-sessions/{id}")
    @Operation(summary = "一次学习：参加、列席、发言、缺席")
    StudySessions.SessionDetail session(@PathVariable long id) {
        return sessions.session(id);
    }

    @PostMapping("/me/individual-study")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记本人自学", description = "{heldOn, topic, documents: [], notes}")
    StudySessions.SessionDetail myIndividualStudy(@RequestBody StudySessions.NewIndividualStudy s) {
        return sessions.recordIndividual(access.me(), s);
    }

    @PostMapping("/members/{id}/individual-study")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "党务工作者代为登记党员自学")
    StudySessions.SessionDetail individualStudy(@PathVariable long id, @RequestBody StudySessions.NewIndividualStudy s) {
        return sessions.recordIndividual(id, s);
    }

    @GetMapping("/me/study")
    @Operation(summary = "本人学习档案：参加的学习、心得、书目签收、学习积分、活动")
    MemberStudy.StudyRecord mine() {
        return memberStudy.mine();
    }

    @GetMapping("/members/{id}/study")
    @Operation(summary = "党员学习档案")
    MemberStudy.StudyRecord member(@PathVariable long id) {
        return memberStudy.of(id);
    }

    @GetMapping("/study-figures")
    @Operation(summary = "学习相关年报数字", description = "from ≤ to，不超过一年：party.centralStudy.sessions, "
            + "party.centralStudy.discussions, party.reflections.minPerPerson, party.studyPoints.leaderMax")
    StudyFigures.Figures figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return figures.figures(from, to);
    }
}

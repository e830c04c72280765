package org.oneseal.partybuilding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Reading lists, reflections, study points and activities over the API. */
@RestController
@RequestMapping(path = "/api/v1/party", produces = "application/json")
@Tag(name = "party")
class StudyRecordsApi {

    private final ReadingLists readingLists;
    private final Reflections reflections;
    private final StudyPoints points;
    private final StudyActivities activities;
    private final PartyMessages messages;

    StudyRecordsApi(ReadingLists readingLists, Reflections reflections, StudyPoints points, StudyActivities activities,
            PartyMessages messages) {
        this.readingLists = readingLists;
        this.reflections = reflections;
        this.points = points;
        this.activities = activities;
        this.messages = messages;
    }

    @GetMapping("/orgs/{id}/reading-lists")
    @Operation(summary = "组织下发的学习书目")
    List<ReadingLists.ReadingList> lists(@PathVariable long id) {
        return readingLists.lists(id);
    }

    @PostMapping("/orgs/{id}/reading-lists")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "下发学习书目（发给当日本组织的党员）", description = "{title, issuedOn, titles: []}")
    ReadingLists.ListDetail issue(@PathVariable long id, @RequestBody ReadingLists.NewList l) {
        return readingLists.issue(id, l);
    }

    @GetMapping("/reading-lists/{id}")
    @Operation(summary = "书目及签收情况（已签收、未签收）")
    ReadingLists.ListDetail list(@PathVariable long id) {
        return readingLists.list(id);
    }

    @PostMapping("/me/reading-lists/{id}/receipt")
    @Operation(summary = "本人确认收到书目（重复确认不变）")
    ReadingLists.Receipt confirm(@PathVariable long id) {
        return readingLists.confirm(id);
    }

    @PostMapping("/reading-lists/{id}/receipts/{memberId}")
    @Operation(summary = "党务工作者登记纸质签收")
    ReadingLists.Receipt confirmFor(@PathVariable long id, @PathVariable long memberId) {
        return readingLists.confirmFor(id, memberId);
    }

    @PostMapping("/me/reflections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "提交本人学习心得", description = "{writtenOn, title, body}")
    Reflections.Reflection submit(@RequestBody Reflections.NewReflection r) {
        return reflections.submit(r);
    }

    @PostMapping("/members/{id}/reflections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "党务工作者代为登记党员学习心得")
    Reflections.Reflection recordFor(@PathVariable long id, @RequestBody Reflections.NewReflection r) {
        return reflections.recordFor(id, r);
    }

    @GetMapping("/reflections/{id}")
    @Operation(summary = "一篇学习心得")
    Reflections.Reflection reflection(@PathVariable long id) {
        return reflections.reflection(id);
    }

    @GetMapping("/orgs/{id}/reflections/progress")
    @Operation(summary = "学习心得进度：谁落后（按已过完的月份折算年度最少份数）")
    Reflections.Progress progress(@PathVariable long id, @RequestParam(required = false) Integer year) {
        return reflections.progress(id, year);
    }

    @PostMapping(path = "/orgs/{id}/study-points", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "导入学习强国积分（CSV，UTF-8：党员编号,姓名,期间,积分；有一行错误则全部不导入；同一期间重新导入即替换）")
    StudyPoints.ImportResult importPoints(@PathVariable long id, @RequestParam(required = false) MultipartFile file)
            throws IOException {
        return points.importFile(id, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes());
    }

    @GetMapping("/orgs/{id}/study-points")
    @Operation(summary = "组织导入的学习积分：按党员、按月")
    StudyPoints.PointsTable pointsTable(@PathVariable long id, @RequestParam(required = false) Integer year) {
        return points.table(id, year);
    }

    @GetMapping(path = "/orgs/{id}/study-points/template.csv", produces = "text/csv")
    @Operation(summary = "积分导入模板（含本组织现有党员）", description = "period：年-月，缺省为上月")
    ResponseEntity<byte[]> template(@PathVariable long id, @RequestParam(required = false) YearMonth period) {
        return csv(points.template(id, period));
    }

    @GetMapping("/orgs/{id}/activities")
    @Operation(summary = "组织的学习活动（参观、观展、竞赛、践学）")
    List<StudyActivities.Activity> activities(@PathVariable long id, @RequestParam(required = false) Integer year) {
        return activities.activities(id, year);
    }

    @PostMapping("/orgs/{id}/activities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录学习活动", description = "{kind: VISIT|EXHIBITION|COMPETITION|FIELD_STUDY, heldOn, title, "
            + "place, participants: [memberId], notes}")
    StudyActivities.Activity record(@PathVariable long id, @RequestBody StudyActivities.NewActivity a) {
        return activities.record(id, a);
    }

    /** A refused import: 400 with every problem of the file, in line order, under {@code problems}. */
    @ExceptionHandler(StudyPoints.ImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(StudyPoints.ImportRejected e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.text("party.points.rejected", e.problems().size()));
        p.setTitle(messages.text("api.error.invalid"));
        p.setType(URI.create("about:blank"));
        p.setProperty("problems", e.problems());
        p.setProperty("errors", e.fieldErrors());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    static ResponseEntity<byte[]> csv(byte[] content) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("study-points.csv").build().toString()).body(content);
    }
}

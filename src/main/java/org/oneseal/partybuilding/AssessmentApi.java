package org.oneseal.partybuilding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Monthly assessment, its notice and the year-end duty and integrity reports over the API (staff only). */
@RestController
@RequestMapping(path = "/api/v1/party", produces = "application/json")
@Tag(name = "party")
class AssessmentApi {

    private final Assessments assessments;
    private final AssessmentNotices notices;
    private final DutyReports reports;
    private final PartyRecords records;

    AssessmentApi(Assessments assessments, AssessmentNotices notices, DutyReports reports, PartyRecords records) {
        this.assessments = assessments;
        this.notices = notices;
        this.reports = reports;
        this.records = records;
    }

    @GetMapping("/orgs/{id}/assessments")
    @Operation(summary = "支部某月考核表（该月在支部的党员及其等次）", description = "month: yyyy-MM")
    Assessments.Sheet sheet(@PathVariable long id, @RequestParam(required = false) String month) {
        return assessments.sheet(id, month);
    }

    @PostMapping("/orgs/{id}/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "评定党员月度考核等次", description = "{month: yyyy-MM, memberId, grade: EXCELLENT|GOOD|FAIR|POOR, "
            + "comment（优秀、较差必填，200字以内）}；同一党员同月已评定 409（请修改）；已通报 422")
    Assessments.Grade record(@PathVariable long id, @RequestBody Assessments.NewGrade g) {
        return assessments.record(id, g);
    }

    @PutMapping("/assessments/{id}")
    @Operation(summary = "修改考核等次（通报前）", description = "{grade, comment}；已通报 422")
    Assessments.Grade change(@PathVariable long id, @RequestBody Assessments.GradeChange c) {
        return assessments.change(id, c);
    }

    @GetMapping("/members/{id}/assessments")
    @Operation(summary = "党员的考核等次（本人只见已通报的）")
    List<Assessments.Grade> ofMember(@PathVariable long id) {
        return assessments.ofMember(id);
    }

    @GetMapping("/me/assessments")
    @Operation(summary = "本人已通报的考核等次")
    List<Assessments.Grade> mine() {
        return assessments.ofMember(me());
    }

    @GetMapping("/assessment-notices")
    @Operation(summary = "已发布的考核通报")
    List<AssessmentNotices.Published> notices() {
        return notices.list();
    }

    record Publication(String month) {
    }

    @PostMapping("/assessment-notices")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发布考核通报（机关党委），该月等次随即锁定", description = "{month: yyyy-MM}，须为已结束的月份")
    AssessmentNotices.Notice publish(@RequestBody Publication p) {
        return notices.publish(p.month());
    }

    @GetMapping("/assessment-notices/{month}")
    @Operation(summary = "考核通报：各支部各等次人数、未评定人数、优秀名单（未发布的仅机关党委可预览）")
    AssessmentNotices.Notice notice(@PathVariable String month) {
        return notices.notice(month);
    }

    @GetMapping("/members/{id}/duty-reports")
    @Operation(summary = "党员的述职述廉报告")
    List<DutyReports.Report> reports(@PathVariable long id) {
        return reports.ofMember(id);
    }

    @PostMapping(path = "/members/{id}/duty-reports",
            consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "代党员录入述职述廉报告（党务工作者）", description = "表单：year, text, file（PDF，可选，10 MB以内）")
    DutyReports.Report recordReport(@PathVariable long id, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String text, @RequestParam(required = false) MultipartFile file) {
        return reports.record(id, new DutyReports.NewReport(year, text, attachment(file)));
    }

    @GetMapping("/me/duty-reports")
    @Operation(summary = "本人的述职述廉报告")
    List<DutyReports.Report> myReports() {
        return reports.ofMember(me());
    }

    @PostMapping(path = "/me/duty-reports",
            consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "提交本人述职述廉报告（当年担任党内职务者）", description = "表单：year, text, file（PDF，可选）")
    DutyReports.Report submitReport(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) String text, @RequestParam(required = false) MultipartFile file) {
        return reports.submitOwn(new DutyReports.NewReport(year, text, attachment(file)));
    }

    @GetMapping(path = "/duty-reports/{id}/attachment", produces = {MediaType.APPLICATION_PDF_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "述职述廉报告附件（PDF）")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        return pdf(reports.attachment(id));
    }

    private long me() {
        return records.me();
    }

    /** The uploaded file, or null when none was chosen. */
    static DutyReports.Attachment attachment(MultipartFile file) {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            return null;
        }
        try (var in = file.getInputStream()) {
            return new DutyReports.Attachment(file.getOriginalFilename(), in.readNBytes(DutyReports.MAX_BYTES + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseEntity<byte[]> pdf(DutyReports.Attachment a) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(a.content());
    }
}

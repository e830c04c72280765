package org.oneseal.partybuilding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 三会一课, organisational life and compliance over the API (staff only; access as on the pages). */
@RestController
@RequestMapping(path = "/api/v1/party", produces = "application/json")
@Tag(name = "party")
class MeetingApi {

    private final Meetings meetings;
    private final Compliance compliance;

    MeetingApi(Meetings meetings, Compliance compliance) {
        this.meetings = meetings;
        this.compliance = compliance;
    }

    @GetMapping("/orgs/{id}/meetings")
    @Operation(summary = "支部（含党小组）的会议与组织生活", description = "from/to: 日期范围（可空）")
    List<Meetings.Row> list(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return meetings.list(id, from, to);
    }

    @PostMapping(path = "/orgs/{id}/meetings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录会议（支部管理者）", description = "{kind: BRANCH_GENERAL_MEETING|BRANCH_COMMITTEE_MEETING|"
            + "CELL_MEETING|PARTY_LESSON|THEMED_PARTY_DAY|ORGANISATIONAL_LIFE_MEETING|DEMOCRATIC_APPRAISAL|"
            + "HEART_TO_HEART_TALK|DUAL_ORGANISATIONAL_LIFE, heldOn, topic, cellId（党小组会）, firstAgendaItem, "
            + "firstAgendaTopic, speakerId 或 speakerName（党课）, leaderId（双重组织生活）, attendees: [memberId], "
            + "absentees: [{memberId, reason}], minutes}")
    Meetings.Meeting record(@PathVariable long id, @RequestBody Meetings.NewMeeting m) {
        return meetings.record(id, m, List.of());
    }

    @GetMapping("/meetings/{id}")
    @Operation(summary = "会议详情（看得到支部者，或出席者本人）")
    Meetings.Meeting meeting(@PathVariable long id) {
        return meetings.meeting(id);
    }

    @PostMapping(path = "/meetings/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传会议附件", description = "multipart files: PDF、PNG、JPEG、DOCX、XLSX，每个不超过10 MB，每次会议最多10个")
    List<PartyFiles.FileInfo> attach(@PathVariable long id,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        return meetings.attach(id, PartyFiles.Upload.of(files));
    }

    @GetMapping(path = "/meetings/{id}/files/{fileId}", produces = MediaType.ALL_VALUE)
    @Operation(summary = "会议附件")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        return meetings.file(id, fileId);
    }

    @GetMapping("/me/meetings")
    @Operation(summary = "本人出席的会议")
    List<Meetings.Row> mine() {
        return meetings.mine();
    }

    @GetMapping("/members/{id}/meetings")
    @Operation(summary = "党员出席的会议（本人，或看得到其支部者）")
    List<Meetings.Row> attended(@PathVariable long id) {
        return meetings.attendedBy(id);
    }

    @GetMapping("/orgs/{id}/compliance")
    @Operation(summary = "支部三会一课落实情况", description = "period: 2025 | 2025-Q2 | 2025-05（默认本季度）；"
            + "每项要求每个周期：MET 已落实、LAPSED 逾期未落实、DUE_SOON 即将到期、OPEN 未到期、NOT_APPLICABLE 不适用")
    Compliance.BranchCompliance compliance(@PathVariable long id, @RequestParam(required = false) String period) {
        return compliance.branch(id, period);
    }

    @GetMapping("/compliance")
    @Operation(summary = "所见各支部的落实情况（机关党委：全部支部）")
    List<Compliance.BranchCompliance> all(@RequestParam(required = false) String period) {
        return compliance.all(period);
    }
}

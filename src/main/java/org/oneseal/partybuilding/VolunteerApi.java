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

/** Volunteer duty over the API: rosters, members on shifts, sign-in, hours (staff only). */
@RestController
@RequestMapping(path = "/api/v1/party", produces = "application/json")
@Tag(name = "party")
class VolunteerApi {

    private final VolunteerRosters rosters;
    private final VolunteerDuty duty;
    private final PartyRecords records;

    VolunteerApi(VolunteerRosters rosters, VolunteerDuty duty, PartyRecords records) {
        this.rosters = rosters;
        this.duty = duty;
        this.records = records;
    }

    @GetMapping("/orgs/{id}/volunteer-rosters")
    @Operation(summary = "组织（含下级）的志愿服务排班")
    List<VolunteerRosters.Roster> rosters(@PathVariable long id) {
        return rosters.ofOrg(id);
    }

    @PostMapping("/orgs/{id}/volunteer-rosters")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建志愿服务排班", description = "{place, placeKind: HALL|COMMUNITY|OTHER, startsOn, endsOn, "
            + "shifts: [{name, start: HH:mm, end: HH:mm}]}（1–6个班次，结束晚于开始）")
    VolunteerRosters.Roster create(@PathVariable long id, @RequestBody VolunteerRosters.NewRoster r) {
        return rosters.create(id, r);
    }

    record RosterDetail(VolunteerRosters.Roster roster, List<VolunteerDuty.Duty> duties) {
    }

    @GetMapping("/volunteer-rosters/{id}")
    @Operation(summary = "排班：班次与在岗党员")
    RosterDetail roster(@PathVariable long id) {
        return new RosterDetail(rosters.visible(id), duty.ofRoster(id));
    }

    @PostMapping("/volunteer-rosters/{id}/duties")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "安排党员上岗", description = "{shiftId, day, memberId}：须为排班组织当日的党员")
    VolunteerDuty.Duty assign(@PathVariable long id, @RequestBody VolunteerRosters.Assignment a) {
        return duty.assign(id, a);
    }

    @PostMapping("/volunteer-duties/{id}/sign-in")
    @Operation(summary = "本人签到（当日，班次开始前30分钟至结束后30分钟）")
    VolunteerDuty.Duty signIn(@PathVariable long id) {
        return duty.signIn(id);
    }

    record Missed(String reason) {
    }

    @PostMapping("/volunteer-duties/{id}/missed-sign-in")
    @Operation(summary = "补录漏签（排班组织的党务工作者，须写明原因）", description = "{reason}")
    VolunteerDuty.Duty missed(@PathVariable long id, @RequestBody Missed m) {
        return duty.recordMissed(id, m.reason());
    }

    @GetMapping("/orgs/{id}/volunteer-hours")
    @Operation(summary = "志愿服务时长（按党员）", description = "from, to: yyyy-MM-dd")
    List<VolunteerDuty.Hours> hours(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return duty.hours(id, from, to);
    }

    @GetMapping("/members/{id}/volunteer-duties")
    @Operation(summary = "党员的志愿服务班次与时长", description = "from, to: yyyy-MM-dd")
    VolunteerDuty.MemberDuties ofMember(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return duty.ofMember(id, from, to);
    }

    @GetMapping("/me/volunteer-duties")
    @Operation(summary = "本人的志愿服务班次与时长", description = "from, to: yyyy-MM-dd")
    VolunteerDuty.MemberDuties mine(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return duty.ofMember(records.me(), from, to);
    }
}

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

/** The party organisation over the API (staff only; what the caller sees follows their party roles). */
@RestController
@RequestMapping(path = "/api/v1/party", produces = "application/json")
@Tag(name = "party")
class PartyApi {

    private final PartyOrganisation organisation;
    private final PartyFigures figures;

    PartyApi(PartyOrganisation organisation, PartyFigures figures) {
        this.organisation = organisation;
        this.figures = figures;
    }

    @GetMapping("/figures")
    @Operation(summary = "党建统计（年度报告 party.*、honours.*）", description = "from、to（至多一年）；"
            + "byId 为年度报告口径；另含各类会议次数、整改事项；限党组、机关党委可见")
    PartyFigures.Figures figures(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return figures.figures(from, to);
    }

    @GetMapping("/orgs")
    @Operation(summary = "党组织树（本人党内职务所及的组织）")
    List<PartyOrganisation.Org> tree() {
        return organisation.tree();
    }

    @PostMapping("/orgs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建党组织", description = "{parentId, kind: GROUP|ORGAN_COMMITTEE|BRANCH|CELL, name, foundedOn}")
    PartyOrganisation.Org create(@RequestBody PartyOrganisation.NewOrg o) {
        return organisation.create(o);
    }

    @GetMapping("/orgs/{id}/members")
    @Operation(summary = "组织（含下级党小组）现有党员")
    List<PartyOrganisation.Member> members(@PathVariable long id) {
        return organisation.members(id);
    }

    @PostMapping("/orgs/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "接收党员", description = "{name, username（工作人员账号，可空）, category: FULL|PROBATIONARY, "
            + "joinedPartyOn, since, how: JOINED|TRANSFER_IN, cameFrom（转入时必填）}")
    PartyOrganisation.MemberDetail admit(@PathVariable long id, @RequestBody PartyOrganisation.Admission a) {
        return organisation.admit(id, a);
    }

    @GetMapping("/orgs/{id}/roles")
    @Operation(summary = "组织现任党内职务")
    List<PartyOrganisation.Role> roles(@PathVariable long id) {
        return organisation.roles(id);
    }

    @GetMapping("/members/{id}")
    @Operation(summary = "党员：组织关系历史与职务")
    PartyOrganisation.MemberDetail member(@PathVariable long id) {
        return organisation.member(id);
    }

    @GetMapping("/me")
    @Operation(summary = "本人党员档案（非党员 404）")
    PartyOrganisation.MemberDetail me() {
        return organisation.me().orElseThrow(() -> new org.oneseal.shared.NotFoundException("party member"));
    }

    record Move(Long orgId, LocalDate on) {
    }

    @PostMapping("/members/{id}/move")
    @Operation(summary = "党员在机关党组织内调整支部/党小组")
    PartyOrganisation.MemberDetail move(@PathVariable long id, @RequestBody Move m) {
        return organisation.move(id, m.orgId() == null ? -1 : m.orgId(), m.on());
    }

    record TransferOut(LocalDate on, String wentTo) {
    }

    @PostMapping("/members/{id}/transfer-out")
    @Operation(summary = "组织关系转出")
    PartyOrganisation.MemberDetail transferOut(@PathVariable long id, @RequestBody TransferOut t) {
        return organisation.transferOut(id, t.on(), t.wentTo());
    }

    record RoleGrant(Long orgId, String role, LocalDate since) {
    }

    @PostMapping("/members/{id}/roles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "任职", description = "{orgId, role: SECRETARY|DEPUTY_SECRETARY|COMMITTEE_MEMBER|"
            + "PARTY_AFFAIRS_WORKER|CELL_LEADER, since}")
    PartyOrganisation.Role assign(@PathVariable long id, @RequestBody RoleGrant r) {
        return organisation.assignRole(id, r.orgId() == null ? -1 : r.orgId(), r.role(), r.since());
    }

    record RoleEnd(LocalDate until) {
    }

    @PostMapping("/roles/{id}/end")
    @Operation(summary = "免职")
    PartyOrganisation.Role end(@PathVariable long id, @RequestBody RoleEnd r) {
        return organisation.endRole(id, r.until());
    }
}

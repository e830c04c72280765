package org.oneseal.complaint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.oneseal.shared.NotFoundException;
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

/** 办不成事 over the API: reports (public, window), tracking, the closed loop, routing rules, figures. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "complaint")
class ComplaintApi {

    private final Complaints complaints;
    private final ComplaintRouting routing;
    private final ComplaintFigures figures;
    private final ReportLimit limit;

    ComplaintApi(Complaints complaints, ComplaintRouting routing, ComplaintFigures figures, ReportLimit limit) {
        this.complaints = complaints;
        this.routing = routing;
        this.figures = figures;
        this.limit = limit;
    }

    @PostMapping("/public/complaints")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "反映办不成事（无需登录）", description = "{regionId, category: REFUSED_WITHOUT_BASIS|BACK_AND_FORTH|"
            + "NO_OFFICE|POLICY_CONFLICT|MISSING_HISTORIC_DOCUMENTS|SYSTEM_FAILURE|OTHER, description, matterId, name, "
            + "phone}；答复查询码 trackingCode")
    Complaints.Received report(@RequestBody Complaints.Report report, HttpServletRequest request) {
        limit.check(request.getRemoteAddr());
        return complaints.report(report, false);
    }

    @GetMapping("/public/complaints/{code}")
    @Operation(summary = "凭查询码查看办理进度与答复")
    Complaints.Tracking track(@PathVariable String code) {
        return complaints.track(code).orElseThrow(() -> new NotFoundException("complaint " + code));
    }

    @GetMapping("/complaints/mine")
    @Operation(summary = "本人反映的办不成事")
    List<Complaints.Tracking> mine() {
        return complaints.mine();
    }

    @PostMapping("/complaints")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "窗口登记办不成事")
    Complaints.Received receive(@RequestBody Complaints.Report report) {
        return complaints.receiveAtWindow(report);
    }

    @GetMapping("/complaints")
    @Operation(summary = "办不成事：本人协调的，科长为本区域的", description = "state: OPEN（默认）| CLOSED | ALL")
    List<Complaints.Item> list(@RequestParam(required = false) String state) {
        return complaints.list(state);
    }

    @GetMapping("/complaints/{id}")
    Complaints.Item get(@PathVariable long id) {
        return complaints.get(id);
    }

    record Triage(String kind, String coordinator, LocalDate deadline) {
    }

    @PostMapping("/complaints/{id}/triage")
    @Operation(summary = "定性", description = "{kind: CANNOT_BE_DONE（3个工作日内答复）| SHOULD_BE_DONE（5个工作日内办结）| "
            + "HARD（科长指定协调人 coordinator 和期限 deadline）}")
    Complaints.Item triage(@PathVariable long id, @RequestBody Triage t) {
        return complaints.triage(id, t.kind(), t.coordinator(), t.deadline());
    }

    record Correction(String category, Long matterId) {
    }

    @PostMapping("/complaints/{id}/correction")
    @Operation(summary = "更正类别或事项（重新分派）")
    Complaints.Item correct(@PathVariable long id, @RequestBody Correction c) {
        return complaints.correct(id, c.category(), c.matterId());
    }

    record ChaseRequest(Long officeId, String request, Integer workingDays) {
    }

    @PostMapping("/complaints/{id}/chases")
    @Operation(summary = "督促责任部门（限期答复）")
    Complaints.Item chase(@PathVariable long id, @RequestBody ChaseRequest c) {
        return complaints.chase(id, c.officeId(), c.request(), c.workingDays());
    }

    record Reply(String reply) {
    }

    @PostMapping("/complaints/{id}/chases/{chaseId}/reply")
    @Operation(summary = "记录责任部门的回复")
    Complaints.Item reply(@PathVariable long id, @PathVariable long chaseId, @RequestBody Reply r) {
        return complaints.reply(id, chaseId, r.reply());
    }

    record Answer(String outcome, String answer, String wayForward) {
    }

    @PostMapping("/complaints/{id}/answer")
    @Operation(summary = "答复", description = "{outcome: RESOLVED | EXPLAINED（须说明原因和解决路径 wayForward）, answer}")
    Complaints.Item answer(@PathVariable long id, @RequestBody Answer a) {
        return complaints.answer(id, a.outcome(), a.answer(), a.wayForward());
    }

    record Callback(String result, String note) {
    }

    @PostMapping("/complaints/{id}/callback")
    @Operation(summary = "回访", description = "{result: SATISFIED|BASICALLY|UNSATISFIED|UNREACHABLE, note}")
    Complaints.Item callback(@PathVariable long id, @RequestBody Callback c) {
        return complaints.callback(id, c.result(), c.note());
    }

    @PostMapping("/complaints/{id}/closure")
    @Operation(summary = "办结（须已答复，能联系到的须已回访）")
    Complaints.Item close(@PathVariable long id) {
        return complaints.close(id);
    }

    @GetMapping("/complaint-rules")
    @Operation(summary = "分派规则（按顺序，先匹配先分派）")
    List<ComplaintRouting.Rule> rules() {
        return routing.list();
    }

    @PostMapping("/complaint-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新增分派规则", description = "{position, regionId, departmentId, matterId, category, coordinator}")
    ComplaintRouting.Rule createRule(@RequestBody ComplaintRouting.RuleRequest rule) {
        return routing.create(rule);
    }

    @PostMapping("/complaint-rules/{id}/deactivation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@PathVariable long id) {
        routing.deactivate(id);
    }

    @GetMapping("/complaint-figures")
    @Operation(summary = "办不成事统计：按区划和原因的受理、解决、解释说明、待办、超期数")
    List<ComplaintFigures.Row> figures(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return figures.figures(from, to);
    }
}

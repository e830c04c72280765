package org.oneseal.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases over the API: applicants apply (multipart, files as parts {@code file.<materialCode>}, with an
 * optional {@code Idempotency-Key}), follow and correct their cases; staff act on cases of their region.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "cases", description = "办件：申请、补正、受理、审查、决定、送达")
class CaseApi {

    private final CaseIntake intake;
    private final CaseCorrection correction;
    private final CaseHandling handling;
    private final CaseQueries queries;

    private final CaseDeferrals deferrals;

    CaseApi(CaseIntake intake, CaseCorrection correction, CaseHandling handling, CaseQueries queries,
            CaseDeferrals deferrals) {
        this.deferrals = deferrals;
        this.intake = intake;
        this.correction = correction;
        this.handling = handling;
        this.queries = queries;
    }

    @PostMapping(path = "/cases", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "在线申请", description = "材料以 file.<材料编码> 的文件部分上传，或以 useLicence.<材料编码>=<证照编号> 使用本人有效的电子证照（免证办）；"
            + "同一 Idempotency-Key 重复提交返回同一办件，内容不同返回422。"
            + "容缺受理：defer=<材料编码>（可多个，限非关键的必要材料）、deferralDue=补交期限（yyyy-MM-dd）、deferralCommitment=true（申请人承诺）")
    CaseView apply(@RequestParam Long matterId, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String note,
            @Parameter(description = "幂等键") @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Parameter(description = "容缺材料编码") @RequestParam(required = false) List<String> defer,
            @Parameter(description = "容缺材料补交期限") @RequestParam(required = false) String deferralDue,
            @Parameter(description = "申请人承诺按期补交") @RequestParam(required = false) Boolean deferralCommitment,
            @Parameter(description = "告知承诺制：以签署告知承诺书代替证明材料") @RequestParam(required = false) Boolean commitment,
            @Parameter(description = "所阅读的告知承诺书版本") @RequestParam(required = false) String commitmentNotice,
            jakarta.servlet.http.HttpServletRequest request) {
        Application application = new Application(matterId, phone, note);
        List<SubmittedFile> files = new java.util.ArrayList<>(Uploads.of(request));
        files.addAll(intake.electronicLicences(matterId, ApplicantPages.licenceChoices(request)));
        return intake.apply(application, files, key,
                CaseDeferrals.Deferral.parse(defer, deferralDue, deferralCommitment),
                new CaseCommitments.Choice(Boolean.TRUE.equals(commitment), commitmentNotice));
    }

    @PostMapping(path = "/cases/mine/{id}/deferred-materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "补交容缺材料", description = "文件部分 file.<材料编码>，限本办件待补交的容缺材料")
    CaseView supply(@PathVariable long id, jakarta.servlet.http.HttpServletRequest request) {
        return deferrals.supply(id, Uploads.of(request));
    }

    @GetMapping("/cases/mine")
    @Operation(summary = "我的办件")
    List<CaseView> mine() {
        return queries.myCases();
    }

    @GetMapping("/cases/mine/{id}")
    @Operation(summary = "我的办件详情（含时间线和预计办结日期）")
    CaseDetail myCase(@PathVariable long id) {
        return queries.myCase(id);
    }

    @PostMapping(path = "/cases/mine/{id}/correction", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "提交补正材料")
    CaseView correct(@PathVariable long id, @RequestParam(required = false) String note,
            jakarta.servlet.http.HttpServletRequest request) {
        return correction.submit(id, Uploads.of(request), note);
    }

    @GetMapping("/workbench/tasks")
    @Operation(summary = "我的待办（按紧急程度排序）")
    List<WorkItem> tasks() {
        return queries.myTasks();
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "办件详情（工作人员，限本辖区）")
    CaseDetail detail(@PathVariable long id) {
        return queries.detail(id);
    }

    @PostMapping("/cases/{id}/acceptance")
    @Operation(summary = "受理")
    CaseView accept(@PathVariable long id) {
        return handling.accept(id);
    }

    @PostMapping("/cases/{id}/correction-request")
    @Operation(summary = "一次性告知补正")
    CaseView requestCorrection(@PathVariable long id, @RequestBody List<@Valid Deficiency> deficiencies) {
        return handling.requestCorrection(id, deficiencies);
    }

    @PostMapping("/cases/{id}/not-required")
    @Operation(summary = "一件事：标为无需办理（受理审查时）")
    CaseView notRequired(@PathVariable long id, @Valid @RequestBody Reason reason) {
        return handling.notRequired(id, reason.text());
    }

    @PostMapping("/cases/{id}/refusal")
    @Operation(summary = "不予受理")
    CaseView refuse(@PathVariable long id, @Valid @RequestBody Reason reason) {
        return handling.refuse(id, reason.text());
    }

    @PostMapping("/cases/{id}/review")
    @Operation(summary = "完成审查")
    CaseView review(@PathVariable long id, @Valid @RequestBody Reason opinion) {
        return handling.completeReview(id, opinion.text());
    }

    @PostMapping("/cases/{id}/extension")
    @Operation(summary = "延期（限一次，10个工作日）")
    CaseView extend(@PathVariable long id, @Valid @RequestBody Reason reason) {
        return handling.extend(id, reason.text());
    }

    @PostMapping("/cases/{id}/special-procedure")
    @Operation(summary = "进入特殊环节（暂停计时）")
    CaseView startProcedure(@PathVariable long id, @Valid @RequestBody Reason procedure) {
        return handling.startSpecialProcedure(id, procedure.text());
    }

    @PostMapping("/cases/{id}/special-procedure/end")
    @Operation(summary = "结束特殊环节（恢复计时）")
    CaseView endProcedure(@PathVariable long id, @Valid @RequestBody Reason result) {
        return handling.endSpecialProcedure(id, result.text());
    }

    @PostMapping("/cases/{id}/delivery")
    @Operation(summary = "送达（DOWNLOAD / PICKUP / MAIL）")
    CaseView deliver(@PathVariable long id, @Valid @RequestBody Reason method) {
        return handling.deliver(id, method.text());
    }

    /** A free text (reason, opinion, procedure, delivery method). */
    record Reason(@NotBlank(message = "{casework.field.required}") @Size(max = 2000) String text) {
    }
}

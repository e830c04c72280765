package org.oneseal.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 帮办代办 over the API: mandates recorded by window staff, applications, correction answers and deferred materials
 * under them, the applicant's view and end.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "casework")
class MandateApi {

    private final AgentMandates mandates;

    MandateApi(AgentMandates mandates) {
        this.mandates = mandates;
    }

    @PostMapping("/mandates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记帮办代办授权", description = "{applicantIdentifier, applicantName, matterId, purpose, validUntil（不超过90天）}")
    AgentMandates.Mandate grant(@RequestBody AgentMandates.MandateRequest request) {
        return mandates.grant(request);
    }

    @GetMapping("/mandates")
    @Operation(summary = "本人代办的授权", description = "有效的在前，已终止或已过期的在后；每项含依授权代办的办件（cases）")
    List<AgentMandates.Mandate> mine() {
        return mandates.handledByMe();
    }

    @GetMapping("/mandates/{id}")
    @Operation(summary = "本人代办的一项授权及其可代办的办件",
            description = "申请人该事项在本辖区的办件（授权有效时全部，否则只列依授权代办过的）：待补正（awaitsCorrection，含 openDeficiencies）、"
                    + "待补交容缺材料（awaitsMaterials，含 missingMaterials）")
    AgentMandates.MandateWork work(@PathVariable long id) {
        return mandates.work(id);
    }

    @PostMapping(path = "/mandates/{id}/applications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "依授权代为申请", description = "材料以 file.<材料编码> 上传；办件属于申请人，记录中同时显示代办人和申请人")
    CaseView apply(@PathVariable long id, @RequestParam(required = false) String phone,
            jakarta.servlet.http.HttpServletRequest request) {
        return mandates.apply(id, phone, Uploads.of(request));
    }

    @PostMapping(path = "/mandates/{id}/cases/{caseId}/correction", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "依授权代为提交补正材料",
            description = "办件须属于授权的申请人和事项；材料以 file.<材料编码> 上传，可附 note；时间线和审计日志同时记录代办人和申请人。"
                    + "授权已终止或已过期、办件属于其他申请人或事项：422，不作任何改动，记审计（DENIED）")
    CaseView correct(@PathVariable long id, @PathVariable long caseId, @RequestParam(required = false) String note,
            jakarta.servlet.http.HttpServletRequest request) {
        return mandates.answerCorrection(id, caseId, Uploads.of(request), note);
    }

    @PostMapping(path = "/mandates/{id}/cases/{caseId}/deferred-materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "依授权代为补交容缺材料",
            description = "办件须属于授权的申请人和事项；文件部分 file.<材料编码>，限本办件待补交的容缺材料；时间线和审计日志同时记录代办人和申请人。"
                    + "授权已终止或已过期、办件属于其他申请人或事项：422，不作任何改动，记审计（DENIED）")
    CaseView supply(@PathVariable long id, @PathVariable long caseId, jakarta.servlet.http.HttpServletRequest request) {
        return mandates.supplyMaterials(id, caseId, Uploads.of(request));
    }

    @GetMapping("/me/mandates")
    @Operation(summary = "我给出的帮办代办授权")
    List<AgentMandates.Mandate> given() {
        return mandates.mine();
    }

    @PostMapping("/me/mandates/{id}/end")
    @Operation(summary = "终止授权")
    AgentMandates.Mandate end(@PathVariable long id) {
        return mandates.end(id);
    }

    @GetMapping("/mandate-figures")
    @Operation(summary = "帮办代办统计：授权数、代办申请数")
    AgentMandates.Figures figures(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return mandates.figures(from, to);
    }
}

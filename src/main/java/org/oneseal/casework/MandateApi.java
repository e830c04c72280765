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

/** 帮办代办 over the API: mandates recorded by window staff, applications under them, the applicant's view and end. */
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
    @Operation(summary = "本人代办的授权")
    List<AgentMandates.Mandate> mine() {
        return mandates.handledByMe();
    }

    @PostMapping(path = "/mandates/{id}/applications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "依授权代为申请", description = "材料以 file.<材料编码> 上传；办件属于申请人，记录中同时显示代办人和申请人")
    CaseView apply(@PathVariable long id, @RequestParam(required = false) String phone,
            jakarta.servlet.http.HttpServletRequest request) {
        return mandates.apply(id, phone, Uploads.of(request));
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

package org.oneseal.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The annual report and the monthly bulletin as Word or PDF, and the report templates, over the API. Generating
 * needs {@code report:generate} (the caller's statistics scope applies); templates need {@code report:template}.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "reports")
class ReportApi {

    private static final String AREA = "all（全市）| city（市本级）| 区划ID（该区县及其下级）；省略为本人辖区";
    private static final String TEMPLATE = "default（默认模板，省略同）或已上传且在用的模板ID";

    private final Reports reports;
    private final ReportTemplates templates;
    private final ReportRequests requests;

    ReportApi(Reports reports, ReportTemplates templates, ReportRequests requests) {
        this.reports = reports;
        this.templates = templates;
        this.requests = requests;
    }

    @GetMapping("/annual")
    @Operation(summary = "生成年度工作报告（Word 或 PDF，每个数字附出处）",
            description = "year 为年份（当年统计到今天）；模板中有无法填写的占位符时回答 422 并列出全部（unknown）")
    ResponseEntity<byte[]> annual(@RequestParam(required = false) String year,
            @Parameter(description = AREA) @RequestParam(required = false) String area,
            @Parameter(description = TEMPLATE) @RequestParam(required = false) String template,
            @Parameter(description = "docx（默认）| pdf") @RequestParam(required = false) String format) {
        return ReportRequests.download(reports.annual(requests.year(year), area, template, requests.format(format)));
    }

    @GetMapping("/bulletin")
    @Operation(summary = "生成“好差评”和“办不成事”月度通报（Word 或 PDF，含分窗口、分部门表）",
            description = "month 为 yyyy-MM（当月统计到今天）")
    ResponseEntity<byte[]> bulletin(@RequestParam(required = false) String month,
            @Parameter(description = AREA) @RequestParam(required = false) String area,
            @Parameter(description = TEMPLATE) @RequestParam(required = false) String template,
            @Parameter(description = "docx（默认）| pdf") @RequestParam(required = false) String format) {
        return ReportRequests.download(reports.bulletin(requests.month(month), area, template,
                requests.format(format)));
    }

    @GetMapping(path = "/templates", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "报告模板列表（含模板中的占位符）", description = "kind：ANNUAL | MONTHLY，省略为全部；all=true 含已停用的（需模板管理权限）")
    List<TemplateInfo> list(@RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "false") boolean all) {
        ReportKind k = kind == null || kind.isBlank() ? null : requests.kind(kind);
        return all ? templates.all(k) : templates.active(k);
    }

    @PostMapping(path = "/templates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传报告模板（Word .docx，不超过 5 MB）",
            description = "kind：ANNUAL | MONTHLY；name：模板名称。有无法填写的占位符时拒绝（422，unknown 列出全部），不保存")
    TemplateInfo upload(@RequestParam(required = false) String kind, @RequestParam(required = false) String name,
            @RequestParam(required = false) MultipartFile file) throws IOException {
        return templates.upload(requests.kind(kind), name, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes());
    }

    @PostMapping(path = "/templates/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "检查报告模板：列出其中的占位符和无法填写的占位符（不保存）")
    TemplateCheck check(@RequestParam(required = false) String kind,
            @RequestParam(required = false) MultipartFile file) throws IOException {
        return templates.check(requests.kind(kind), file == null ? null : file.getBytes());
    }

    @PostMapping(path = "/templates/{id}/deactivation", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "停用报告模板（保留存档，不再供选用）")
    TemplateInfo deactivate(@PathVariable long id) {
        return templates.deactivate(id);
    }

    @GetMapping("/templates/default")
    @Operation(summary = "下载默认模板（Word），可据此修改后上传", description = "kind：ANNUAL | MONTHLY")
    ResponseEntity<byte[]> defaultTemplate(@RequestParam(required = false) String kind) {
        ReportKind k = requests.kind(kind);
        return ReportRequests.download(new ReportFile(k == ReportKind.ANNUAL ? "annual-template.docx"
                : "monthly-template.docx", ReportFormat.DOCX.contentType(), templates.defaultTemplate(k)));
    }
}

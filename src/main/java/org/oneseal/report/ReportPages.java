package org.oneseal.report;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.ConflictException;
import org.oneseal.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 报告 on the workbench: choose a year (or a month), an area and a template, download Word or PDF; and the templates
 * page of administrators (upload with the check's findings, the list with each template's placeholders,
 * deactivation, the default templates to start from).
 */
@Controller
class ReportPages {

    private final Reports reports;
    private final ReportTemplates templates;
    private final ReportRequests requests;

    ReportPages(Reports reports, ReportTemplates templates, ReportRequests requests) {
        this.reports = reports;
        this.templates = templates;
        this.requests = requests;
    }

    @GetMapping("/workbench/reports")
    String page(Model model) {
        LocalDate today = reports.today();
        List<Integer> years = new ArrayList<>();
        for (int y = today.getYear(); y >= Math.max(2000, today.getYear() - 9); y--) {
            years.add(y);
        }
        model.addAttribute("years", years);
        model.addAttribute("areas", reports.areas());
        model.addAttribute("annualTemplates", templates.active(ReportKind.ANNUAL));
        model.addAttribute("monthlyTemplates", templates.active(ReportKind.MONTHLY));
        if (!model.containsAttribute("year")) {
            model.addAttribute("year", today.getMonthValue() >= 11 ? today.getYear() : today.getYear() - 1);
        }
        if (!model.containsAttribute("month")) {
            model.addAttribute("month", YearMonth.from(today).minusMonths(1).toString());
        }
        return "report/reports";
    }

    @GetMapping("/workbench/reports/annual")
    Object annual(@RequestParam(required = false) String year, @RequestParam(required = false) String area,
            @RequestParam(required = false) String template, @RequestParam(required = false) String format,
            Model model, HttpServletResponse response) {
        model.addAttribute("year", year);
        model.addAttribute("annualArea", area);
        model.addAttribute("annualTemplate", template);
        try {
            return ReportRequests.download(reports.annual(requests.year(year), area, template,
                    requests.format(format)));
        } catch (InvalidInputException | BusinessRuleViolation e) {
            return failed(e, "annualProblem", model, response);
        }
    }

    @GetMapping("/workbench/reports/bulletin")
    Object bulletin(@RequestParam(required = false) String month, @RequestParam(required = false) String area,
            @RequestParam(required = false) String template, @RequestParam(required = false) String format,
            Model model, HttpServletResponse response) {
        model.addAttribute("month", month);
        model.addAttribute("bulletinArea", area);
        model.addAttribute("bulletinTemplate", template);
        try {
            return ReportRequests.download(reports.bulletin(requests.month(month), area, template,
                    requests.format(format)));
        } catch (InvalidInputException | BusinessRuleViolation e) {
            return failed(e, "bulletinProblem", model, response);
        }
    }

    private String failed(RuntimeException e, String where, Model model, HttpServletResponse response) {
        response.setStatus(e instanceof InvalidInputException ? 400 : 422);
        model.addAttribute(where, e.getMessage());
        if (e instanceof TemplateRefused refused) {
            model.addAttribute("problems", refused.problems());
        }
        return page(model);
    }

    @GetMapping("/workbench/reports/templates")
    String templates(Model model) {
        model.addAttribute("templates", templates.all(null));
        return "report/templates";
    }

    @PostMapping("/workbench/reports/templates")
    String upload(@RequestParam(required = false) String kind, @RequestParam(required = false) String name,
            @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect,
            HttpServletResponse response) throws IOException {
        model.addAttribute("kind", kind);
        model.addAttribute("name", name);
        try {
            TemplateInfo t = templates.upload(requests.kind(kind), name,
                    file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
            redirect.addFlashAttribute("uploaded", t);
            return "redirect:/workbench/reports/templates";
        } catch (TemplateRefused e) {
            response.setStatus(422);
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("problems", e.problems());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.fieldErrors());
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("problem", e.getMessage());
        }
        return templates(model);
    }

    @PostMapping("/workbench/reports/templates/{id}/deactivation")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("deactivated", templates.deactivate(id));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/workbench/reports/templates";
    }

    @GetMapping("/workbench/reports/templates/default")
    ResponseEntity<byte[]> defaultTemplate(@RequestParam(required = false) String kind) {
        ReportKind k = requests.kind(kind);
        return ReportRequests.download(new ReportFile(k == ReportKind.ANNUAL ? "annual-template.docx"
                : "monthly-template.docx", ReportFormat.DOCX.contentType(), templates.defaultTemplate(k)));
    }
}

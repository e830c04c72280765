package org.oneseal.partybuilding;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** The workbench pages of the monthly assessment: a branch's grading sheet, the notices and their publication. */
@Controller
class AssessmentPages {

    private final Assessments assessments;
    private final AssessmentNotices notices;
    private final PartyRecords records;

    AssessmentPages(Assessments assessments, AssessmentNotices notices, PartyRecords records) {
        this.assessments = assessments;
        this.notices = notices;
        this.records = records;
    }

    @GetMapping("/workbench/party/orgs/{id}/assessments")
    String sheet(@PathVariable long id, @RequestParam(required = false) String month, Model model) {
        String shown = month == null || month.isBlank() ? RecordForms.lastMonth(records.today()) : month;
        model.addAttribute("month", shown);
        model.addAttribute("grades", Assessments.GRADES);
        model.addAttribute("org", records.organisation().org(id));
        model.addAttribute("managing", records.access().managing() && records.access().visibleOrgs().contains(id));
        model.addAttribute("thisMonth", java.time.YearMonth.from(records.today()).toString());
        return RecordForms.attempt(() -> {
            model.addAttribute("sheet", assessments.sheet(id, shown));
            return "partybuilding/assessments";
        }, model, () -> "partybuilding/assessments");
    }

    @PostMapping("/workbench/party/orgs/{id}/assessments")
    String record(@PathVariable long id, @RequestParam(required = false) String month,
            @RequestParam(required = false) Long memberId, @RequestParam(required = false) String grade,
            @RequestParam(required = false) String comment, Model model) {
        return RecordForms.attempt(() -> {
            assessments.record(id, new Assessments.NewGrade(month, memberId, grade, comment));
            return "redirect:/workbench/party/orgs/" + id + "/assessments?month=" + encode(month);
        }, model, () -> sheet(id, month, model));
    }

    @PostMapping("/workbench/party/assessments/{gradeId}")
    String change(@PathVariable long gradeId, @RequestParam long orgId, @RequestParam(required = false) String month,
            @RequestParam(required = false) String grade, @RequestParam(required = false) String comment, Model model) {
        return RecordForms.attempt(() -> {
            assessments.change(gradeId, new Assessments.GradeChange(grade, comment));
            return "redirect:/workbench/party/orgs/" + orgId + "/assessments?month=" + encode(month);
        }, model, () -> sheet(orgId, month, model));
    }

    @GetMapping("/workbench/party/assessment-notices")
    String notices(Model model) {
        model.addAttribute("notices", notices.list());
        model.addAttribute("publishing", records.managesCommittee());
        model.addAttribute("previewing", records.committeeSeen());
        model.addAttribute("lastMonth", RecordForms.lastMonth(records.today()));
        return "partybuilding/notices";
    }

    @PostMapping("/workbench/party/assessment-notices")
    String publish(@RequestParam(required = false) String month, Model model) {
        return RecordForms.attempt(() -> {
            notices.publish(month);
            return "redirect:/workbench/party/assessment-notices/" + encode(month);
        }, model, () -> notices(model));
    }

    @GetMapping("/workbench/party/assessment-notices/{month}")
    String notice(@PathVariable String month, Model model) {
        model.addAttribute("notice", notices.notice(month));
        model.addAttribute("grades", Assessments.GRADES);
        model.addAttribute("publishing", records.managesCommittee());
        return "partybuilding/notice";
    }

    private static String encode(String text) {
        return text == null ? "" : UriUtils.encodeQueryParam(text.strip(), java.nio.charset.StandardCharsets.UTF_8);
    }
}

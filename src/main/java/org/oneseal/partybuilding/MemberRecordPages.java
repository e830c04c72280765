package org.oneseal.partybuilding;

import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A member's record of assessment, recognition and volunteer duty: their grades, duty and integrity reports (with the
 * form to submit one), commendations, honours, vanguard posts, and their shifts of a year with the sign-in.
 */
@Controller
class MemberRecordPages {

    private final Assessments assessments;
    private final DutyReports reports;
    private final Commendations commendations;
    private final ExternalHonours honours;
    private final VanguardPosts posts;
    private final VolunteerDuty duty;
    private final PartyRecords records;

    MemberRecordPages(Assessments assessments, DutyReports reports, Commendations commendations,
            ExternalHonours honours, VanguardPosts posts, VolunteerDuty duty, PartyRecords records) {
        this.assessments = assessments;
        this.reports = reports;
        this.commendations = commendations;
        this.honours = honours;
        this.posts = posts;
        this.duty = duty;
        this.records = records;
    }

    @GetMapping("/workbench/party/members/{id}/record")
    String record(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        LocalDate today = records.today();
        int shownYear = year == null || year < 2000 || year > today.getYear() ? today.getYear() : year;
        model.addAttribute("grades", assessments.ofMember(id));
        model.addAttribute("name", records.memberName(id));
        model.addAttribute("memberId", id);
        model.addAttribute("reports", reports.ofMember(id));
        model.addAttribute("commendations", commendations.ofMember(id));
        model.addAttribute("honours", honours.ofMember(id));
        model.addAttribute("posts", posts.ofMember(id));
        model.addAttribute("year", shownYear);
        model.addAttribute("duties", duty.ofMember(id, LocalDate.of(shownYear, 1, 1), LocalDate.of(shownYear, 12, 31)));
        boolean own = records.isMe(id);
        model.addAttribute("own", own);
        model.addAttribute("today", today);
        model.addAttribute("reporting", own || records.access().managing() && records.memberOrg(id)
                .map(records.access().visibleOrgs()::contains).orElse(false));
        return "partybuilding/record";
    }

    @PostMapping("/workbench/party/members/{id}/duty-reports")
    String report(@PathVariable long id, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String text, @RequestParam(required = false) MultipartFile file,
            Model model) {
        // a refused report is shown again as written (the file has to be chosen again: browsers do not keep it)
        model.addAttribute("reportYear", year);
        model.addAttribute("reportText", text);
        return RecordForms.attempt(() -> {
            var report = new DutyReports.NewReport(year, text, AssessmentApi.attachment(file));
            if (records.isMe(id)) {
                reports.submitOwn(report);
            } else {
                reports.record(id, report);
            }
            return "redirect:/workbench/party/members/" + id + "/record";
        }, model, () -> record(id, null, model));
    }

    @GetMapping("/workbench/party/duty-reports/{id}/attachment")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        return AssessmentApi.pdf(reports.attachment(id));
    }

    /** Signs in for one's own shift from one's record. */
    @PostMapping("/workbench/party/volunteer-duties/{id}/sign-in")
    String signIn(@PathVariable long id, Model model) {
        return RecordForms.attempt(() -> {
            VolunteerDuty.Duty d = duty.signIn(id);
            return "redirect:/workbench/party/members/" + d.memberId() + "/record";
        }, model, () -> record(records.me(), null, model));
    }
}

package org.oneseal.partybuilding;

import java.io.IOException;
import java.time.YearMonth;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page of an organisation's external study points: the table for a year, the import and its template. */
@Controller
class StudyPointsPages {

    private final StudyPoints points;
    private final StudyAccess access;
    private final StudyRules rules;
    private final PartyMessages messages;

    StudyPointsPages(StudyPoints points, StudyAccess access, StudyRules rules, PartyMessages messages) {
        this.points = points;
        this.access = access;
        this.rules = rules;
        this.messages = messages;
    }

    @GetMapping("/workbench/party/orgs/{id}/study-points")
    String table(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("table", points.table(id, year));
        model.addAttribute("org", access.org(id));
        model.addAttribute("managing", access.manages(id));
        model.addAttribute("today", rules.today());
        model.addAttribute("lastMonth", YearMonth.from(rules.today()).minusMonths(1));
        return "partybuilding/study-points";
    }

    @PostMapping("/workbench/party/orgs/{id}/study-points")
    String importFile(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        byte[] content = file == null ? null : file.getBytes();
        try {
            StudyPoints.ImportResult r = points.importFile(id, file == null ? null : file.getOriginalFilename(), content);
            redirect.addFlashAttribute("flashText", messages.text("party.points.imported", r.rows(),
                    String.join(messages.text("party.study.separator"), r.periods()), r.replaced()));
            return "redirect:/workbench/party/orgs/" + id + "/study-points";
        } catch (StudyPoints.ImportRejected e) {
            model.addAttribute("problems", e.problems());
            return table(id, null, model);
        }
    }

    @GetMapping("/workbench/party/orgs/{id}/study-points/template.csv")
    ResponseEntity<byte[]> template(@PathVariable long id, @RequestParam(required = false) YearMonth period) {
        return StudyRecordsApi.csv(points.template(id, period));
    }
}

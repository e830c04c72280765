package org.oneseal.casework;

import java.util.ArrayList;
import java.util.List;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages: my tasks, a case with its timeline, materials and the action of its current step. */
@Controller
class WorkbenchPages {

    private final CaseQueries queries;
    private final CaseHandling handling;
    private final java.time.Clock clock;
    private final org.oneseal.matter.MatterCatalogue catalogue;

    WorkbenchPages(CaseQueries queries, CaseHandling handling, java.time.Clock clock,
            org.oneseal.matter.MatterCatalogue catalogue) {
        this.catalogue = catalogue;
        this.queries = queries;
        this.handling = handling;
        this.clock = clock;
    }

    @GetMapping("/workbench/tasks")
    String tasks(Model model) {
        model.addAttribute("tasks", queries.myTasks());
        return "casework/tasks";
    }

    /** The region's figures: a page of its own, so that the task list (opened all day) stays one indexed query. */
    @GetMapping("/workbench/figures")
    String figures(Model model) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        model.addAttribute("figures", queries.figures(today.withDayOfMonth(1), today));
        return "casework/figures";
    }

    /** Searching by applicant name is a POST: personal data stays out of URLs and access logs. */
    @GetMapping("/workbench/cases")
    String searchForm(Model model) {
        model.addAttribute("results", queries.search(CaseSearch.none()));
        model.addAttribute("statuses", CaseStatus.values());
        return "casework/search";
    }

    @PostMapping("/workbench/cases")
    String search(@RequestParam(required = false) String caseNumber, @RequestParam(required = false) String applicant,
            @RequestParam(required = false) String matter, @RequestParam(required = false) CaseStatus status,
            @RequestParam(defaultValue = "false") boolean overdueOnly, Model model) {
        CaseSearch q = new CaseSearch(caseNumber, applicant, matter, status, overdueOnly);
        model.addAttribute("results", queries.search(q));
        model.addAttribute("q", q);
        model.addAttribute("statuses", CaseStatus.values());
        return "casework/search";
    }

    @PostMapping("/workbench/cases/{id}/step")
    String completeStep(@PathVariable long id, @RequestParam String step, @RequestParam(defaultValue = "") String opinion,
            RedirectAttributes r, Model m) {
        return run(id, r, m, () -> handling.completeStep(id, step, opinion));
    }

    @PostMapping("/workbench/cases/{id}/release")
    String release(@PathVariable long id, RedirectAttributes r, Model m) {
        return run(id, r, m, () -> handling.release(id));
    }

    @PostMapping("/workbench/cases/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(defaultValue = "") String assignee, RedirectAttributes r, Model m) {
        return run(id, r, m, () -> handling.assign(id, assignee));
    }

    @GetMapping("/workbench/cases/{id}")
    String detail(@PathVariable long id, Model model) {
        CaseDetail detail = queries.detail(id);
        model.addAttribute("detail", detail);
        model.addAttribute("bundleMember", queries.inBundle(id));
        model.addAttribute("procedures", catalogue.version(detail.summary().matterVersionId()).specialProcedures()
                .stream().filter(p -> !p.countsTowardLimit()).toList());
        return "casework/case";
    }

    @PostMapping("/workbench/cases/{id}/accept")
    String accept(@PathVariable long id, RedirectAttributes r, Model m) {
        return run(id, r, m, () -> handling.accept(id));
    }

    @PostMapping("/workbench/cases/{id}/correction-request")
    String requestCorrection(@PathVariable long id, @RequestParam(name = "code", required = false) List<String> codes,
            @RequestParam(name = "description", required = false) List<String> descriptions, RedirectAttributes r,
            Model m) {
        List<Deficiency> items = new ArrayList<>();
        for (int i = 0; descriptions != null && i < descriptions.size(); i++) {
            if (!descriptions.get(i).isBlank()) {
                String code = codes != null && i < codes.size() && !codes.get(i).isBlank() ? codes.get(i) : null;
                items.add(new Deficiency(code, descriptions.get(i)));
            }
        }
        return run(id, r, m, () -> handling.requestCorrection(id, items));
    }

    @PostMapping("/workbench/cases/{id}/not-required")
    String notRequired(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes r,
            Model m) {
        return run(id, r, m, () -> handling.notRequired(id, reason));
    }

    @PostMapping("/workbench/cases/{id}/refuse")
    String refuse(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes r, Model m) {
        return run(id, r, m, () -> handling.refuse(id, reason));
    }

    @PostMapping("/workbench/cases/{id}/review")
    String review(@PathVariable long id, @RequestParam(defaultValue = "") String opinion, RedirectAttributes r, Model m) {
        return run(id, r, m, () -> handling.completeReview(id, opinion));
    }

    @PostMapping("/workbench/cases/{id}/extend")
    String extend(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes r, Model m) {
        return run(id, r, m, () -> handling.extend(id, reason));
    }

    @PostMapping("/workbench/cases/{id}/special-procedure")
    String startProcedure(@PathVariable long id, @RequestParam(defaultValue = "") String procedure,
            RedirectAttributes r, Model m) {
        return run(id, r, m, () -> handling.startSpecialProcedure(id, procedure));
    }

    @PostMapping("/workbench/cases/{id}/special-procedure/end")
    String endProcedure(@PathVariable long id, @RequestParam(defaultValue = "") String result, RedirectAttributes r,
            Model m) {
        return run(id, r, m, () -> handling.endSpecialProcedure(id, result));
    }

    @PostMapping("/workbench/cases/{id}/deliver")
    String deliver(@PathVariable long id, @RequestParam(defaultValue = "") String method, RedirectAttributes r, Model m) {
        return run(id, r, m, () -> handling.deliver(id, method));
    }

    @PostMapping("/workbench/cases/{id}/claim")
    String claim(@PathVariable long id, RedirectAttributes r, Model m) {
        return run(id, r, m, () -> handling.claim(id));
    }

    /** Runs an action; a refused one shows its message on the case page and changes nothing. */
    String run(long id, RedirectAttributes redirect, Model model, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", true);
            return "redirect:/workbench/cases/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
        }
        return detail(id, model);
    }
}

package org.oneseal.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oneseal.casework.CaseDetail;
import org.oneseal.casework.CaseQueries;
import org.oneseal.casework.CaseView;
import org.oneseal.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 一事一评 on the portal: the applicant's page to rate each step of their case once. */
@Controller
class PortalRatingPages {

    private final Ratings ratings;
    private final CaseQueries cases;

    PortalRatingPages(Ratings ratings, CaseQueries cases) {
        this.ratings = ratings;
        this.cases = cases;
    }

    @GetMapping("/me/cases/{id}/rate")
    String page(@PathVariable long id, Model model) {
        CaseDetail detail = cases.myCase(id);
        CaseView c = detail.summary();
        List<String> steps = new ArrayList<>(List.of("RECEPTION"));
        if (c.acceptedOn() != null) {
            steps.add("ACCEPTANCE");
        }
        if (c.concludedOn() != null) {
            steps.add("CONCLUSION");
        }
        Map<String, Ratings.RatingView> rated = new LinkedHashMap<>();
        ratings.myRatings(id).forEach(r -> rated.put(r.step(), r));
        model.addAttribute("detail", detail);
        model.addAttribute("steps", steps);
        model.addAttribute("ratedSteps", rated);
        model.addAttribute("scheme", ratings.scheme());
        return "evaluation/rate-case";
    }

    @PostMapping("/me/cases/{id}/rate")
    String rate(@PathVariable long id, @RequestParam(required = false) String step,
            @RequestParam(required = false) Integer level, @RequestParam(required = false) List<String> reasons,
            @RequestParam(required = false) String comment, @RequestParam Map<String, String> all, Model model,
            RedirectAttributes redirect) {
        try {
            ratings.rateCase(id, new Ratings.RatingRequest(step, level, reasons, comment, indicators(all)));
            redirect.addFlashAttribute("rated", true);
            return "redirect:/me/cases/" + id + "/rate";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("failedStep", step);
            return page(id, model);
        }
    }

    /** The form's indicator scores ({@code ind.CODE} → 1–5; an empty choice is no score). */
    static Map<String, Integer> indicators(Map<String, String> params) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("ind.") && value != null && !value.isBlank()) {
                try {
                    scores.put(name.substring(4), Integer.parseInt(value.strip()));
                } catch (NumberFormatException e) {
                    scores.put(name.substring(4), 0); // refused by the checks, on the field
                }
            }
        });
        return scores.isEmpty() ? null : scores;
    }
}

package org.oneseal.casework;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The chief's decision form on the case page. */
@Controller
class DecisionPages {

    private final CaseDecisions decisions;
    private final WorkbenchPages pages;

    DecisionPages(CaseDecisions decisions, WorkbenchPages pages) {
        this.decisions = decisions;
        this.pages = pages;
    }

    @PostMapping("/workbench/cases/{id}/decide")
    String decide(@PathVariable long id, @RequestParam(required = false) Boolean grant,
            @RequestParam(defaultValue = "") String reasons, @RequestParam(defaultValue = "") String legalBasis,
            @RequestParam(defaultValue = "") String remedies, @RequestParam(defaultValue = "") String conditions,
            RedirectAttributes r, Model m) {
        return pages.run(id, r, m, () -> decisions.decide(id, new Decision(grant, reasons, legalBasis, remedies,
                conditions)));
    }
}

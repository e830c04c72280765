package org.oneseal.report;

import java.util.List;
import org.oneseal.shared.BusinessRuleViolation;

/**
 * A template with placeholders that cannot be filled: nothing was stored or generated. The message names every one
 * of them; the API answers 422 with the list ({@code unknown}, {@code problems}).
 */
public class TemplateRefused extends BusinessRuleViolation {

    private final transient List<TemplateProblem> problems;

    public TemplateRefused(String message, List<TemplateProblem> problems) {
        super("report.template.placeholders", message);
        this.problems = List.copyOf(problems);
    }

    public List<TemplateProblem> problems() {
        return problems;
    }

    public List<String> unknown() {
        return problems.stream().map(TemplateProblem::placeholder).toList();
    }
}

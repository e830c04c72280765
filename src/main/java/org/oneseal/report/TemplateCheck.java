package org.oneseal.report;

import java.util.List;

/**
 * The result of checking a template: every placeholder found, and those it cannot be generated with.
 *
 * @param placeholders every placeholder found, as written between the braces, in order of appearance
 * @param unknown      the placeholders that cannot be filled (empty: the template is usable)
 * @param problems     each of those with the reason
 */
public record TemplateCheck(List<String> placeholders, List<String> unknown, List<TemplateProblem> problems) {

    static TemplateCheck of(List<String> placeholders, List<TemplateProblem> problems) {
        return new TemplateCheck(placeholders, problems.stream().map(TemplateProblem::placeholder).toList(), problems);
    }

    public boolean usable() {
        return problems.isEmpty();
    }
}

package org.oneseal.matter;

import java.util.List;
import org.oneseal.shared.BusinessRuleViolation;

/** The draft misses required elements or breaks a rule; nothing was published. */
public class PublicationRefused extends BusinessRuleViolation {

    private final transient List<Problem> problems;

    PublicationRefused(List<Problem> problems, String chineseText) {
        super("matter.publish.incomplete", chineseText);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

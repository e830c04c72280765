package org.oneseal.approval;

import org.oneseal.shared.BusinessRuleViolation;

/** The case is not at the step someone tried to complete (acted on twice, or out of order). */
public class StepNotActive extends BusinessRuleViolation {

    public StepNotActive(long caseId, String stepKey) {
        super("approval.step.notActive", "办件" + caseId + "当前不在“" + stepKey + "”环节，可能已被他人处理，请刷新后重试");
    }
}

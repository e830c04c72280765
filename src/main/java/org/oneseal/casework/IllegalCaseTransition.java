package org.oneseal.casework;

import org.oneseal.shared.BusinessRuleViolation;

/** A move the case's status does not allow (deciding a case not yet accepted, delivering twice ...). */
public class IllegalCaseTransition extends BusinessRuleViolation {

    IllegalCaseTransition(String message) {
        super("casework.transition", message);
    }
}

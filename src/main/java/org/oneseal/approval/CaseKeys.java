package org.oneseal.approval;

/** How a case is tied to its process instance: the business key is the case id; variables hold the ids too. */
final class CaseKeys {

    static final String CASE_ID_VARIABLE = "caseId";
    static final String REGION_ID_VARIABLE = "regionId";
    static final String OUTCOME_VARIABLE = "outcome";
    static final String ACTOR_VARIABLE = "actor";
    static final String STEP_OUTCOME_VARIABLE = "stepOutcome";

    private CaseKeys() {
    }

    static String businessKey(long caseId) {
        return Long.toString(caseId);
    }

    /** The case id from a variable value or a business key; null when the instance is not a case's. */
    static Long caseId(Object value) {
        return switch (value) {
            case Long id -> id;
            case Number number -> number.longValue();
            case String key when key.matches("-?\\d{1,18}") -> Long.parseLong(key);
            case null, default -> null;
        };
    }
}

package org.oneseal.approval;

import java.util.List;

/**
 * What casework asks of the process engine. Step keys of the generic process {@code oneseal-case}:
 * {@code preReview} (window staff: outcome ACCEPT, CORRECT or REFUSE), {@code correction} (the applicant:
 * SUBMITTED, back to preReview), {@code review} (reviewer: DONE), {@code decide} (chief: GRANT or DENY),
 * {@code deliver} (window staff: DELIVERED), then the end. A per-matter override may add or rename steps.
 * <p>
 * Every method joins the caller's transaction: the engine's changes commit or roll back with casework's, and the
 * events are published synchronously inside it. Any exception marks that transaction rollback-only. See
 * docs/processes.md.
 */
public interface CaseProcesses {

    /** The generic process every matter uses unless it names its own. */
    String GENERIC_PROCESS = "oneseal-case";

    /**
     * Starts the process of a case; returns the process instance id. Publishes the first {@link ProcessStepReached}.
     * Refused ({@link org.oneseal.shared.BusinessRuleViolation}) when no process with that key is deployed, or when
     * the case already has (or had) a process.
     */
    String start(String processKey, long caseId, long regionId);

    /**
     * Completes the case's active step {@code stepKey} with an outcome. Throws {@link StepNotActive} when the
     * case is not at that step (acting twice, or out of order); publishes the next {@link ProcessStepReached}
     * or {@link ProcessEnded}. An outcome the step does not accept is refused with a
     * {@link org.oneseal.shared.BusinessRuleViolation} and changes nothing.
     */
    void complete(long caseId, String stepKey, String outcome, String actor);

    /**
     * Ends the case's process where it stands (终止: e.g. a deferred material never arrived), with the reason kept
     * in the engine's history. Does nothing when the process has ended already. Publishes no event: the caller
     * concludes the case itself.
     */
    void terminate(long caseId, String reason);

    /** The keys of the case's active steps (empty when the process has ended). */
    List<String> activeSteps(long caseId);

    /** Whether a process definition with this key is deployed. */
    boolean isDeployed(String processKey);
}

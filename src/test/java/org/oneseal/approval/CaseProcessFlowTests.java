package org.oneseal.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.shared.BusinessRuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The generic process oneseal-case as casework drives it, on the real engine and database. */
@IntegrationTest
@RecordApplicationEvents
class CaseProcessFlowTests {

    @Autowired
    CaseProcesses processes;

    @Autowired
    ApplicationEvents events;

    @Test
    void acceptedCaseGoesThroughReviewDecisionAndDeliveryToTheEnd() {
        long caseId = TestCases.newCaseId();

        String instance = processes.start(CaseProcesses.GENERIC_PROCESS, caseId, 320500L);

        assertThat(reached(caseId)).singleElement().satisfies(step -> {
            assertThat(step.stepKey()).isEqualTo("preReview");
            assertThat(step.stepName()).isEqualTo("受理审查");
            assertThat(step.candidateRole()).isEqualTo("WINDOW_STAFF");
            assertThat(step.processInstanceId()).isEqualTo(instance);
            assertThat(step.at()).isNotNull();
        });
        assertThat(processes.activeSteps(caseId)).containsExactly("preReview");

        processes.complete(caseId, "preReview", "ACCEPT", "window-1");
        assertThat(processes.activeSteps(caseId)).containsExactly("review");
        processes.complete(caseId, "review", "DONE", "reviewer-1");
        processes.complete(caseId, "decide", "GRANT", "chief-1");
        assertThat(processes.activeSteps(caseId)).containsExactly("deliver");
        assertThat(ended(caseId)).isEmpty();
        processes.complete(caseId, "deliver", "DELIVERED", "window-1");

        assertThat(reached(caseId)).extracting(ProcessStepReached::stepKey)
                .containsExactly("preReview", "review", "decide", "deliver");
        assertThat(reached(caseId)).extracting(ProcessStepReached::candidateRole)
                .containsExactly("WINDOW_STAFF", "REVIEWER", "CHIEF", "WINDOW_STAFF");
        assertThat(reached(caseId)).extracting(ProcessStepReached::stepName)
                .containsExactly("受理审查", "审查", "决定", "送达");
        assertThat(ended(caseId)).singleElement().extracting(ProcessEnded::processInstanceId).isEqualTo(instance);
        assertThat(processes.activeSteps(caseId)).isEmpty();
    }

    @Test
    void deniedCaseIsDeliveredToo() {
        long caseId = startedAndAccepted();
        processes.complete(caseId, "review", "DONE", "reviewer-1");

        processes.complete(caseId, "decide", "DENY", "chief-1");

        assertThat(processes.activeSteps(caseId)).containsExactly("deliver");
    }

    @Test
    void correctionGoesToTheApplicantAndBackToPreReview() {
        long caseId = TestCases.newCaseId();
        processes.start(CaseProcesses.GENERIC_PROCESS, caseId, 320500L);

        processes.complete(caseId, "preReview", "CORRECT", "window-1");
        assertThat(processes.activeSteps(caseId)).containsExactly("correction");
        processes.complete(caseId, "correction", "SUBMITTED", "applicant-1");
        assertThat(processes.activeSteps(caseId)).containsExactly("preReview");
        processes.complete(caseId, "preReview", "ACCEPT", "window-2");

        assertThat(reached(caseId)).extracting(ProcessStepReached::stepKey, ProcessStepReached::candidateRole)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("preReview", "WINDOW_STAFF"),
                        org.assertj.core.groups.Tuple.tuple("correction", "APPLICANT"),
                        org.assertj.core.groups.Tuple.tuple("preReview", "WINDOW_STAFF"),
                        org.assertj.core.groups.Tuple.tuple("review", "REVIEWER"));
        assertThat(ended(caseId)).isEmpty();
    }

    @Test
    void refusalEndsTheProcess() {
        long caseId = TestCases.newCaseId();
        processes.start(CaseProcesses.GENERIC_PROCESS, caseId, 320500L);

        processes.complete(caseId, "preReview", "REFUSE", "window-1");

        assertThat(processes.activeSteps(caseId)).isEmpty();
        assertThat(ended(caseId)).hasSize(1);
        assertThat(reached(caseId)).extracting(ProcessStepReached::stepKey).containsExactly("preReview");
    }

    @Test
    void actingTwiceOrOutOfOrderIsRefusedAndChangesNothing() {
        long caseId = startedAndAccepted();

        assertThatThrownBy(() -> processes.complete(caseId, "preReview", "ACCEPT", "window-2"))
                .isInstanceOf(StepNotActive.class)
                .hasMessageContaining("preReview")
                .extracting(e -> ((StepNotActive) e).code()).isEqualTo("approval.step.notActive");
        assertThatThrownBy(() -> processes.complete(caseId, "decide", "GRANT", "chief-1"))
                .isInstanceOf(StepNotActive.class);
        assertThat(processes.activeSteps(caseId)).containsExactly("review");
    }

    @Test
    void completingAStepOfACaseWithoutProcessIsRefused() {
        assertThatThrownBy(() -> processes.complete(TestCases.newCaseId(), "preReview", "ACCEPT", "window-1"))
                .isInstanceOf(StepNotActive.class);
    }

    @Test
    void anOutcomeTheStepDoesNotKnowIsRefusedInChineseAndChangesNothing() {
        long caseId = TestCases.newCaseId();
        processes.start(CaseProcesses.GENERIC_PROCESS, caseId, 320500L);

        assertThatThrownBy(() -> processes.complete(caseId, "preReview", "GRANT", "window-1"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("“受理审查”环节的处理结果只能是 ACCEPT、CORRECT、REFUSE，不能是“GRANT”")
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("approval.outcome.invalid");
        assertThatThrownBy(() -> processes.complete(caseId, "preReview", null, "window-1"))
                .isInstanceOf(BusinessRuleViolation.class);
        assertThat(processes.activeSteps(caseId)).containsExactly("preReview");

        processes.complete(caseId, "preReview", "ACCEPT", "window-1");
        assertThatThrownBy(() -> processes.complete(caseId, "review", "GRANT", "reviewer-1"))
                .hasMessage("“审查”环节的处理结果只能是 DONE，不能是“GRANT”");
    }

    @Test
    void anUnknownProcessKeyIsRefusedByName() {
        assertThat(processes.isDeployed("no-such-process")).isFalse();
        assertThat(processes.isDeployed(CaseProcesses.GENERIC_PROCESS)).isTrue();

        assertThatThrownBy(() -> processes.start("no-such-process", TestCases.newCaseId(), 320500L))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("no-such-process")
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("approval.process.unknown");
    }

    @Test
    void aCaseHasOneProcessOnlyEvenAfterItEnded() {
        long caseId = TestCases.newCaseId();
        processes.start(CaseProcesses.GENERIC_PROCESS, caseId, 320500L);

        assertThatThrownBy(() -> processes.start(CaseProcesses.GENERIC_PROCESS, caseId, 320500L))
                .isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("approval.process.alreadyStarted");
        processes.complete(caseId, "preReview", "REFUSE", "window-1");
        assertThatThrownBy(() -> processes.start(CaseProcesses.GENERIC_PROCESS, caseId, 320500L))
                .isInstanceOf(BusinessRuleViolation.class);
        assertThat(reached(caseId)).hasSize(1);
    }

    private long startedAndAccepted() {
        long caseId = TestCases.newCaseId();
        processes.start(CaseProcesses.GENERIC_PROCESS, caseId, 320500L);
        processes.complete(caseId, "preReview", "ACCEPT", "window-1");
        return caseId;
    }

    private List<ProcessStepReached> reached(long caseId) {
        return events.stream(ProcessStepReached.class).filter(e -> e.caseId() == caseId).toList();
    }

    private List<ProcessEnded> ended(long caseId) {
        return events.stream(ProcessEnded.class).filter(e -> e.caseId() == caseId).toList();
    }
}

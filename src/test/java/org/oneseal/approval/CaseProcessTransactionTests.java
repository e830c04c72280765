package org.oneseal.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The engine's steps belong to the caller's transaction; two people acting on one step: one wins. */
@IntegrationTest
@Import(CaseProcessTransactionTests.CaseworkStandIn.class)
class CaseProcessTransactionTests {

    @Autowired
    CaseProcesses processes;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    CaseworkStandIn casework;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aStepCompletedInATransactionThatRollsBackIsStillActive() {
        long caseId = started();

        transaction("casework-rollback").executeWithoutResult(status -> {
            processes.complete(caseId, "preReview", "ACCEPT", "window-1");
            assertThat(processes.activeSteps(caseId)).containsExactly("review");
            status.setRollbackOnly();
        });

        assertThat(processes.activeSteps(caseId)).containsExactly("preReview");
        processes.complete(caseId, "preReview", "ACCEPT", "window-1");
        assertThat(processes.activeSteps(caseId)).containsExactly("review");
    }

    @Test
    void stepEventsReachListenersInsideTheCallersTransaction() {
        long caseId = started();

        transaction("casework-accept").executeWithoutResult(status ->
                processes.complete(caseId, "preReview", "ACCEPT", "window-1"));

        assertThat(casework.transactionSeen.get(caseId)).isEqualTo("casework-accept");
    }

    @Test
    void aListenerThatFailsUndoesTheStep() {
        long caseId = started();
        casework.failOn.put(caseId, "review");

        assertThatThrownBy(() -> transaction("casework-fails").executeWithoutResult(status ->
                processes.complete(caseId, "preReview", "ACCEPT", "window-1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("review");

        assertThat(processes.activeSteps(caseId)).containsExactly("preReview");
    }

    @Test
    void whoeverCompletesSecondWhileTheFirstIsStillOpenGetsStepNotActive() throws Exception {
        long caseId = started();
        CountDownLatch firstCompleted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        Future<String> first = threads.submit(() -> transaction("first").execute(status -> {
            processes.complete(caseId, "preReview", "ACCEPT", "window-1");
            firstCompleted.countDown();
            await(releaseFirst);
            return "completed";
        }));
        assertThat(firstCompleted.await(30, TimeUnit.SECONDS)).isTrue();
        Future<String> second = threads.submit(() -> attempt(caseId, "window-2"));
        Thread.sleep(300); // lets the second reach the row the first holds; the outcome is the same either way
        releaseFirst.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("completed");
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("refused");
        assertThat(processes.activeSteps(caseId)).containsExactly("review");
    }

    @Test
    void twoPeopleRacingOnTheSameStepNeverBothWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            long caseId = started();
            CyclicBarrier go = new CyclicBarrier(2);
            List<Future<String>> results = new ArrayList<>();
            for (String actor : List.of("window-1", "window-2")) {
                results.add(threads.submit(() -> {
                    go.await(30, TimeUnit.SECONDS);
                    return attempt(caseId, actor);
                }));
            }

            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsExactlyInAnyOrder("completed", "refused");
            assertThat(processes.activeSteps(caseId)).containsExactly("review");
        }
    }

    @Test
    void twoStartsOfTheSameCaseAtOnceMakeOneProcess() throws Exception {
        long caseId = TestCases.newCaseId();
        CyclicBarrier go = new CyclicBarrier(2);
        List<Future<String>> results = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            results.add(threads.submit(() -> {
                go.await(30, TimeUnit.SECONDS);
                try {
                    processes.start(CaseProcesses.GENERIC_PROCESS, caseId, 320500L);
                    return "started";
                } catch (org.oneseal.shared.BusinessRuleViolation e) {
                    return e.code();
                }
            }));
        }

        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get(60, TimeUnit.SECONDS));
        }
        assertThat(outcomes).containsExactlyInAnyOrder("started", "approval.process.alreadyStarted");
        assertThat(processes.activeSteps(caseId)).containsExactly("preReview");
    }

    private String attempt(long caseId, String actor) {
        try {
            transaction(actor).executeWithoutResult(status -> processes.complete(caseId, "preReview", "ACCEPT", actor));
            return "completed";
        } catch (StepNotActive e) {
            return "refused";
        }
    }

    private long started() {
        long caseId = TestCases.newCaseId();
        processes.start(CaseProcesses.GENERIC_PROCESS, caseId, 320500L);
        return caseId;
    }

    private TransactionTemplate transaction(String name) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setName(name);
        return template;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What casework will do: react to a step in the same transaction, and fail when it must. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CaseworkStandIn {

        final Map<Long, String> transactionSeen = new ConcurrentHashMap<>();
        final Map<Long, String> failOn = new ConcurrentHashMap<>();

        @EventListener
        void on(ProcessStepReached step) {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                String name = TransactionSynchronizationManager.getCurrentTransactionName();
                transactionSeen.put(step.caseId(), name == null ? "unnamed" : name);
            }
            if (step.stepKey().equals(failOn.get(step.caseId()))) {
                throw new IllegalStateException("casework cannot record step " + step.stepKey());
            }
        }
    }
}

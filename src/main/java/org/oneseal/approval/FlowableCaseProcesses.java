package org.oneseal.approval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.bpmn.model.Process;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.oneseal.shared.BusinessRuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link CaseProcesses} on the Flowable engine. The process instance's business key is the case id. Every method
 * joins the caller's transaction (the engine uses the application's DataSource and transaction manager), so a
 * caller that rolls back also undoes the engine's step and the events' effects.
 */
@Service
class FlowableCaseProcesses implements CaseProcesses {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final HistoryService history;
    private final ManagementService management;
    private final CaseLock caseLock;
    private final ApprovalMessages messages;

    FlowableCaseProcesses(RuntimeService runtime, TaskService tasks, RepositoryService repository, HistoryService history,
                          ManagementService management, CaseLock caseLock, ApprovalMessages messages) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.repository = repository;
        this.history = history;
        this.management = management;
        this.caseLock = caseLock;
        this.messages = messages;
    }

    @Override
    @Transactional
    public String start(String processKey, long caseId, long regionId) {
        if (processKey == null || processKey.isBlank() || !isDeployed(processKey)) {
            throw new BusinessRuleViolation("approval.process.unknown", messages.chinese("approval.process.unknown", processKey));
        }
        caseLock.lock(caseId);
        if (hasProcess(caseId)) {
            throw new BusinessRuleViolation("approval.process.alreadyStarted",
                    messages.chinese("approval.process.alreadyStarted", Long.toString(caseId)));
        }
        return runtime.createProcessInstanceBuilder()
                .processDefinitionKey(processKey)
                .businessKey(CaseKeys.businessKey(caseId))
                .variable(CaseKeys.CASE_ID_VARIABLE, caseId)
                .variable(CaseKeys.REGION_ID_VARIABLE, regionId)
                .start()
                .getId();
    }

    @Override
    @Transactional
    public void complete(long caseId, String stepKey, String outcome, String actor) {
        // two completions of the same case take turns: the second finds the step gone (StepNotActive) instead of
        // meeting the first one's half-moved execution inside the engine
        caseLock.lock(caseId);
        try {
            // one engine command: the nested calls share its context, so the task's assignee, its local
            // variables and its completion reach the database in one flush (a task updated and then deleted
            // in the same flush is simply deleted)
            management.executeCommand(context -> {
                Task task = activeTask(caseId, stepKey);
                requireAllowedOutcome(task, outcome);
                recordActorAndOutcome(task, outcome, actor);
                tasks.complete(task.getId(), actor, Map.of(CaseKeys.OUTCOME_VARIABLE, outcome), false);
                return null;
            });
        } catch (FlowableException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause instanceof FlowableException
                    && !(cause instanceof FlowableOptimisticLockingException || cause instanceof FlowableObjectNotFoundException)) {
                cause = cause.getCause(); // a nested call's failure arrives wrapped by the outer command
            }
            if (cause instanceof FlowableOptimisticLockingException || cause instanceof FlowableObjectNotFoundException) {
                throw new StepNotActive(caseId, stepKey);
            }
            throw cause instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    @Transactional
    public void terminate(long caseId, String reason) {
        caseLock.lock(caseId);
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(CaseKeys.businessKey(caseId)).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), reason));
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> activeSteps(long caseId) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(CaseKeys.businessKey(caseId))
                .orderByTaskCreateTime().asc()
                .list().stream()
                .map(Task::getTaskDefinitionKey)
                .distinct()
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isDeployed(String processKey) {
        return processKey != null
                && repository.createProcessDefinitionQuery().processDefinitionKey(processKey).active().count() > 0;
    }

    private boolean hasProcess(long caseId) {
        String key = CaseKeys.businessKey(caseId);
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count() > 0
                || history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).count() > 0;
    }

    private Task activeTask(long caseId, String stepKey) {
        if (stepKey == null || stepKey.isBlank()) {
            throw new StepNotActive(caseId, String.valueOf(stepKey));
        }
        List<Task> found = tasks.createTaskQuery()
                .processInstanceBusinessKey(CaseKeys.businessKey(caseId))
                .taskDefinitionKey(stepKey)
                .active()
                .listPage(0, 1);
        if (found.isEmpty()) {
            throw new StepNotActive(caseId, stepKey);
        }
        return found.getFirst();
    }

    /**
     * History of who did what per step: the task's assignee and the task-local variables {@code actor} and
     * {@code stepOutcome} (not {@code outcome}: a local variable of that name would hide the process variable the
     * gateways read).
     */
    private void recordActorAndOutcome(Task task, String outcome, String actor) {
        Map<String, Object> local = new HashMap<>();
        local.put(CaseKeys.STEP_OUTCOME_VARIABLE, outcome);
        if (actor != null && !actor.isBlank()) {
            tasks.setAssignee(task.getId(), actor);
            local.put(CaseKeys.ACTOR_VARIABLE, actor);
        }
        tasks.setVariablesLocal(task.getId(), local);
    }

    private void requireAllowedOutcome(Task task, String outcome) {
        Process process = repository.getBpmnModel(task.getProcessDefinitionId()).getMainProcess();
        Set<String> allowed = StepOutcomes.of(process, task.getTaskDefinitionKey());
        if (outcome == null || !allowed.contains(outcome)) {
            throw new BusinessRuleViolation("approval.outcome.invalid", messages.chinese("approval.outcome.invalid",
                    task.getName(), String.join("、", allowed), outcome == null ? "" : outcome));
        }
    }
}

package org.oneseal.approval;

import java.time.Clock;
import java.util.Comparator;
import org.flowable.common.engine.api.delegate.event.AbstractFlowableEventListener;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.service.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns the engine's "user task created" and "process completed" events into {@link ProcessStepReached} and
 * {@link ProcessEnded}, published synchronously on the engine's thread, inside the command and therefore inside
 * the caller's transaction: a listener that fails rolls the engine's step back with it.
 */
@Component
class ProcessEventBridge extends AbstractFlowableEventListener {

    /** The engine event types this bridge listens to, in the comma-separated form Flowable's configuration takes. */
    static final String EVENT_TYPES = String.join(",", FlowableEngineEventType.TASK_CREATED.name(),
            FlowableEngineEventType.PROCESS_COMPLETED.name(),
            FlowableEngineEventType.PROCESS_COMPLETED_WITH_TERMINATE_END_EVENT.name(),
            FlowableEngineEventType.PROCESS_COMPLETED_WITH_ERROR_END_EVENT.name());

    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ProcessEventBridge(ApplicationEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (!(event instanceof FlowableEntityEvent entityEvent)) {
            return;
        }
        switch (entityEvent.getEntity()) {
            case DelegateTask task when event.getType() == FlowableEngineEventType.TASK_CREATED -> stepReached(task);
            case ProcessInstance instance when event.getType() != FlowableEngineEventType.TASK_CREATED -> ended(instance);
            default -> {
            }
        }
    }

    private void stepReached(DelegateTask task) {
        Long caseId = CaseKeys.caseId(task.getVariable(CaseKeys.CASE_ID_VARIABLE));
        if (caseId == null) {
            return;
        }
        publisher.publishEvent(new ProcessStepReached(caseId, task.getProcessInstanceId(), task.getTaskDefinitionKey(),
                task.getName(), candidateRole(task), clock.instant()));
    }

    private void ended(ProcessInstance instance) {
        Long caseId = CaseKeys.caseId(instance.getBusinessKey());
        if (caseId != null && instance.getId().equals(instance.getProcessInstanceId())) {
            publisher.publishEvent(new ProcessEnded(caseId, instance.getProcessInstanceId(), clock.instant()));
        }
    }

    /** The task's candidate group (the first in name order when a modeler gave several), or null. */
    private static String candidateRole(DelegateTask task) {
        return task.getCandidates().stream()
                .map(IdentityLink::getGroupId)
                .filter(group -> group != null && !group.isBlank())
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** A listener of casework that fails must fail the step. */
    @Override
    public boolean isFailOnException() {
        return true;
    }
}

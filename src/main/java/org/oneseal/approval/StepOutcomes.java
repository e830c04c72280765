package org.oneseal.approval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.UserTask;

/**
 * The outcomes a step accepts, read from the process model itself: a step followed by an exclusive gateway
 * accepts exactly the values its conditions test ({@code ${outcome == 'ACCEPT'}}); a step with a plain flow
 * accepts its one completion word (correction: SUBMITTED, deliver: DELIVERED, any other step: DONE). So an
 * override that adds a decision needs no Java change.
 */
final class StepOutcomes {

    static final String DONE = "DONE";
    private static final Pattern CONDITION = Pattern.compile("outcome\\s*==\\s*['\"]([A-Za-z0-9_]+)['\"]");
    private static final Map<String, String> PLAIN_STEP_WORDS = Map.of("correction", "SUBMITTED", "deliver", "DELIVERED");

    private StepOutcomes() {
    }

    /** The accepted outcomes of step {@code stepKey} of {@code process}, in model order (empty if no such step). */
    static Set<String> of(Process process, String stepKey) {
        if (!(process.getFlowElement(stepKey, true) instanceof UserTask task)) {
            return Set.of();
        }
        Set<String> tested = new LinkedHashSet<>();
        for (SequenceFlow flow : task.getOutgoingFlows()) {
            FlowElement next = process.getFlowElement(flow.getTargetRef(), true);
            if (next instanceof ExclusiveGateway gateway) {
                tested.addAll(testedValues(gateway.getOutgoingFlows()));
            }
        }
        return tested.isEmpty() ? Set.of(PLAIN_STEP_WORDS.getOrDefault(stepKey, DONE)) : tested;
    }

    private static Set<String> testedValues(List<SequenceFlow> flows) {
        Set<String> values = new LinkedHashSet<>();
        for (SequenceFlow flow : flows) {
            if (flow.getConditionExpression() != null) {
                Matcher m = CONDITION.matcher(flow.getConditionExpression());
                while (m.find()) {
                    values.add(m.group(1));
                }
            }
        }
        return values;
    }
}

package org.oneseal.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Why two nodes need no Flowable job executor ({@code flowable.async-executor-activate: false}): the shipped
 * processes have no async continuation and no timer, so the engine never writes a job; every step runs in the
 * request that completes the previous one. Adding an async step or a timer makes this test fail, and then
 * running several nodes needs the async executor switched on (its job locks make each job run once).
 */
@IntegrationTest
class NoEngineJobsTests {

    private static final Pattern PROCESS_ID = Pattern.compile("<process\\s+id=\"([^\"]+)\"");

    @Autowired
    RepositoryService repository;
    @Autowired
    ManagementService management;
    @Autowired
    CaseProcesses processes;
    @Autowired
    JdbcClient jdbc;

    @Test
    void noElementOfAShippedProcessIsAsyncOrATimer() throws IOException {
        List<String> keys = shippedProcessKeys();
        assertThat(keys).contains(CaseProcesses.GENERIC_PROCESS, "oneseal-case-with-inspection", "oneseal-filing");
        for (String key : keys) {
            ProcessDefinition deployed = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult();
            BpmnModel model = repository.getBpmnModel(deployed.getId());
            List<FlowElement> elements = new ArrayList<>();
            for (Process process : model.getProcesses()) {
                elements.addAll(process.findFlowElementsOfType(FlowElement.class, true));
            }
            assertThat(elements).as("%s: parsed, start to end", key)
                    .anyMatch(org.flowable.bpmn.model.StartEvent.class::isInstance)
                    .anyMatch(org.flowable.bpmn.model.EndEvent.class::isInstance);
            assertThat(elements).as("%s: asynchronous elements", key).noneMatch(e -> e instanceof FlowNode node
                    && (node.isAsynchronous() || node.isAsynchronousLeave()));
            assertThat(elements).as("%s: timers", key).noneMatch(e -> e instanceof Event event
                    && event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance));
        }
    }

    @Test
    void wholeCaseLifecyclesLeaveNoJobForAnyNodeToRun() {
        long corrected = TestCases.newCaseId();
        processes.start(CaseProcesses.GENERIC_PROCESS, corrected, 320500L);
        processes.complete(corrected, "preReview", "CORRECT", "window-1");
        processes.complete(corrected, "correction", "SUBMITTED", "applicant-1");
        processes.complete(corrected, "preReview", "ACCEPT", "window-1");
        processes.complete(corrected, "review", "DONE", "reviewer-1");
        processes.complete(corrected, "decide", "GRANT", "chief-1");
        processes.complete(corrected, "deliver", "DELIVERED", "window-1");
        long inspected = TestCases.newCaseId();
        processes.start("oneseal-case-with-inspection", inspected, 320500L);
        processes.complete(inspected, "preReview", "ACCEPT", "window-1");
        processes.complete(inspected, "review", "DONE", "reviewer-1");
        processes.complete(inspected, "inspection", "DONE", "reviewer-2");
        processes.complete(inspected, "decide", "DENY", "chief-1");
        processes.complete(inspected, "deliver", "DELIVERED", "window-1");
        long refused = TestCases.newCaseId();
        processes.start(CaseProcesses.GENERIC_PROCESS, refused, 320500L);
        processes.complete(refused, "preReview", "REFUSE", "window-1");

        assertThat(List.of(corrected, inspected, refused)).allSatisfy(c -> assertThat(processes.activeSteps(c)).isEmpty());
        assertThat(jobCounts()).as("jobs of every kind in the engine").containsOnly(
                Map.entry("async", 0L), Map.entry("timer", 0L), Map.entry("suspended", 0L),
                Map.entry("deadletter", 0L), Map.entry("external", 0L), Map.entry("history", 0L));
        assertThat(jdbc.sql("select (select count(*) from public.act_ru_job) + (select count(*) from public.act_ru_timer_job)")
                .query(Long.class).single()).as("rows in ACT_RU_JOB and ACT_RU_TIMER_JOB").isZero();
    }

    private Map<String, Long> jobCounts() {
        Map<String, Long> counts = new TreeMap<>();
        counts.put("async", management.createJobQuery().count());
        counts.put("timer", management.createTimerJobQuery().count());
        counts.put("suspended", management.createSuspendedJobQuery().count());
        counts.put("deadletter", management.createDeadLetterJobQuery().count());
        counts.put("external", management.createExternalWorkerJobQuery().count());
        counts.put("history", management.createHistoryJobQuery().count());
        return counts;
    }

    private static List<String> shippedProcessKeys() throws IOException {
        List<String> keys = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources(ProcessDeployer.CLASSPATH_PATTERN)) {
            Matcher ids = PROCESS_ID.matcher(file.getContentAsString(StandardCharsets.UTF_8));
            while (ids.find()) {
                keys.add(ids.group(1));
            }
        }
        return keys;
    }
}

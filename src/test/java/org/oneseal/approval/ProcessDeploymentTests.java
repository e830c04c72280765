package org.oneseal.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Per-matter processes: the shipped override, an operator's file from {@code oneseal.processes.dir}, a broken
 * operator file, and deployments that happen once however often (and on however many nodes) the application starts.
 */
@IntegrationTest
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class ProcessDeploymentTests {

    static final Path OPERATOR_DIR = operatorDirectory();

    @DynamicPropertySource
    static void operatorProcesses(DynamicPropertyRegistry properties) {
        properties.add("oneseal.processes.dir", OPERATOR_DIR::toString);
    }

    @Autowired
    CaseProcesses processes;

    @Autowired
    ProcessDeployer deployer;

    @Autowired
    RepositoryService repository;

    @Autowired
    ApplicationEvents events;

    @Test
    void aCaseOfAMatterWithTheInspectionOverrideGoesThroughOnSiteInspection() {
        long caseId = TestCases.newCaseId();
        processes.start("oneseal-case-with-inspection", caseId, 320500L);
        processes.complete(caseId, "preReview", "ACCEPT", "window-1");
        processes.complete(caseId, "review", "DONE", "reviewer-1");

        assertThat(processes.activeSteps(caseId)).containsExactly("inspection");
        assertThat(events.stream(ProcessStepReached.class).filter(e -> e.caseId() == caseId && e.stepKey().equals("inspection")))
                .singleElement().satisfies(step -> {
                    assertThat(step.stepName()).isEqualTo("现场核查");
                    assertThat(step.candidateRole()).isEqualTo("REVIEWER");
                });
        processes.complete(caseId, "inspection", "DONE", "reviewer-2");
        assertThat(processes.activeSteps(caseId)).containsExactly("decide");
    }

    @Test
    void anOperatorsFileIsDeployedWithoutARebuild() {
        assertThat(processes.isDeployed("oneseal-operator-example")).isTrue();
        long caseId = TestCases.newCaseId();

        processes.start("oneseal-operator-example", caseId, 320500L);

        assertThat(processes.activeSteps(caseId)).containsExactly("check");
        processes.complete(caseId, "check", "DONE", "window-1");
        assertThat(processes.activeSteps(caseId)).isEmpty();
    }

    @Test
    void aBrokenOperatorFileIsSkippedWithAnErrorNamingIt(CapturedOutput output) {
        List<Deployment> made = deployer.deployUnderLock();

        assertThat(made).isEmpty();
        assertThat(output).contains("broken.bpmn20.xml").contains("was not deployed");
        assertThat(processes.isDeployed(CaseProcesses.GENERIC_PROCESS)).isTrue();
    }

    @Test
    void startingAgainDeploysNothingAndEveryProcessHasOneVersion() {
        assertThat(deployer.deployUnderLock()).isEmpty();

        for (String key : List.of("oneseal-case", "oneseal-case-with-inspection", "oneseal-operator-example")) {
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).as(key).isEqualTo(1);
        }
    }

    @Test
    void twoNodesStartingTogetherDeployANewFileOnceAndAChangeBecomesTheNextVersion() throws Exception {
        write("late.bpmn20.xml", process("oneseal-late-example", "核对"));

        assertThat(deployConcurrently()).isEqualTo(1);
        assertThat(versions("oneseal-late-example")).containsExactly(1);

        write("late.bpmn20.xml", process("oneseal-late-example", "复核"));
        assertThat(deployer.deployUnderLock()).hasSize(1);
        assertThat(versions("oneseal-late-example")).containsExactly(1, 2);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("oneseal-case").count()).isEqualTo(1);
    }

    private int deployConcurrently() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<List<Deployment>>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                runs.add(nodes.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return deployer.deployUnderLock();
                }));
            }
            int made = 0;
            for (Future<List<Deployment>> run : runs) {
                made += run.get(60, TimeUnit.SECONDS).size();
            }
            return made;
        } finally {
            nodes.shutdownNow();
        }
    }

    private List<Integer> versions(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().asc().list().stream().map(ProcessDefinition::getVersion).toList();
    }

    private static Path operatorDirectory() {
        try {
            Path dir = Files.createTempDirectory("oneseal-processes");
            Files.writeString(dir.resolve("operator-example.bpmn20.xml"), process("oneseal-operator-example", "核对"));
            Files.writeString(dir.resolve("broken.bpmn20.xml"), "<definitions>this is not BPMN");
            Files.writeString(dir.resolve("readme.txt"), "not a process file");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(String name, String content) throws IOException {
        Files.writeString(OPERATOR_DIR.resolve(name), content);
    }

    /** A one-step process an operator could draw in any modeler. */
    private static String process(String id, String stepName) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="https://example.org/operator">
                  <process id="%s" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
                    <userTask id="check" name="%s">
                      <potentialOwner><resourceAssignmentExpression><formalExpression>group(WINDOW_STAFF)</formalExpression></resourceAssignmentExpression></potentialOwner>
                    </userTask>
                    <sequenceFlow id="f2" sourceRef="check" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(id, stepName);
    }
}

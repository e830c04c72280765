package org.oneseal.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flowable.engine.HistoryService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.flowable.variable.api.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where the engine keeps its data, and what history it keeps. */
@IntegrationTest
class EngineStorageTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseProcesses processes;

    @Autowired
    HistoryService history;

    @Test
    void engineTablesLiveInPublicAndTheApplicationsInOneseal() {
        List<String> engineSchemas = jdbc.sql("""
                select distinct table_schema from information_schema.tables where table_name like 'act\\_%'""")
                .query(String.class).list();
        String flywaySchema = jdbc.sql("""
                select table_schema from information_schema.tables where table_name = 'flyway_schema_history'""")
                .query(String.class).single();

        assertThat(engineSchemas).containsExactly("public");
        assertThat(flywaySchema).isEqualTo("oneseal");
        assertThat(jdbc.sql("select count(*) from public.act_re_procdef").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name like 'act\\_id\\_%'")
                .query(Long.class).single()).as("no Flowable IDM tables").isZero();
    }

    @Test
    void historyKeepsWhoDidWhatAtEachStep() {
        long caseId = TestCases.newCaseId();
        processes.start(CaseProcesses.GENERIC_PROCESS, caseId, 320581L);
        processes.complete(caseId, "preReview", "CORRECT", "window-7");
        processes.complete(caseId, "correction", "SUBMITTED", "applicant-7");

        List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(Long.toString(caseId)).finished()
                .includeTaskLocalVariables().orderByHistoricTaskInstanceEndTime().asc().list();
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(Long.toString(caseId)).includeProcessVariables().singleResult();

        assertThat(done).extracting(HistoricTaskInstance::getTaskDefinitionKey).containsExactly("preReview", "correction");
        assertThat(done).extracting(HistoricTaskInstance::getAssignee).containsExactly("window-7", "applicant-7");
        assertThat(done.getFirst().getTaskLocalVariables()).containsEntry("stepOutcome", "CORRECT").containsEntry("actor", "window-7");
        assertThat(instance.getProcessVariables()).containsEntry("caseId", caseId).containsEntry("regionId", 320581L);
        Map<String, Object> variables = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .list().stream().filter(v -> v.getTaskId() == null)
                .collect(Collectors.toMap(HistoricVariableInstance::getVariableName, HistoricVariableInstance::getValue));
        assertThat(variables).containsEntry("outcome", "SUBMITTED");
    }
}

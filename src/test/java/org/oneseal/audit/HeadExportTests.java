package org.oneseal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oneseal.audit.AuditTestSupport.appendEntries;
import static org.oneseal.audit.AuditTestSupport.tamperAndRollBack;
import static org.oneseal.audit.AuditTestSupport.uniqueAction;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Head export (file + table), the actuator endpoint and the command-line verification. */
@IntegrationTest
class HeadExportTests {

    @Autowired AuditLog auditLog;
    @Autowired HeadExporter exporter;
    @Autowired HeadFile headFile;
    @Autowired AuditChainer chainer;
    @Autowired ChainVerifier verifier;
    @Autowired AuditChainEndpoint endpoint;
    @Autowired MessageSource messages;
    @Autowired ConfigurableApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired JsonMapper json;

    List<Long> seqs;

    @BeforeEach
    void entries() {
        AuditTestSupport.removeHeadFile(headFile);
        seqs = appendEntries(auditLog, jdbc, uniqueAction("export"), 3);
    }

    @Test
    void exportWritesTheHeadToTheFileAndTheTable() throws Exception {
        AuditHead head = exporter.export();
        assertThat(head.seq()).isGreaterThanOrEqualTo(seqs.getLast());
        JsonNode file = json.readTree(Files.readString(headFile.path()));
        assertThat(file.get("seq").asLong()).isEqualTo(head.seq());
        assertThat(file.get("hash").asString()).isEqualTo(head.hash())
                .isEqualTo(jdbc.sql("select hash from oneseal.audit_entry where seq = ?").param(head.seq())
                        .query(String.class).single());
        assertThat(file.get("exportedAt").asString()).endsWith("+08:00");
        assertThat(jdbc.sql("select seq, hash from oneseal.audit_head_export order by id desc limit 1")
                .query().singleRow()).containsEntry("seq", head.seq()).containsEntry("hash", head.hash());
        try (Stream<java.nio.file.Path> files = Files.list(headFile.path().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".audit-head-"));
        }
        // the test profile's file (one per test context, so parallel builds never share a stale head file)
        assertThat(headFile.path().getParent()).isEqualTo(Path.of("target").toAbsolutePath().normalize());
        assertThat(headFile.path().getFileName().toString()).matches("audit-head-[0-9a-f-]{36}\\.json");
    }

    @Test
    void theScheduledExportRunsUnderTheClusterLock() {
        exporter.scheduledExport();
        assertThat(jdbc.sql("select count(*) from oneseal.shedlock where name = 'audit-head-export'")
                .query(Long.class).single()).isOne();
        assertThat(headFile.read()).map(ExportedHeads.Known::seq).hasValueSatisfying(
                seq -> assertThat(seq).isGreaterThanOrEqualTo(seqs.getLast()));
    }

    @Test
    void theActuatorEndpointVerifiesTheChain() {
        exporter.export();
        ChainVerification result = endpoint.verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(result.lastSeq()).isGreaterThanOrEqualTo(seqs.getLast());
        assertThat(result.took()).isPositive();
    }

    @Test
    void theCommandLineVerificationPrintsTheResultAndChoosesTheExitCode() {
        VerifyAndExitRunner runner = new VerifyAndExitRunner(verifier, chainer, messages, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(runner.verifyAndPrint(new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo(VerifyAndExitRunner.EXIT_INTACT);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("审计日志完整");

        out.reset();
        long middle = seqs.get(1);
        int code = tamperAndRollBack(transaction, jdbc,
                () -> jdbc.sql("update oneseal.audit_entry set reason = '篡改' where seq = ?").param(middle).update(),
                () -> runner.verifyAndPrint(new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertThat(code).isEqualTo(VerifyAndExitRunner.EXIT_BROKEN);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("审计日志已被破坏：第 " + middle + " 条");
    }

    @Test
    void theCommandLineRunnerIsOffUnlessAskedFor() {
        assertThat(context.getBeanNamesForType(VerifyAndExitRunner.class)).isEmpty();
    }
}

package org.oneseal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oneseal.HttpSessionClient.location;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.oneseal.HttpSessionClient;
import org.oneseal.TestIds;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.identity.DemoAccounts;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Fault tests 2 and 3 of issue 4, in the suite (bench/faults.sh does them with processes and kill -9): two nodes
 * (two application contexts with HTTP servers of their own) on one PostgreSQL of the test's own, every scheduled
 * job firing every second. The nodes differ as two machines may: node B's scheduler clock can be set ahead of or
 * behind node A's, and node B's database sessions run in UTC while node A's run in Asia/Shanghai.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultTests {

    static final String PROBE = "test-tick-probe";
    static final List<String> JOBS = List.of("casework-overdue", "audit-head-export", "notification-resubmit");
    static final Duration TICK = Duration.ofSeconds(1);
    static final Duration LOCK_AT_MOST_FOR = Duration.ofSeconds(3);
    /** Shorter than the clock difference of the test: the lock alone would let the later node run the tick again. */
    static final Duration LOCK_AT_LEAST_FOR = Duration.ofMillis(100);
    static final Duration SKEW = Duration.ofMillis(400);
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);

    static RestartablePostgres postgres;
    static TestNode a;
    static TestNode b;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoNodes() throws IOException {
        postgres = new RestartablePostgres();
        a = TestNode.start(List.of(TickProbe.class), args("node-a"));
        b = TestNode.start(List.of(TickProbe.class, SchedulerSkew.class),
                args("node-b", "--spring.datasource.hikari.connection-init-sql=SET TIME ZONE 'UTC'"));
    }

    @AfterAll
    static void stopNodes() throws IOException {
        for (TestNode node : new TestNode[] {a, b}) {
            if (node != null && node.isRunning()) {
                node.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static String[] args(String node, String... more) {
        List<String> args = new ArrayList<>(List.of("--oneseal.node.id=" + node,
                "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.connection-timeout=" + CONNECTION_TIMEOUT.toMillis(),
                "--spring.datasource.hikari.validation-timeout=500",
                "--oneseal.casework.overdue-cron=* * * * * *",
                "--oneseal.audit.head-export-cron=* * * * * *",
                "--oneseal.notification.resubmit-cron=* * * * * *"));
        for (String job : List.of("casework.overdue", "audit.head-export", "notification.resubmit")) {
            args.add("--oneseal." + job + "-lock-at-most-for=" + LOCK_AT_MOST_FOR);
            args.add("--oneseal." + job + "-lock-at-least-for=" + LOCK_AT_LEAST_FOR);
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void aSessionStartedOnOneNodeWorksOnTheOtherWithItsCsrfTokenAndLogoutOnTheOtherEndsIt() {
        HttpSessionClient onA = new HttpSessionClient(a.port());
        assertThat(location(onA.submit("/login", "/login", Map.of("username", "leader", "password", DemoAccounts.PASSWORD))))
                .endsWith("/login/totp");
        assertThat(location(onA.submit("/login/totp", "/login/totp",
                Map.of("code", DemoAccounts.currentCode("leader", Instant.now()))))).endsWith("/workbench");
        String session = onA.sessionCookie();
        assertThat(onA.get("/workbench").body()).contains("局长");

        HttpSessionClient onB = onA.onPort(b.port());
        HttpResponse<String> page = onB.get("/workbench");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("局长").contains("全市");
        HttpResponse<String> api = onB.getJson("/api/v1/regions");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("示范市");
        assertThat(onB.sessionCookie()).as("node B kept node A's session").isEqualTo(session);

        onA.get("/workbench"); // the CSRF token of a page node A served
        HttpResponse<String> logout = onA.onPort(b.port()).post("/logout", Map.of());
        assertThat(location(logout)).as("node B accepts node A's CSRF token").endsWith("/login?logout");
        assertThat(location(onA.get("/workbench"))).as("logged out on node A too").contains("/login");
        assertThat(jdbc().sql("select count(*) from oneseal.spring_session where session_id = :id")
                .param("id", new String(Base64.getDecoder().decode(session))).query(Long.class).single()).isZero();
    }

    @Test
    @Order(2)
    void eachJobRunsOncePerTickAcrossBothNodesWhicheverClockFiresFirst() throws InterruptedException {
        assertThat(b.bean(TaskScheduler.class).getClock()).as("node B's scheduler runs on the skewed clock")
                .isSameAs(SchedulerSkew.CLOCK);
        Instant from = Instant.now().plus(TICK);
        SchedulerSkew.offset = SKEW; // node B fires 400 ms before node A
        Thread.sleep(3000);
        SchedulerSkew.offset = SKEW.negated(); // node B fires 400 ms after node A
        Thread.sleep(3000);
        Instant to = Instant.now().minus(TICK);

        List<SimpleLock> held = quiesce(b.bean(LockProvider.class));
        try {
            Map<Instant, List<String>> probeRuns = TickProbe.RUNS.stream().collect(Collectors.groupingBy(
                    TickProbe.Run::tick, TreeMap::new, Collectors.mapping(TickProbe.Run::node, Collectors.toList())));
            assertThat(probeRuns).as("probe executions per tick").allSatisfy((tick, nodes) -> assertThat(nodes).hasSize(1));
            Set<Instant> window = secondsBetween(from, to);
            Set<Instant> missed = new TreeSet<>(window);
            missed.removeAll(probeRuns.keySet());
            assertThat(missed).as("ticks of %s that no node ran", window).hasSizeLessThanOrEqualTo(1);
            assertThat(probeRuns.entrySet().stream().filter(e -> window.contains(e.getKey()))
                    .flatMap(e -> e.getValue().stream()).collect(Collectors.toSet()))
                    .as("the early node ran the ticks, the later one skipped them").contains("node-a", "node-b");
            assertThat(jdbc().sql("select node_id, tick from oneseal.job_run where job_name = :job and outcome = 'SUCCEEDED'")
                    .param("job", PROBE).query((rs, i) -> new TickProbe.Run(rs.getString(1), rs.getTimestamp(2).toInstant()))
                    .set()).as("one job run row per probe execution, same node and tick").isEqualTo(Set.copyOf(TickProbe.RUNS));

            for (String job : JOBS) {
                List<Map<String, Object>> rows = jdbc().sql("""
                        select node_id, outcome from oneseal.job_run
                        where job_name = :job and tick between :from and :to""")
                        .param("job", job).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                        .query().listOfRows();
                assertThat(rows).as(job).hasSizeGreaterThanOrEqualTo(window.size() - 1)
                        .allSatisfy(row -> assertThat(row.get("outcome")).isEqualTo("SUCCEEDED"));
                assertThat(rows.stream().map(row -> row.get("node_id")).collect(Collectors.toSet())).as(job)
                        .contains("node-a", "node-b");
            }
            assertThat(jdbc().sql("select count(*) from oneseal.audit_head_export").query(Long.class).single())
                    .as("every head export (a row each) was one recorded run")
                    .isEqualTo(jdbc().sql("select count(*) from oneseal.job_run where job_name = 'audit-head-export' and outcome = 'SUCCEEDED'")
                            .query(Long.class).single());
        } finally {
            held.forEach(SimpleLock::unlock);
        }
    }

    @Test
    @Order(3)
    void whileTheDatabaseRestartsNeitherNodeIsReadyBoth503AndRecoverWithoutLosingAcknowledgedWrites()
            throws IOException {
        assertThat(probe(a, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(register(new HttpSessionClient(a.port()), "restart01", 1).statusCode()).as("acknowledged write").isEqualTo(201);
        HttpSessionClient citizen = new HttpSessionClient(b.port());
        assertThat(location(citizen.submit("/login", "/login",
                Map.of("username", "restart01", "password", DemoAccounts.PASSWORD)))).endsWith("/me");

        postgres.stop();

        for (TestNode node : List.of(a, b)) {
            Waiting.until(Duration.ofSeconds(20), "readiness DOWN", () -> probe(node, "/actuator/health/readiness").statusCode() == 503);
            assertThat(probe(node, "/actuator/health/readiness").body()).contains("DOWN");
            assertThat(probe(node, "/actuator/health/liveness").statusCode()).as("liveness does not ask the database")
                    .isEqualTo(200);
        }
        assertUnavailableProblem(timed(() -> register(new HttpSessionClient(a.port()), "restart02", 2)));
        assertUnavailableProblem(timed(() -> citizen.getJson("/api/v1/me/messages")));
        HttpResponse<String> page = timed(() -> citizen.get("/me"));
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("系统暂时无法使用").contains("已经提交成功的内容不受影响");

        postgres.start();
        Instant recovered = Instant.now();

        for (TestNode node : List.of(a, b)) {
            Waiting.until(Duration.ofSeconds(30), "readiness UP", () -> probe(node, "/actuator/health/readiness").statusCode() == 200);
        }
        HttpSessionClient citizenOnA = citizen.onPort(a.port());
        List<Integer> after = new ArrayList<>(List.of(citizen.get("/me").statusCode(), citizenOnA.get("/me").statusCode(),
                citizenOnA.getJson("/api/v1/me/messages").statusCode(),
                register(new HttpSessionClient(b.port()), "restart02", 2).statusCode()));
        for (int i = 3; i <= 10; i++) {
            after.add(register(new HttpSessionClient((i % 2 == 0 ? a : b).port()), "restart%02d".formatted(i), i).statusCode());
        }
        assertThat(after).as("no 5xx after recovery: the session lived through, the refused write can be repeated")
                .containsExactly(200, 200, 200, 201, 201, 201, 201, 201, 201, 201, 201, 201);
        assertThat(jdbc().sql("select username from oneseal.account where username like 'restart%' order by username")
                .query(String.class).list()).as("the write acknowledged before the restart is there, each write once")
                .containsExactly("restart01", "restart02", "restart03", "restart04", "restart05", "restart06",
                        "restart07", "restart08", "restart09", "restart10");
        for (String job : JOBS) {
            Waiting.until(Duration.ofSeconds(10), job + " runs again", () -> jdbc().sql("""
                    select count(*) from oneseal.job_run
                    where job_name = :job and outcome = 'SUCCEEDED' and started_at > :recovered""")
                    .param("job", job).param("recovered", Timestamp.from(recovered)).query(Long.class).single() > 0);
        }
    }

    @Test
    @Order(4)
    void whenANodeDiesMidJobTheOtherFinishesTheWorkOnceTheDeadNodesLockRunsOut() {
        SimpleLock neverReleased = acquire(a.bean(LockProvider.class), "audit-head-export");
        Map<String, Object> lock = jdbc().sql("""
                select locked_by, lock_until at time zone 'UTC' as lock_until
                from oneseal.shedlock where name = 'audit-head-export'""").query().singleRow();
        assertThat(lock.get("locked_by")).isEqualTo("node-a");
        Instant lockUntil = ((Timestamp) lock.get("lock_until")).toInstant();
        Instant tick = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(TICK);
        long deadRun = a.bean(JobRunLog.class).start("audit-head-export", tick, "node-a").orElseThrow();
        b.bean(AuditLog.class).recordIndependently(AuditRecord.of("test.cluster.kill", "Test", "kill").actor("test"));
        long seq = jdbc().sql("select max(seq) from oneseal.audit_entry where action = 'test.cluster.kill'")
                .query(Long.class).single();
        a.close(); // node A is gone mid-run, its lock still held: what kill -9 leaves behind
        assertThat(neverReleased).isNotNull();

        Waiting.until(LOCK_AT_MOST_FOR.plus(TICK).plusSeconds(4), "node B exports the head node A did not",
                () -> jdbc().sql("select coalesce(max(seq), 0) from oneseal.audit_head_export").query(Long.class).single() >= seq);
        Map<String, Object> finished = jdbc().sql("""
                select node_id, outcome, started_at from oneseal.job_run
                where job_name = 'audit-head-export' and tick > :tick order by tick limit 1""")
                .param("tick", Timestamp.from(tick)).query().singleRow();
        assertThat(finished.get("node_id")).isEqualTo("node-b");
        assertThat(finished.get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(((Timestamp) finished.get("started_at")).toInstant()).as("node B waited for the dead node's lock")
                .isAfterOrEqualTo(lockUntil).isBefore(lockUntil.plus(TICK).plusSeconds(3));
        assertThat(jdbc().sql("select outcome from oneseal.job_run where id = :id").param("id", deadRun)
                .query(String.class).single()).as("the dead node's run").isEqualTo("ABANDONED");
    }

    private static JdbcClient jdbc() {
        return b.bean(JdbcClient.class);
    }

    private static void assertUnavailableProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body()).contains("\"status\":503").contains("数据库暂时无法访问");
    }

    /** While the database is down an answer comes within the pool's connection timeout, not after 30 s. */
    private static HttpResponse<String> timed(Supplier<HttpResponse<String>> request) {
        long start = System.nanoTime();
        HttpResponse<String> response = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answer time")
                .isLessThan(CONNECTION_TIMEOUT.multipliedBy(10));
        return response;
    }

    private static HttpResponse<String> register(HttpSessionClient client, String username, int n) {
        return client.postJson("/api/v1/registrations/person", """
                {"username": "%s", "password": "%s", "passwordConfirm": "%s", "realName": "重启测试",
                 "idCardNumber": "%s"}""".formatted(username, DemoAccounts.PASSWORD, DemoAccounts.PASSWORD,
                TestIds.idCard("51010419900101%03d".formatted(n))));
    }

    private static HttpResponse<String> probe(TestNode node, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Holds every job's lock: then no run is in progress on any node. */
    private static List<SimpleLock> quiesce(LockProvider locks) {
        return Stream.concat(JOBS.stream(), Stream.of(PROBE)).map(job -> acquire(locks, job)).toList();
    }

    private static SimpleLock acquire(LockProvider locks, String job) {
        SimpleLock[] lock = new SimpleLock[1];
        Waiting.until(Duration.ofSeconds(10), "the lock of " + job, () -> {
            lock[0] = locks.lock(new LockConfiguration(Instant.now(), job, LOCK_AT_MOST_FOR, Duration.ZERO)).orElse(null);
            return lock[0] != null;
        });
        return lock[0];
    }

    private static Set<Instant> secondsBetween(Instant from, Instant to) {
        Set<Instant> seconds = new TreeSet<>();
        for (Instant s = from.truncatedTo(ChronoUnit.SECONDS).plus(TICK); !s.isAfter(to); s = s.plus(TICK)) {
            seconds.add(s);
        }
        return seconds;
    }

    /**
     * A job of the test on every node: records which node executed it for which tick (the second of the node's
     * scheduler clock; a scheduler may fire a few milliseconds early).
     */
    static class TickProbe {

        record Run(String node, Instant tick) {
        }

        static final List<Run> RUNS = new CopyOnWriteArrayList<>();

        private final NodeIdentity node;
        private final TaskScheduler scheduler;

        TickProbe(NodeIdentity node, TaskScheduler scheduler) {
            this.node = node;
            this.scheduler = scheduler;
        }

        @Scheduled(cron = "* * * * * *")
        @SchedulerLock(name = PROBE, lockAtMostFor = "PT3S", lockAtLeastFor = "PT0.1S")
        public void run() {
            Instant fired = scheduler.getClock().instant().plus(JobTick.EARLY_FIRE_SLACK);
            RUNS.add(new Run(node.id(), fired.truncatedTo(ChronoUnit.SECONDS)));
        }
    }

    /** Node B's scheduler clock: the system clock plus an offset the test moves. */
    static class SchedulerSkew {

        static volatile Duration offset = Duration.ZERO;

        static final Clock CLOCK = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.systemDefault();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(offset);
            }
        };

        @Bean
        SimpleAsyncTaskSchedulerCustomizer skewedSimpleScheduler() {
            return scheduler -> scheduler.setClock(CLOCK);
        }

        @Bean
        ThreadPoolTaskSchedulerCustomizer skewedPoolScheduler() {
            return scheduler -> scheduler.setClock(CLOCK);
        }
    }
}

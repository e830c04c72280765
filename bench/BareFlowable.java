import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

/**
 * The baseline of the lifecycle benchmark: a bare Flowable engine (its defaults, history level "audit")
 * running a 4-step process — start + 3 user tasks — directly on the same PostgreSQL, with as many
 * concurrent clients as the platform's run. Each client starts an instance and completes its three tasks,
 * each call in its own engine transaction, exactly as an application without any of the platform's work
 * (no HTTP, no materials, no audit chain, no licence) would.
 *
 * Usage: java -cp 'lib/*' BareFlowable.java JDBC_URL USER PASSWORD CLIENTS WARMUP_SECONDS MEASURE_SECONDS
 * Prints: RESULT bare_flowable <processes per second> cases/s
 */
public class BareFlowable {

    private static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="bench">
              <process id="bare" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="accept"/>
                <userTask id="accept" name="accept"/>
                <sequenceFlow id="f2" sourceRef="accept" targetRef="review"/>
                <userTask id="review" name="review"/>
                <sequenceFlow id="f3" sourceRef="review" targetRef="decide"/>
                <userTask id="decide" name="decide"/>
                <sequenceFlow id="f4" sourceRef="decide" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>""";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int clients = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int measure = Integer.parseInt(args[5]);

        ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(url).setJdbcUsername(user).setJdbcPassword(password).setJdbcDriver("org.postgresql.Driver")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistoryLevel(HistoryLevel.AUDIT)
                .buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("bare")
                .addInputStream("bare.bpmn20.xml", new ByteArrayInputStream(BPMN.getBytes(StandardCharsets.UTF_8)))
                .deploy();
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();

        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmupEnd + measure * 1_000_000_000L;
        AtomicLong all = new AtomicLong();
        long started = System.nanoTime();
        Thread progress = Thread.ofPlatform().daemon().start(() -> { // shows whether the rate holds over the run
            long last = 0;
            while (true) {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    return;
                }
                long now = all.get();
                System.out.printf("# bare flowable after %d s: %.1f processes/s in the last 30 s%n",
                        (System.nanoTime() - started) / 1_000_000_000L, (now - last) / 30.0);
                last = now;
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        long[] measuredFrom = new long[1];
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        String id = runtime.startProcessInstanceByKey("bare").getId();
                        for (int step = 0; step < 3; step++) {
                            Task task = tasks.createTaskQuery().processInstanceId(id).singleResult();
                            tasks.complete(task.getId());
                        }
                        all.incrementAndGet();
                        if (System.nanoTime() >= warmupEnd) {
                            done.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        progress.interrupt();
        double rate = done.get() / (double) measure;
        System.out.printf("RESULT bare_flowable %.1f cases/s%n", rate);
        System.out.printf("# bare flowable: %d processes completed in %d s by %d clients, %d failed%n",
                done.get(), measure, clients, failed.get());
        engine.close();
    }
}

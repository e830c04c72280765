package org.oneseal.platform;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.TaskScheduler;

/**
 * Around every {@link SchedulerLock} method, inside its lock (the ShedLock advisor is ordered before this one):
 * records the run in {@code job_run} under the lock's name, this node's id and the tick, and skips the run when
 * another node already ran this tick (a node whose clock fires later than the lock lasted). The tick comes from
 * the scheduler's clock, the one that fired the job.
 */
final class JobRunRecorder implements MethodInterceptor {

    private static final Logger log = LoggerFactory.getLogger(JobRunRecorder.class);

    private final ObjectProvider<JobRunLog> runs;
    private final ObjectProvider<NodeIdentity> node;
    private final ObjectProvider<TaskScheduler> schedulers;
    private final UnaryOperator<String> placeholders;

    JobRunRecorder(ObjectProvider<JobRunLog> runs, ObjectProvider<NodeIdentity> node,
            ObjectProvider<TaskScheduler> schedulers, UnaryOperator<String> placeholders) {
        this.runs = runs;
        this.node = node;
        this.schedulers = schedulers;
        this.placeholders = placeholders;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Method method = invocation.getThis() == null ? invocation.getMethod()
                : AopUtils.getMostSpecificMethod(invocation.getMethod(), AopUtils.getTargetClass(invocation.getThis()));
        SchedulerLock lock = AnnotatedElementUtils.findMergedAnnotation(method, SchedulerLock.class);
        if (lock == null) {
            return invocation.proceed();
        }
        String job = placeholders.apply(lock.name());
        Instant tick = JobTick.of(method, placeholders, schedulerClock().instant());
        JobRunLog ledger = runs.getObject();
        Optional<Long> run = ledger.start(job, tick, node.getObject().id());
        if (run.isEmpty()) {
            log.debug("job {}: tick {} was already run by another node; skipped", job, tick);
            return Optional.class.equals(method.getReturnType()) ? Optional.empty() : null;
        }
        Object result;
        try {
            result = invocation.proceed();
        } catch (Throwable e) {
            recordQuietly(() -> ledger.failed(run.get(), e), job);
            throw e;
        }
        recordQuietly(() -> ledger.succeeded(run.get()), job);
        return result;
    }

    private Clock schedulerClock() {
        TaskScheduler scheduler = schedulers.getIfUnique();
        return scheduler != null ? scheduler.getClock() : Clock.systemDefaultZone();
    }

    /** The job's own outcome matters more than its record: a failure to record the end is only logged. */
    private static void recordQuietly(Runnable record, String job) {
        try {
            record.run();
        } catch (RuntimeException e) {
            log.warn("job {}: could not record the end of its run: {}", job, e.getMessage());
        }
    }
}

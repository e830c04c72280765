package org.oneseal.platform;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.TaskScheduler;

/**
 * Records every run of a {@link SchedulerLock} job ({@link JobRunRecorder}). The advisor comes after ShedLock's
 * ({@link PlatformConfiguration#SCHEDULER_LOCK_ORDER}), so only the node holding the lock records and runs.
 */
@Configuration(proxyBeanMethods = false)
class JobRunConfiguration {

    static final int JOB_RUN_ORDER = Ordered.LOWEST_PRECEDENCE;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor jobRunAdvisor(ObjectProvider<JobRunLog> runs, ObjectProvider<NodeIdentity> node,
            ObjectProvider<TaskScheduler> schedulers, Environment env) {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                AnnotationMatchingPointcut.forMethodAnnotation(SchedulerLock.class),
                new JobRunRecorder(runs, node, schedulers, env::resolvePlaceholders));
        advisor.setOrder(JOB_RUN_ORDER);
        return advisor;
    }
}

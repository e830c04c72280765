package org.oneseal.platform;

import java.time.Clock;
import java.time.ZoneId;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The business clock (Asia/Shanghai), scheduling and the cluster-wide job lock. The lock's advisor is ordered
 * before the job run recorder's ({@link JobRunConfiguration}): a node records and runs a job only while it holds
 * the job's lock. The lock rows name this node ({@link NodeIdentity}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M", order = PlatformConfiguration.SCHEDULER_LOCK_ORDER)
class PlatformConfiguration {

    static final int SCHEDULER_LOCK_ORDER = JobRunConfiguration.JOB_RUN_ORDER - 1;

    /** Business dates are Asia/Shanghai; every module takes this clock instead of calling now(). */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(BUSINESS_ZONE);
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource, NodeIdentity node) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("oneseal.shedlock")
                .withLockedByValue(node.id())
                .usingDbTime()
                .build());
    }
}

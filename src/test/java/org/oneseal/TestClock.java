package org.oneseal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The business clock of integration tests: real time (Asia/Shanghai) plus an offset a test may move
 * forward (e.g. past a lockout). Tests that move it call {@link #reset()} afterwards.
 */
public class TestClock extends Clock {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /**
     * Moves "now" to the given day at 10:00 (Asia/Shanghai), time running on from there: tests of case
     * deadlines run inside the years whose holidays are shipped, whatever the real date.
     */
    public void travelTo(java.time.LocalDate day) {
        offset = Duration.between(Instant.now(), day.atTime(10, 0).atZone(ZONE).toInstant());
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}

package org.oneseal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

/** Which tick a job run belongs to: the same on every node, however late (or slightly early) its clock fires. */
class JobTickTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final UnaryOperator<String> PROPERTIES = text -> Map.of(
            "${job.cron:0 5 * * * *}", "0 5 * * * *", "${job.disabled:-}", "-").getOrDefault(text, text);

    static class Jobs {
        @Scheduled(cron = "${job.cron:0 5 * * * *}", zone = "Asia/Shanghai")
        void hourly() {
        }

        @Scheduled(cron = "0 */10 * * * *", zone = "Asia/Shanghai")
        void everyTenMinutes() {
        }

        @Scheduled(cron = "${job.disabled:-}")
        void disabled() {
        }

        void called() {
        }
    }

    @Test
    void aRunBelongsToTheLatestCronTimeAtOrBeforeItsStartOnEveryNode() throws Exception {
        Method hourly = Jobs.class.getDeclaredMethod("hourly");
        Instant tick = at(2026, 3, 2, 10, 5, 0, 0);
        assertThat(JobTick.of(hourly, PROPERTIES, tick)).isEqualTo(tick);
        assertThat(JobTick.of(hourly, PROPERTIES, tick.plusMillis(400))).as("a node firing later").isEqualTo(tick);
        assertThat(JobTick.of(hourly, PROPERTIES, at(2026, 3, 2, 10, 59, 0, 0))).as("a very late run").isEqualTo(tick);
        assertThat(JobTick.of(hourly, PROPERTIES, tick.minusMillis(3))).as("a scheduler firing 3 ms early").isEqualTo(tick);
        assertThat(JobTick.of(hourly, PROPERTIES, tick.minusSeconds(2))).as("not early: the tick before")
                .isEqualTo(at(2026, 3, 2, 9, 5, 0, 0));

        Method tenMinutes = Jobs.class.getDeclaredMethod("everyTenMinutes");
        assertThat(JobTick.of(tenMinutes, PROPERTIES, at(2026, 1, 1, 0, 9, 59, 0))).isEqualTo(at(2026, 1, 1, 0, 0, 0, 0));
        assertThat(JobTick.of(tenMinutes, PROPERTIES, at(2026, 1, 1, 0, 0, 1, 0))).as("across midnight and the year")
                .isEqualTo(at(2026, 1, 1, 0, 0, 0, 0));
    }

    @Test
    void aMethodWithoutACronRunsForItsOwnMoment() throws Exception {
        Instant now = at(2026, 3, 2, 10, 17, 3, 123_456_789);
        assertThat(JobTick.of(Jobs.class.getDeclaredMethod("disabled"), PROPERTIES, now)).isEqualTo(now.minusNanos(456_789));
        assertThat(JobTick.of(Jobs.class.getDeclaredMethod("called"), PROPERTIES, now)).isEqualTo(now.minusNanos(456_789));
    }

    private static Instant at(int year, int month, int day, int hour, int minute, int second, int nanos) {
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).atZone(SHANGHAI).toInstant();
    }
}

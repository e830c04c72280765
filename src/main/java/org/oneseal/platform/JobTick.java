package org.oneseal.platform;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.util.StringUtils;

/**
 * The tick a job run belongs to: the latest time of the job's cron at or before "now" on the scheduler's clock.
 * Every node computes the same tick for the same cron time, whenever within the interval its clock fires; a
 * scheduler may fire a few milliseconds early, so "now" is taken {@link #EARLY_FIRE_SLACK} later. A method
 * without a cron (called directly, or a disabled cron {@code "-"}) gets "now" as its tick.
 */
final class JobTick {

    static final Duration EARLY_FIRE_SLACK = Duration.ofMillis(200);
    private static final Duration LONGEST_LOOK_BACK = Duration.ofDays(800);

    private JobTick() {
    }

    static Instant of(Method method, UnaryOperator<String> placeholders, Instant now) {
        Set<Scheduled> schedules = AnnotatedElementUtils.findMergedRepeatableAnnotations(method, Scheduled.class);
        for (Scheduled scheduled : schedules) {
            String cron = placeholders.apply(scheduled.cron());
            if (StringUtils.hasText(cron) && !Scheduled.CRON_DISABLED.equals(cron)) {
                String zone = placeholders.apply(scheduled.zone());
                ZoneId zoneId = StringUtils.hasText(zone) ? ZoneId.of(zone) : ZoneId.systemDefault();
                return latestAtOrBefore(CronExpression.parse(cron), now.plus(EARLY_FIRE_SLACK).atZone(zoneId))
                        .toInstant();
            }
        }
        return now.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The latest time of the cron at or before {@code time} (or {@code time} when there is none in 800 days). */
    static ZonedDateTime latestAtOrBefore(CronExpression cron, ZonedDateTime time) {
        for (Duration back = Duration.ofSeconds(1); back.compareTo(LONGEST_LOOK_BACK) <= 0; back = back.multipliedBy(2)) {
            ZonedDateTime latest = cron.next(time.minus(back));
            if (latest != null && !latest.isAfter(time)) {
                for (ZonedDateTime next = cron.next(latest); next != null && !next.isAfter(time); next = cron.next(next)) {
                    latest = next;
                }
                return latest;
            }
        }
        return time;
    }
}

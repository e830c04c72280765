package org.oneseal.complaint;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.oneseal.shared.BusinessRuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Reports without login: at most so many per network address and hour on a node, against scripted floods. */
@Component
class ReportLimit {

    private final Clock clock;
    private final ComplaintMessages messages;
    private final int perHour;
    private final Map<String, int[]> counts = new ConcurrentHashMap<>();
    private volatile long hour = -1;

    ReportLimit(Clock clock, ComplaintMessages messages,
            @Value("${oneseal.complaint.public-reports-per-address-per-hour:10}") int perHour) {
        this.clock = clock;
        this.messages = messages;
        this.perHour = perHour;
    }

    synchronized void check(String address) {
        long now = clock.millis() / 3_600_000L;
        if (now != hour) {
            counts.clear();
            hour = now;
        }
        if (++counts.computeIfAbsent(address == null ? "?" : address, a -> new int[1])[0] > perHour) {
            throw new BusinessRuleViolation("complaint.limit", messages.text("complaint.limit"));
        }
    }
}

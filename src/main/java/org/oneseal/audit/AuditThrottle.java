package org.oneseal.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Refused attempts at anonymous endpoints (the hall rating page, pushes with a bad token, ticket machines) are
 * audited at most once a minute per network address and action: a flood is recorded, but cannot flood the audit
 * log in turn.
 */
@Component
public class AuditThrottle {

    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Instant> last = new ConcurrentHashMap<>();

    AuditThrottle(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Records the refusal unless one of the same action from the same address was recorded in the last minute. */
    public void record(String address, AuditRecord record) {
        Instant now = clock.instant();
        String key = (address == null ? "?" : address) + " " + record.action();
        Instant previous = last.get(key);
        if (previous != null && previous.plus(Duration.ofMinutes(1)).isAfter(now)) {
            return;
        }
        if (last.size() > 100_000) {
            last.clear();
        }
        last.put(key, now);
        audit.recordIndependently(record);
    }
}

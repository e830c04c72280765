package org.oneseal.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.springframework.stereotype.Component;

/**
 * Refused attempts of the anonymous endpoints (the hall page, pushes with a bad token) are audited at most once a
 * minute per network address: a flood is recorded, but cannot flood the audit log in turn.
 */
@Component
class AuditThrottle {

    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Instant> last = new ConcurrentHashMap<>();

    AuditThrottle(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    void record(String address, AuditRecord record) {
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

package org.oneseal.calendar;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each year's special days in memory, so that deadline arithmetic costs map look-ups, not queries.
 *
 * <ul>
 *   <li>This node: {@link CalendarAdministration} evicts a year after the transaction that changed it
 *       commits.</li>
 *   <li>Other nodes: every change increments {@code calendar_year.version}; an entry older than
 *       {@code oneseal.calendar.cache-recheck} (default 30 s) is checked against that version with one
 *       small query and reloaded only if it changed. So another node sees a change within that time.</li>
 * </ul>
 * Years without data are not cached: asking for one queries the database each time and throws.
 */
@Component
class CalendarCache implements WorkingDayRule.YearSource {

    private record Entry(YearDays days, long checkedAt) {
    }

    private final Map<Integer, Entry> entries = new ConcurrentHashMap<>();
    private final CalendarQueries queries;
    private final CalendarMessages messages;
    private final long recheckNanos;

    CalendarCache(CalendarQueries queries, CalendarMessages messages,
            @Value("${oneseal.calendar.cache-recheck:PT30S}") Duration recheck) {
        this.queries = queries;
        this.messages = messages;
        this.recheckNanos = recheck.toNanos();
    }

    @Override
    public YearDays year(int year) {
        Entry entry = entries.get(year);
        long now = System.nanoTime();
        if (entry != null && now - entry.checkedAt() < recheckNanos) {
            return entry.days();
        }
        return entry == null ? load(year, now) : recheck(entry, now);
    }

    /** Forgets a year; the next look-up reads it again. */
    void evict(int year) {
        entries.remove(year);
    }

    private YearDays recheck(Entry entry, long now) {
        int year = entry.days().year();
        Long version = queries.version(year).orElse(null);
        if (version == null) {
            entries.remove(year);
            throw messages.yearNotPublished(year);
        }
        if (version == entry.days().version()) {
            entries.put(year, new Entry(entry.days(), now));
            return entry.days();
        }
        return load(year, now);
    }

    private YearDays load(int year, long now) {
        YearDays days = queries.yearDays(year).orElseThrow(() -> messages.yearNotPublished(year));
        entries.put(year, new Entry(days, now));
        return days;
    }
}

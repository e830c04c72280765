package org.oneseal.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How an administrator maintains the calendar (authority {@code calendar:manage}): years with their
 * source document, and their holidays and make-up working days. Every change is audited in the same
 * transaction, publishes {@link CalendarYearChanged} and evicts the year from the cache after commit.
 */
@Service
@PreAuthorize("hasAuthority('calendar:manage')")
class CalendarAdministration {

    private static final String DAY = "CalendarDay";

    private final CalendarYears years;
    private final CalendarQueries queries;
    private final CalendarCache cache;
    private final CalendarMessages messages;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CalendarAdministration(CalendarYears years, CalendarQueries queries, CalendarCache cache,
            CalendarMessages messages, AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
        this.years = years;
        this.queries = queries;
        this.cache = cache;
        this.messages = messages;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<YearSummary> years() {
        return queries.yearSummaries();
    }

    @Transactional(readOnly = true)
    public YearDetail year(int year) {
        return YearDetail.of(load(year));
    }

    @Transactional
    public void createYear(int year, String sourceDocument) {
        if (years.existsById(year)) {
            throw rejected(new CalendarRuleBroken("year", "calendar.year.error.exists", String.valueOf(year)));
        }
        CalendarYear created = apply(() -> CalendarYear.create(year, sourceDocument, clock.instant()));
        years.save(created);
        changed(year, AuditRecord.of("calendar.year.create", "CalendarYear", year));
    }

    @Transactional
    public void changeSource(int year, String sourceDocument) {
        update(year, y -> y.changeSource(sourceDocument, clock.instant()));
        changed(year, AuditRecord.of("calendar.year.update", "CalendarYear", year));
    }

    @Transactional
    public void addDay(int year, LocalDate date, SpecialDayKind kind, String name) {
        update(year, y -> y.addDay(date, kind, name, clock.instant()));
        changed(year, AuditRecord.of("calendar.day.create", DAY, date));
    }

    @Transactional
    public void changeDay(int year, LocalDate date, SpecialDayKind kind, String name) {
        update(year, y -> y.changeDay(date, kind, name, clock.instant()));
        changed(year, AuditRecord.of("calendar.day.update", DAY, date));
    }

    @Transactional
    public void removeDay(int year, LocalDate date) {
        update(year, y -> y.removeDay(date, clock.instant()));
        changed(year, AuditRecord.of("calendar.day.delete", DAY, date));
    }

    private void update(int year, Consumer<CalendarYear> change) {
        CalendarYear calendarYear = load(year);
        apply(() -> {
            change.accept(calendarYear);
            return calendarYear;
        });
        years.save(calendarYear);
    }

    private CalendarYear load(int year) {
        return years.findById(year).orElseThrow(() -> new NotFoundException("calendar year " + year));
    }

    private <T> T apply(Supplier<T> change) {
        try {
            return change.get();
        } catch (CalendarRuleBroken broken) {
            throw rejected(broken);
        }
    }

    private CalendarChangeRejected rejected(CalendarRuleBroken broken) {
        return new CalendarChangeRejected(broken.field(), broken.key(), broken.args(),
                messages.chinese(broken.key(), broken.args()));
    }

    /** City-wide data: the audit entry has no region. */
    private void changed(int year, AuditRecord record) {
        auditLog.record(record.region(null));
        events.publishEvent(new CalendarYearChanged(year));
        evictAfterCommit(year);
    }

    private void evictAfterCommit(int year) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache.evict(year);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                cache.evict(year);
            }
        });
    }
}

package org.oneseal.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The holiday arrangement of one year (aggregate root): its source document and its special days.
 * It refuses a day outside the year, a second entry for the same date, a make-up working day on a
 * Monday to Friday and a day without name. {@code version} grows with every saved change.
 */
@Table(schema = "oneseal", name = "calendar_year")
class CalendarYear {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2200;
    static final int MAX_SOURCE_LENGTH = 300;
    static final int MAX_NAME_LENGTH = 50;

    @Id
    private final Integer year;
    private String sourceDocument;
    @Version
    private Long version;
    private Instant updatedAt;
    @MappedCollection(idColumn = "year")
    private final Set<SpecialDay> days;

    @PersistenceCreator
    CalendarYear(Integer year, String sourceDocument, Long version, Instant updatedAt, Set<SpecialDay> days) {
        this.year = year;
        this.sourceDocument = sourceDocument;
        this.version = version;
        this.updatedAt = updatedAt;
        this.days = new HashSet<>(days);
    }

    static CalendarYear create(int year, String sourceDocument, Instant now) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new CalendarRuleBroken("year", "calendar.year.error.range");
        }
        return new CalendarYear(year, requireText("sourceDocument", sourceDocument, MAX_SOURCE_LENGTH,
                "calendar.year.error.sourceRequired"), null, now, Set.of());
    }

    void changeSource(String newSourceDocument, Instant now) {
        sourceDocument = requireText("sourceDocument", newSourceDocument, MAX_SOURCE_LENGTH,
                "calendar.year.error.sourceRequired");
        updatedAt = now;
    }

    void addDay(LocalDate date, SpecialDayKind kind, String name, Instant now) {
        requireInYear(date);
        find(date).ifPresent(existing -> {
            throw new CalendarRuleBroken("date", "calendar.day.error.alreadySpecial", date.toString(), existing.name());
        });
        days.add(checked(date, kind, name));
        updatedAt = now;
    }

    void changeDay(LocalDate date, SpecialDayKind kind, String name, Instant now) {
        SpecialDay existing = find(date).orElseThrow(() -> missingDay(date));
        SpecialDay changed = checked(date, kind, name);
        days.remove(existing);
        days.add(changed);
        updatedAt = now;
    }

    void removeDay(LocalDate date, Instant now) {
        days.remove(find(date).orElseThrow(() -> missingDay(date)));
        updatedAt = now;
    }

    Optional<SpecialDay> find(LocalDate date) {
        return days.stream().filter(d -> d.date().equals(date)).findFirst();
    }

    int year() {
        return year;
    }

    String sourceDocument() {
        return sourceDocument;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** The special days in date order. */
    List<SpecialDay> days() {
        return days.stream().sorted(Comparator.comparing(SpecialDay::date)).toList();
    }

    YearDays snapshot() {
        return YearDays.of(year, version == null ? 0 : version, days);
    }

    private void requireInYear(LocalDate date) {
        if (date == null) {
            throw new CalendarRuleBroken("date", "calendar.day.error.dateRequired");
        }
        if (date.getYear() != year) {
            throw new CalendarRuleBroken("date", "calendar.day.error.outsideYear", String.valueOf(year));
        }
    }

    private SpecialDay checked(LocalDate date, SpecialDayKind kind, String name) {
        if (kind == null) {
            throw new CalendarRuleBroken("kind", "calendar.day.error.kindRequired");
        }
        if (kind == SpecialDayKind.MAKEUP_WORKDAY && !WorkingDayRule.isWeekend(date)) {
            throw new CalendarRuleBroken("kind", "calendar.day.error.makeupOnWeekday", date.toString());
        }
        return new SpecialDay(date, kind, requireText("name", name, MAX_NAME_LENGTH, "calendar.day.error.nameRequired"));
    }

    private static CalendarRuleBroken missingDay(LocalDate date) {
        return new CalendarRuleBroken("date", "calendar.day.error.notSpecial", date.toString());
    }

    private static String requireText(String field, String text, int maxLength, String requiredKey) {
        if (text == null || text.isBlank()) {
            throw new CalendarRuleBroken(field, requiredKey);
        }
        String trimmed = text.strip();
        if (trimmed.length() > maxLength) {
            throw new CalendarRuleBroken(field, "calendar.error.tooLong", String.valueOf(maxLength));
        }
        return trimmed;
    }
}

package org.oneseal.partybuilding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.oneseal.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** The field rules shared by the study records: texts, dates, lists of lines and of members, the figures' period. */
@Component
class StudyRules {

    private final PartyMessages messages;
    private final Clock clock;

    StudyRules(PartyMessages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A text of at most {@code max} characters, stripped; required or not. Null when empty. */
    String text(InvalidInputException.Collector errors, String field, String value, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            errors.add(field, messages.text("party.study.required", messages.text("party.study.field." + field), String.valueOf(max)));
        } else if (v.length() > max) {
            errors.add(field, messages.text("party.study.tooLong", messages.text("party.study.field." + field), String.valueOf(max)));
        }
        return v.isEmpty() ? null : v;
    }

    /** A day that must be given and not lie in the future. */
    void day(InvalidInputException.Collector errors, String field, LocalDate day) {
        if (day == null) {
            errors.add(field, messages.text("party.date.missing"));
        } else if (day.isAfter(today())) {
            errors.add(field, messages.text("party.date.future"));
        }
    }

    /** Lines (documents, titles): blank ones dropped, each at most {@code maxLength}, at most {@code maxLines}. */
    List<String> lines(InvalidInputException.Collector errors, String field, List<String> values, int maxLines,
            int maxLength, boolean required) {
        List<String> lines = values == null ? List.of() : values.stream().filter(Objects::nonNull)
                .flatMap(v -> v.lines()).map(String::strip).filter(v -> !v.isEmpty()).toList();
        String name = messages.text("party.study.field." + field);
        if (required && lines.isEmpty()) {
            errors.add(field, messages.text("party.study.linesRequired", name));
        } else if (lines.size() > maxLines) {
            errors.add(field, messages.text("party.study.tooManyLines", name, String.valueOf(maxLines)));
        } else {
            lines.stream().filter(l -> l.length() > maxLength).findFirst().ifPresent(l -> errors.add(field,
                    messages.text("party.study.lineTooLong", name, String.valueOf(maxLength), l.substring(0, 20))));
        }
        return lines;
    }

    /** Members chosen (attendees, participants): at least one; duplicates dropped. */
    Set<Long> members(InvalidInputException.Collector errors, String field, List<Long> ids, boolean required) {
        Set<Long> chosen = ids == null ? new LinkedHashSet<>() : new LinkedHashSet<>(ids.stream()
                .filter(Objects::nonNull).toList());
        if (required && chosen.isEmpty()) {
            errors.add(field, messages.text("party.study.noMembers", messages.text("party.study.field." + field)));
        }
        return chosen;
    }

    /** A choice among fixed codes. */
    String choice(InvalidInputException.Collector errors, String field, String value, List<String> allowed) {
        String v = value == null ? "" : value.strip();
        if (!allowed.contains(v)) {
            errors.add(field, messages.text("party.study.choice." + field));
        }
        return v;
    }

    /** The period of figures: both days given, from ≤ to, at most one year (e.g. 2025-01-01 to 2025-12-31). */
    void period(LocalDate from, LocalDate to) {
        var errors = new InvalidInputException.Collector();
        if (from == null) {
            errors.add("from", messages.text("party.date.missing"));
        } else if (from.getYear() < PartyRecords.EARLIEST_YEAR || from.getYear() > PartyRecords.LATEST_YEAR) {
            errors.add("from", messages.text("party.date.invalid"));
        }
        if (to == null) {
            errors.add("to", messages.text("party.date.missing"));
        } else if (to.getYear() < PartyRecords.EARLIEST_YEAR || to.getYear() > PartyRecords.LATEST_YEAR) {
            errors.add("to", messages.text("party.date.invalid"));
        }
        errors.throwIfAny();
        if (to.isBefore(from)) {
            throw InvalidInputException.of("to", messages.text("party.study.figures.order"));
        }
        if (!to.isBefore(from.plusYears(1))) {
            throw InvalidInputException.of("to", messages.text("party.study.figures.tooLong"));
        }
    }

    /** A year of a view: from 2000 to this year; none means this year. */
    int year(Integer year) {
        int now = today().getYear();
        if (year == null) {
            return now;
        }
        if (year < 2000 || year > now) {
            throw InvalidInputException.of("year", messages.text("party.study.year", String.valueOf(now)));
        }
        return year;
    }
}

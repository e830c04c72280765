package org.oneseal.partybuilding;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period of the compliance view: a year ({@code 2025}), a quarter ({@code 2025-Q2}) or a month ({@code 2025-05});
 * and the windows of a frequency that overlap it (a quarter shows its three months, the quarter and its year).
 */
record Period(String code, LocalDate from, LocalDate to) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");

    /** The period a code names, if it is one (years 2000–2100). */
    static Optional<Period> parse(String code) {
        Matcher m = FORM.matcher(code == null ? "" : code.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2100) {
            return Optional.empty();
        }
        if (m.group(2) != null) {
            return Optional.of(quarter(LocalDate.of(year, Integer.parseInt(m.group(2)) * 3 - 2, 1)));
        }
        if (m.group(3) != null) {
            return Optional.of(month(LocalDate.of(year, Integer.parseInt(m.group(3)), 1)));
        }
        return Optional.of(year(LocalDate.of(year, 1, 1)));
    }

    static Period month(LocalDate day) {
        YearMonth ym = YearMonth.from(day);
        return new Period(ym.toString(), ym.atDay(1), ym.atEndOfMonth());
    }

    static Period quarter(LocalDate day) {
        int q = (day.getMonthValue() - 1) / 3;
        LocalDate from = LocalDate.of(day.getYear(), q * 3 + 1, 1);
        return new Period(day.getYear() + "-Q" + (q + 1), from, from.plusMonths(3).minusDays(1));
    }

    static Period year(LocalDate day) {
        return new Period(String.valueOf(day.getYear()), LocalDate.of(day.getYear(), 1, 1),
                LocalDate.of(day.getYear(), 12, 31));
    }

    /** The windows of the frequency that overlap this period, in order. */
    List<Period> windows(PartyFrequencies.Frequency frequency) {
        List<Period> windows = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            Period w = switch (frequency) {
                case MONTHLY -> month(day);
                case QUARTERLY -> quarter(day);
                case YEARLY -> year(day);
                case NONE -> throw new IllegalArgumentException("no windows of a requirement that is not counted");
            };
            windows.add(w);
            day = w.to().plusDays(1);
        }
        return windows;
    }

    /** The period before and after this one, of the same length (for paging). */
    Period previous() {
        return of(from.minusDays(1));
    }

    Period next() {
        return of(to.plusDays(1));
    }

    private Period of(LocalDate day) {
        return code.contains("Q") ? quarter(day) : code.length() == 4 ? year(day) : month(day);
    }
}

package org.oneseal.partybuilding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A branch's compliance with the frequencies of 三会一课 and organisational life ({@link PartyFrequencies}) in a period:
 * for each requirement (cell meetings per cell) and each of its windows overlapping the period — MET (held in the
 * window), LAPSED (the window is over, not held), DUE_SOON (not held, the window ends within the due-soon days), OPEN
 * (not held, time left) or NOT_APPLICABLE (the branch or cell did not exist throughout the window). Heart-to-heart
 * talks are met when every member of the branch (on the window's last day, or today) took part in one.
 */
@Service
public class Compliance {

    /** States, worst first. */
    static final List<String> STATES = List.of("LAPSED", "DUE_SOON", "OPEN", "MET", "NOT_APPLICABLE");

    /** One window of a requirement; {@code covered}/{@code members} for heart-to-heart talks. */
    public record Window(String period, LocalDate from, LocalDate to, String state, int held, Integer covered,
                         Integer members) {
    }

    /** A requirement of the branch (of one cell for cell meetings) with its windows in the period. */
    public record Requirement(String kind, String frequency, Long cellId, String cellName, List<Window> windows) {
        public String worst() {
            return windows.stream().map(Window::state).min(Comparator.comparingInt(STATES::indexOf))
                    .orElse("NOT_APPLICABLE");
        }
    }

    /** A branch's compliance in a period, with the number of lapsed and due-soon windows. */
    public record BranchCompliance(long branchId, String branchName, String period, LocalDate from, LocalDate to,
                                   LocalDate today, int dueSoonDays, List<Requirement> requirements, long lapsed,
                                   long dueSoon) {
        /** The worst state of each kind of requirement (for the overview of all branches). */
        public Map<String, String> worstByKind() {
            Map<String, String> worst = new LinkedHashMap<>();
            for (Requirement r : requirements) {
                worst.merge(r.kind(), r.worst(), (a, b) -> STATES.indexOf(a) <= STATES.indexOf(b) ? a : b);
            }
            return worst;
        }
    }

    private record Held(String kind, Long cellId, LocalDate on, long id) {
    }

    private final JdbcClient jdbc;
    private final PartyOrganisation organisation;
    private final Meetings meetings;
    private final PartyFrequencies frequencies;
    private final PartyMessages messages;
    private final Clock clock;

    Compliance(JdbcClient jdbc, PartyOrganisation organisation, Meetings meetings,
            PartyFrequencies frequencies, PartyMessages messages, Clock clock) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.meetings = meetings;
        this.frequencies = frequencies;
        this.messages = messages;
        this.clock = clock;
    }

    /** The period a code names ({@code 2025}, {@code 2025-Q2}, {@code 2025-05}); none: the current quarter. */
    Period period(String code) {
        if (code == null || code.isBlank()) {
            return Period.quarter(LocalDate.now(clock));
        }
        return Period.parse(code).orElseThrow(() -> InvalidInputException.of("period",
                messages.text("party.compliance.periodInvalid")));
    }

    /** A branch the caller sees, in a period. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public BranchCompliance branch(long branchId, String periodCode) {
        Period period = period(periodCode);
        return of(meetings.branchSeen(branchId, "party.compliance.read"), period);
    }

    /** Every branch the caller sees (the organ committee: all of them), in a period. */
    @Transactional(readOnly = true)
    public List<BranchCompliance> all(String periodCode) {
        Period period = period(periodCode);
        return organisation.tree().stream().filter(o -> "BRANCH".equals(o.kind())).map(b -> of(b, period)).toList();
    }

    /**
     * Every branch of the tree, whoever asks (the caller checks; the statistics module has), in a period of any
     * days: its windows are those of the frequencies that overlap it.
     */
    List<BranchCompliance> everyBranch(LocalDate from, LocalDate to) {
        Period period = new Period(from + "/" + to, from, to);
        return organisation.orgs().stream().filter(o -> "BRANCH".equals(o.kind())).map(b -> of(b, period)).toList();
    }

    private BranchCompliance of(PartyOrganisation.Org branch, Period period) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = Period.year(period.from()).from();
        LocalDate to = Period.year(period.to()).to();
        List<Held> held = jdbc.sql("""
                select kind, cell_id, held_on, id from oneseal.party_meeting
                where branch_id = :b and held_on between :from and :to""").param("b", branch.id())
                .param("from", from).param("to", to)
                .query((rs, n) -> new Held(rs.getString(1), (Long) rs.getObject(2), rs.getDate(3).toLocalDate(),
                        rs.getLong(4))).list();
        List<Requirement> requirements = new ArrayList<>();
        for (MeetingKind kind : MeetingKind.values()) {
            PartyFrequencies.Frequency f = frequencies.of(kind);
            if (f == PartyFrequencies.Frequency.NONE) {
                continue;
            }
            if (kind == MeetingKind.CELL_MEETING) {
                for (PartyOrganisation.Org cell : cells(branch.id())) {
                    requirements.add(new Requirement(kind.name(), f.name(), cell.id(), cell.name(),
                            windows(kind, f, period, cell, held, today)));
                }
            } else {
                requirements.add(new Requirement(kind.name(), f.name(), null, null,
                        windows(kind, f, period, branch, held, today)));
            }
        }
        long lapsed = count(requirements, "LAPSED");
        long dueSoon = count(requirements, "DUE_SOON");
        return new BranchCompliance(branch.id(), branch.name(), period.code(), period.from(), period.to(), today,
                frequencies.dueSoonDays(), requirements, lapsed, dueSoon);
    }

    private List<Window> windows(MeetingKind kind, PartyFrequencies.Frequency f, Period period,
            PartyOrganisation.Org org, List<Held> held, LocalDate today) {
        List<Window> windows = new ArrayList<>();
        for (Period w : period.windows(f)) {
            boolean applies = !org.foundedOn().isAfter(w.from())
                    && (org.dissolvedOn() == null || !org.dissolvedOn().isBefore(w.to()));
            List<Held> in = held.stream().filter(h -> h.kind().equals(kind.name()))
                    .filter(h -> kind != MeetingKind.CELL_MEETING || org.id() == h.cellId())
                    .filter(h -> !h.on().isBefore(w.from()) && !h.on().isAfter(w.to())).toList();
            Integer covered = null;
            Integer members = null;
            boolean met = !in.isEmpty();
            if (kind == MeetingKind.HEART_TO_HEART_TALK && !w.from().isAfter(today)) {
                Set<Long> all = organisation.membersOn(org.id(), w.to().isBefore(today) ? w.to() : today);
                Set<Long> talked = talked(in);
                members = all.size();
                covered = (int) all.stream().filter(talked::contains).count();
                met = met && covered.equals(members);
            }
            windows.add(new Window(w.code(), w.from(), w.to(), state(applies, met, w, today), in.size(), covered,
                    members));
        }
        return windows;
    }

    private String state(boolean applies, boolean met, Period w, LocalDate today) {
        if (!applies) {
            return "NOT_APPLICABLE";
        }
        if (met) {
            return "MET";
        }
        if (w.to().isBefore(today)) {
            return "LAPSED";
        }
        return !w.from().isAfter(today) && !w.to().isAfter(today.plusDays(frequencies.dueSoonDays()))
                ? "DUE_SOON" : "OPEN";
    }

    /** Who took part in the talks (one query for all of them: a branch holds a talk per member or two a year). */
    private Set<Long> talked(List<Held> talks) {
        if (talks.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select member_id from oneseal.party_meeting_attendance where meeting_id in (:m) and present""")
                .param("m", talks.stream().map(Held::id).toList()).query(Long.class).list());
    }

    private List<PartyOrganisation.Org> cells(long branchId) {
        return jdbc.sql("""
                select id, name, founded_on, dissolved_on from oneseal.party_org where parent_id = :b and kind = 'CELL'
                order by name""").param("b", branchId)
                .query((rs, n) -> new PartyOrganisation.Org(rs.getLong(1), branchId, "CELL", rs.getString(2),
                        rs.getDate(3).toLocalDate(), rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), 0))
                .list();
    }

    private static long count(List<Requirement> requirements, String state) {
        return requirements.stream().flatMap(r -> r.windows().stream()).filter(w -> w.state().equals(state)).count();
    }
}

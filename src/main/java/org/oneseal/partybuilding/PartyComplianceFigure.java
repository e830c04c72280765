package org.oneseal.partybuilding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.oneseal.shared.metrics.MetricValue;
import org.springframework.stereotype.Component;

/**
 * {@code party.compliance.rate} (三会一课落实率) for the statistics: the share of the branches that held every meeting
 * the frequencies require in each window (month, quarter, year — {@link Compliance}) lying wholly in the period.
 * A window counts for a branch unless the branch (the cell, for cell meetings) did not exist throughout it; a branch
 * counts when at least one window does; it has met its obligations when every such window is met (a meeting of the
 * kind held in it — for heart-to-heart talks, with every member). Windows that reach outside the period do not count.
 */
@Component
class PartyComplianceFigure {

    static final List<String> COLUMNS = PartyMetrics.columns("branch", "windowsDue", "windowsMet", "met", "unmet");

    private final Compliance compliance;
    private final PartyMessages messages;

    PartyComplianceFigure(Compliance compliance, PartyMessages messages) {
        this.compliance = compliance;
        this.messages = messages;
    }

    /** A branch with windows in the period: how many, how many met, and those not met (their kind and window). */
    record BranchRate(String branch, int due, int met, List<String> unmet) {

        boolean allMet() {
            return met == due;
        }
    }

    /** The branches counted, in tree order. */
    List<BranchRate> branches(LocalDate from, LocalDate to) {
        List<BranchRate> branches = new ArrayList<>();
        for (Compliance.BranchCompliance b : compliance.everyBranch(from, to)) {
            int due = 0;
            int met = 0;
            List<String> unmet = new ArrayList<>();
            for (Compliance.Requirement r : b.requirements()) {
                for (Compliance.Window w : r.windows()) {
                    if (w.from().isBefore(from) || w.to().isAfter(to) || w.state().equals("NOT_APPLICABLE")) {
                        continue;
                    }
                    due++;
                    if (w.state().equals("MET")) {
                        met++;
                    } else {
                        unmet.add(messages.text("party.meeting.kind." + r.kind())
                                + (r.cellName() == null ? "" : "（" + r.cellName() + "）") + " " + w.period());
                    }
                }
            }
            if (due > 0) {
                branches.add(new BranchRate(b.branchName(), due, met, List.copyOf(unmet)));
            }
        }
        return branches;
    }

    MetricValue value(LocalDate from, LocalDate to) {
        List<BranchRate> branches = branches(from, to);
        long met = branches.stream().filter(BranchRate::allMet).count();
        return MetricValue.rate(met, branches.size(), branches.size(), "party.metric.reason.noWindow");
    }

    void records(LocalDate from, LocalDate to, int offset, int limit, Consumer<List<Object>> row) {
        branches(from, to).stream().skip(offset).limit(limit).forEach(b -> row.accept(List.of(b.branch(), b.due(),
                b.met(), b.allMet(), String.join("；", b.unmet()))));
    }
}

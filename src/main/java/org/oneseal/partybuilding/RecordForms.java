package org.oneseal.partybuilding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.ConflictException;
import org.oneseal.shared.InvalidInputException;
import org.springframework.ui.Model;

/** What the pages of assessment, recognition and volunteer duty share: running a form, choices of members. */
final class RecordForms {

    private RecordForms() {
    }

    /** {@link PartyPages#attempt}, a duplicate (409) shown like any other refusal, on its field. */
    static String attempt(Supplier<String> action, Model model, Supplier<String> again) {
        return PartyPages.attempt(() -> {
            try {
                return action.get();
            } catch (ConflictException e) {
                throw e.field() == null ? new BusinessRuleViolation("party.duplicate", e.getMessage())
                        : InvalidInputException.of(e.field(), e.getMessage());
            }
        }, model, again);
    }

    /** The current members of the organisations the caller sees (of the topmost ones, which include the rest). */
    static Map<Long, String> memberChoices(PartyOrganisation organisation) {
        List<PartyOrganisation.Org> tree = organisation.tree();
        Set<Long> seen = new java.util.HashSet<>(tree.stream().map(PartyOrganisation.Org::id).toList());
        Map<Long, String> members = new LinkedHashMap<>();
        for (PartyOrganisation.Org top : tree) {
            if (top.parentId() == null || !seen.contains(top.parentId())) {
                organisation.members(top.id()).forEach(m -> members.put(m.id(), m.name() + "（" + m.orgName() + "）"));
            }
        }
        return members;
    }

    /** The previous month, the default of the assessment pages. */
    static String lastMonth(LocalDate today) {
        return java.time.YearMonth.from(today).minusMonths(1).toString();
    }

    /** Shift rows of a form (parallel lists of names, starts and ends). */
    static List<VolunteerRosters.NewShift> shifts(List<String> names, List<String> starts, List<String> ends) {
        List<VolunteerRosters.NewShift> shifts = new ArrayList<>();
        int rows = Math.max(size(names), Math.max(size(starts), size(ends)));
        for (int i = 0; i < rows; i++) {
            shifts.add(new VolunteerRosters.NewShift(at(names, i), at(starts, i), at(ends, i)));
        }
        return shifts;
    }

    private static int size(List<String> l) {
        return l == null ? 0 : l.size();
    }

    private static String at(List<String> l, int i) {
        return l == null || i >= l.size() ? null : l.get(i);
    }
}

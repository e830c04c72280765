package org.oneseal.matter;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Before/after of two versions, as the reform statistics read them: time limits, visits and materials
 * (by name) added and removed.
 */
record VersionComparison(int beforeNumber, int afterNumber, int legalBefore, int legalAfter, int promisedBefore,
                         int promisedAfter, int visitsBefore, int visitsAfter, int materialsBefore,
                         int materialsAfter, List<String> removedMaterials, List<String> addedMaterials) {

    static VersionComparison of(EditableVersion before, EditableVersion after) {
        MatterElements b = before.elements();
        MatterElements a = after.elements();
        Set<String> namesBefore = names(b);
        Set<String> namesAfter = names(a);
        return new VersionComparison(before.number(), after.number(), b.legalLimitDays(), a.legalLimitDays(),
                b.promisedLimitDays(), a.promisedLimitDays(), b.onsiteVisits(), a.onsiteVisits(), b.materials().size(),
                a.materials().size(), namesBefore.stream().filter(n -> !namesAfter.contains(n)).toList(),
                namesAfter.stream().filter(n -> !namesBefore.contains(n)).toList());
    }

    private static Set<String> names(MatterElements e) {
        return e.materials().stream().map(MatterElements.Material::name)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}

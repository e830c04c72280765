package org.oneseal.matter;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oneseal.identity.OrgUnitFilter;
import org.oneseal.identity.OrgUnitKind;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.shared.DataScope;
import org.springframework.stereotype.Component;

/** The org units that may be a matter's competent department: bureaus, bureau sections, stationed departments. */
@Component
class Departments {

    private static final Set<OrgUnitKind> KINDS = Set.of(OrgUnitKind.BUREAU, OrgUnitKind.BUREAU_SECTION,
            OrgUnitKind.STATIONED_DEPARTMENT);

    private final OrganisationManagement organisation;

    Departments(OrganisationManagement organisation) {
        this.organisation = organisation;
    }

    List<OrgUnitView> inScope(DataScope scope) {
        return organisation.list(scope, OrgUnitFilter.none()).stream()
                .filter(u -> KINDS.contains(u.kind()) && u.active()).toList();
    }

    Optional<OrgUnitView> inRegion(DataScope scope, long id, long regionId) {
        return inScope(scope).stream().filter(u -> u.id() == id && u.regionId() == regionId).findFirst();
    }
}

package org.oneseal.identity;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface OrgUnitRepository extends ListCrudRepository<OrgUnit, Long> {

    Optional<OrgUnit> findByCode(String code);
}

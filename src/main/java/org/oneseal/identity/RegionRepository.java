package org.oneseal.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface RegionRepository extends ListCrudRepository<Region, Long> {

    Optional<Region> findByCode(String code);

    List<Region> findAllByOrderBySortOrderAscIdAsc();
}

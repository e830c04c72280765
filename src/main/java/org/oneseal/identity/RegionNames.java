package org.oneseal.identity;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Region id → name, for list pages. */
final class RegionNames {

    private RegionNames() {
    }

    static Map<Long, String> of(List<RegionView> regions) {
        return regions.stream().collect(Collectors.toMap(RegionView::id, RegionView::name));
    }
}

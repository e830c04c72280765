package org.oneseal.shared;

import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a user may see: a home region (with the regions below it), optionally an org unit, and whether
 * the user has the city-wide view. Every query that lists, searches, details or exports takes one and
 * applies it as a parameterised condition (see {@link #condition(String)} and {@link #bind}).
 *
 * @param region     the home region
 * @param orgUnit    the home org unit, or null
 * @param cityWide   true: sees every region
 * @param regions    the home region and all regions below it
 */
public record DataScope(long region, Long orgUnit, boolean cityWide, Set<Long> regions) {

    public DataScope {
        regions = Set.copyOf(regions);
        if (!regions.contains(region)) {
            throw new IllegalArgumentException("the scope's regions must contain its home region");
        }
    }

    public boolean covers(long regionId) {
        return cityWide || regions.contains(regionId);
    }

    /** SQL condition on a region column (a constant of the calling code, never user input). */
    public String condition(String regionColumn) {
        if (!regionColumn.matches("[a-z_][a-z0-9_.]*")) {
            throw new IllegalArgumentException("not a column name: " + regionColumn);
        }
        // no "(:all or col in (:regions))": a cached generic plan of that cannot use an index on the column
        return cityWide ? "true" : regionColumn + " in (:scopeRegions)";
    }

    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        return cityWide ? spec : spec.param("scopeRegions", java.util.List.copyOf(regions));
    }
}

package org.oneseal.report;

import java.util.Map;
import java.util.Optional;
import org.oneseal.shared.metrics.MetricUnit;
import org.oneseal.statistics.Statistics;
import org.springframework.stereotype.Component;

/**
 * The unit of each metric of the catalogue — those the modules compute and those the statistics module lists as not
 * available yet — from {@link Statistics#units()} (no figure is computed, no right is needed), so that a template's
 * formats can be checked when it is uploaded by an administrator, who may not read statistics:
 * {@code ${finance.loanAmount:pct}} is refused on upload, not when a report is generated.
 */
@Component
class MetricUnits {

    private final Statistics statistics;
    private volatile Map<String, MetricUnit> units;

    MetricUnits(Statistics statistics) {
        this.statistics = statistics;
    }

    Optional<MetricUnit> unit(String id) {
        Map<String, MetricUnit> known = units;
        if (known == null) {
            known = statistics.units();
            units = known;
        }
        return Optional.ofNullable(known.get(id));
    }
}

package org.oneseal.report;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricSource;
import org.oneseal.shared.metrics.MetricUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The unit of each metric the modules define (its public definition: no figure is computed), so that a template's
 * formats can be checked when it is uploaded by an administrator, who may not read statistics. A metric no module
 * provides yet has no known unit here; its format is then checked by name on upload and against its unit when a
 * report is generated.
 */
@Component
class MetricUnits {

    private final ObjectProvider<MetricSource> sources;
    private volatile Map<String, MetricUnit> units;

    MetricUnits(ObjectProvider<MetricSource> sources) {
        this.sources = sources;
    }

    Optional<MetricUnit> unit(String id) {
        Map<String, MetricUnit> known = units;
        if (known == null) {
            known = new HashMap<>();
            for (MetricSource source : sources) {
                for (MetricDefinition d : source.definitions()) {
                    known.put(d.id(), d.unit());
                }
            }
            units = known;
        }
        return Optional.ofNullable(known.get(id));
    }
}

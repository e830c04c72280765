package org.oneseal.statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricSource;
import org.springframework.stereotype.Component;

/**
 * Every metric the platform knows, in the order of docs/annual-report-figures.md where listed there: the modules'
 * sources first, then the figures not available yet. Built once at start-up; an id defined twice, or a growth
 * figure whose base is unknown, stops the start.
 */
@Component
class MetricCatalogue {

    /** A metric and where it comes from ({@code source} null: not available). */
    record Entry(MetricDefinition definition, MetricSource source) {

        boolean available() {
            return source != null;
        }
    }

    private final Map<String, Entry> entries;

    MetricCatalogue(List<MetricSource> sources) {
        Map<String, Entry> all = new LinkedHashMap<>();
        for (MetricSource source : sources) {
            for (MetricDefinition d : source.definitions()) {
                put(all, new Entry(d, source));
            }
        }
        for (MetricDefinition d : UnavailableMetrics.all()) {
            if (!all.containsKey(d.id())) {
                put(all, new Entry(d, null));
            }
        }
        for (Entry e : all.values()) {
            String base = e.definition().growthOf();
            if (base != null && !all.containsKey(base)) {
                throw new IllegalStateException("growth figure " + e.definition().id() + " compares unknown " + base);
            }
        }
        this.entries = Collections.unmodifiableMap(all);
    }

    private static void put(Map<String, Entry> all, Entry entry) {
        if (all.putIfAbsent(entry.definition().id(), entry) != null) {
            throw new IllegalStateException("metric " + entry.definition().id() + " is defined twice");
        }
    }

    Optional<Entry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    List<Entry> all() {
        return new ArrayList<>(entries.values());
    }
}

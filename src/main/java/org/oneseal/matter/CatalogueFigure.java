package org.oneseal.matter;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricValue;
import org.springframework.context.MessageSource;

/**
 * One figure of the catalogue for the statistics: which items of the catalogue in force are its records, the cells
 * of each record, and the figure computed from exactly those records — so that its value's {@code records} is the
 * number of rows of its drill-down by construction.
 *
 * @param columns column headers (message keys) of its records
 * @param records its records in a stable order, from the catalogue in force
 * @param value   the figure from its records
 * @param cells   one record's cells, matching the columns
 */
record CatalogueFigure<T>(MetricDefinition definition, List<String> columns, Function<Stock, List<T>> records,
                          Function<List<T>, MetricValue> value, BiFunction<T, Labels, List<Object>> cells) {

    String id() {
        return definition.id();
    }

    MetricValue compute(Stock stock) {
        return value.apply(records.apply(stock));
    }

    /** The figure as many records as it counts. */
    static <T> Function<List<T>, MetricValue> counted() {
        return rows -> MetricValue.count(rows.size());
    }

    /**
     * The mean of the records' reductions in percent (each defined; exact, rounded once), or no value and the reason
     * when there is no record.
     */
    static <T> Function<List<T>, MetricValue> meanOf(Function<T, ReformFigures.Reduction> reduction, String reasonKey) {
        return rows -> rows.isEmpty() ? MetricValue.missing(reasonKey, 0)
                : MetricValue.amount(ReformFigures.mean(rows.stream().map(reduction).toList()), rows.size());
    }

    /** Cells of a record (a cell may be null: empty). */
    static List<Object> cells(Object... values) {
        return Arrays.asList(values);
    }

    /**
     * The catalogue in force at the end of a query's period, each part read once and only when a figure needs it.
     *
     * @param matters        the matters of the query's regions (and department)
     * @param bundles        the bundles published in the query's regions
     * @param zones          the regions of level DEVELOPMENT_ZONE (高新区)
     * @param bundledMatters the matters that are members of a bundle published anywhere in the city
     * @param bundlesKnown   false when the moment lies before the bundles' publication record (V80): the bundles in
     *                       force then are not known
     */
    record Stock(Supplier<List<ReformFigures.MatterReform>> matters, Supplier<List<CatalogueSnapshot.BundleAt>> bundles,
                 Supplier<Set<Long>> zones, Supplier<Set<Long>> bundledMatters, boolean bundlesKnown) {

        Stock {
            matters = once(matters);
            bundles = once(bundles);
            zones = once(zones);
            bundledMatters = once(bundledMatters);
        }

        private static <V> Supplier<V> once(Supplier<V> supplier) {
            return new Supplier<>() {
                private V value;

                @Override
                public synchronized V get() {
                    if (value == null) {
                        value = supplier.get();
                    }
                    return value;
                }
            };
        }
    }

    /** Names shown in the records: departments and regions by id, enum labels from the module's bundle. */
    record Labels(Map<Long, String> units, Map<Long, String> regions, MessageSource messages, Locale locale) {

        String unit(long id) {
            return units.getOrDefault(id, String.valueOf(id));
        }

        String region(long id) {
            return regions.getOrDefault(id, String.valueOf(id));
        }

        /** The label of an enum value under a key prefix ({@code matter.type.} + LICENSING), empty for null. */
        String label(String prefix, Object value) {
            return value == null ? null : messages.getMessage(prefix + value, null, String.valueOf(value), locale);
        }
    }
}

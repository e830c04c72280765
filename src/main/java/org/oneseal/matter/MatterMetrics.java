package org.oneseal.matter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.identity.RegionLevel;
import org.oneseal.identity.RegionManagement;
import org.oneseal.identity.RegionView;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricDimension;
import org.oneseal.shared.metrics.MetricQuery;
import org.oneseal.shared.metrics.MetricSource;
import org.oneseal.shared.metrics.MetricValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's figures for the statistics module (issue 9): all of them STOCK figures, the catalogue as in force at
 * the end of the period's last day ({@link CatalogueSnapshot} at {@link MetricQuery#toExclusive()}), in the query's
 * exact regions and, for the figures of matters, its department (that of the version in force). The figures are
 * {@link MatterStockFigures} and {@link BundleStockFigures}; each counts or averages exactly the records it lists.
 * For a moment before the bundles' publication record began ({@link BundlePublications#recordStart}) the bundle
 * figures have no value: they say from when the record exists instead of counting bundles nobody recorded.
 * {@code online.creditScenarios} is not one of them: the catalogue has no credit-application scenarios.
 *
 * <p>The 企业开办 bundle is configured by its code, {@code oneseal.matter.enterprise-start-bundle} (default
 * {@code YJS-QYKB}, the demo's); a county's own bundle carries that code followed by "-" and more.
 */
@Component
class MatterMetrics implements MetricSource {

    static final String NO_BUNDLE_HISTORY = "matter.metric.reason.noBundleHistory";

    private final CatalogueSnapshot snapshot;
    private final BundlePublications publications;
    private final RegionManagement regions;
    private final OrganisationManagement organisation;
    private final MessageSource messages;
    private final Map<String, CatalogueFigure<?>> figures = new LinkedHashMap<>();
    /** the figures of bundles: none for a moment before the bundles' publication record began */
    private final Set<String> bundleFigures;

    MatterMetrics(CatalogueSnapshot snapshot, BundlePublications publications, RegionManagement regions,
            OrganisationManagement organisation, MessageSource messages,
            @Value("${oneseal.matter.enterprise-start-bundle:YJS-QYKB}") String enterpriseStartBundle) {
        this.snapshot = snapshot;
        this.publications = publications;
        this.regions = regions;
        this.organisation = organisation;
        this.messages = messages;
        Stream.concat(MatterStockFigures.all().stream(), BundleStockFigures.all(enterpriseStartBundle).stream())
                .forEach(f -> figures.put(f.id(), f));
        bundleFigures = BundleStockFigures.all(enterpriseStartBundle).stream().map(CatalogueFigure::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public List<MetricDefinition> definitions() {
        return figures.values().stream().map(CatalogueFigure::definition).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, MetricValue> compute(Collection<String> ids, MetricQuery query) {
        List<CatalogueFigure<?>> asked = ids.stream().<CatalogueFigure<?>>map(id -> figure(id, query)).toList();
        Optional<Instant> recordStart = recordStartAfter(query);
        CatalogueFigure.Stock stock = stock(query, recordStart.isEmpty());
        Map<String, MetricValue> values = new LinkedHashMap<>();
        asked.forEach(f -> values.put(f.id(), recordStart.isPresent() && bundleFigures.contains(f.id())
                ? MetricValue.missing(NO_BUNDLE_HISTORY, 0, LocalDate.ofInstant(recordStart.get(), MetricQuery.ZONE)
                        .toString())
                : f.compute(stock)));
        return values;
    }

    @Override
    public List<String> recordColumns(String id) {
        CatalogueFigure<?> f = figures.get(id);
        if (f == null) {
            throw new IllegalArgumentException("not a figure of the matter catalogue: " + id);
        }
        return f.columns();
    }

    @Override
    @Transactional(readOnly = true)
    public void records(String id, MetricQuery query, int offset, int limit, Consumer<List<Object>> row) {
        CatalogueFigure<?> figure = figure(id, query);
        boolean bundlesKnown = recordStartAfter(query).isEmpty();
        if (bundlesKnown || !bundleFigures.contains(id)) {
            emit(figure, stock(query, bundlesKnown), offset, limit, row);
        }
    }

    /**
     * When the bundles' publication record began, if that is after the moment the query's figures are taken at (the
     * bundles in force then are not known: the bundle figures have no value and no records).
     */
    private Optional<Instant> recordStartAfter(MetricQuery query) {
        return publications.recordStart().filter(start -> start.isAfter(query.toExclusive()));
    }

    private <T> void emit(CatalogueFigure<T> figure, CatalogueFigure.Stock stock, int offset, int limit,
            Consumer<List<Object>> row) {
        List<T> records = figure.records().apply(stock);
        if (offset >= records.size() || limit <= 0) {
            return;
        }
        CatalogueFigure.Labels labels = new CatalogueFigure.Labels(organisation.unitNames(),
                regions.all().stream().collect(Collectors.toMap(RegionView::id, RegionView::name)), messages,
                LocaleContextHolder.getLocale());
        records.subList(offset, (int) Math.min(records.size(), (long) offset + limit))
                .forEach(r -> row.accept(figure.cells().apply(r, labels)));
    }

    /** The figure, if the query asks only for breakdowns it has (a department; never a window or a member of staff). */
    private CatalogueFigure<?> figure(String id, MetricQuery query) {
        CatalogueFigure<?> f = figures.get(id);
        if (f == null) {
            throw new IllegalArgumentException("not a figure of the matter catalogue: " + id);
        }
        if (query.window() != null || query.staff() != null || query.department() != null
                && !f.definition().dimensions().contains(MetricDimension.DEPARTMENT)) {
            throw new IllegalArgumentException(id + " has no breakdown by window, member of staff"
                    + (f.definition().dimensions().isEmpty() ? " or department" : ""));
        }
        return f;
    }

    /**
     * The catalogue in force at the end of the query's last day, in its regions (each part read when needed).
     *
     * @param bundlesKnown false when that moment lies before the bundles' publication record
     */
    private CatalogueFigure.Stock stock(MetricQuery query, boolean bundlesKnown) {
        Instant asOf = query.toExclusive();
        long any = query.regions().iterator().next();
        DataScope inRegions = new DataScope(any, null, query.wholeCity(), query.regions());
        DataScope city = new DataScope(any, null, true, Set.of(any));
        return new CatalogueFigure.Stock(
                () -> snapshot.matters(new CatalogueSnapshot.Filter(inRegions, null, query.department()), asOf),
                () -> snapshot.bundles(new CatalogueSnapshot.Filter(inRegions, null, null), asOf),
                () -> regions.all().stream().filter(r -> r.level() == RegionLevel.DEVELOPMENT_ZONE)
                        .map(RegionView::id).collect(Collectors.toUnmodifiableSet()),
                () -> snapshot.bundles(new CatalogueSnapshot.Filter(city, null, null), asOf).stream()
                        .flatMap(b -> b.members().stream()).map(CatalogueSnapshot.MemberAt::matterId)
                        .collect(Collectors.toUnmodifiableSet()),
                bundlesKnown);
    }
}

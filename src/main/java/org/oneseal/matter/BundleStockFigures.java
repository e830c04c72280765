package org.oneseal.matter;

import static org.oneseal.matter.CatalogueFigure.cells;
import static org.oneseal.matter.CatalogueFigure.counted;
import static org.oneseal.matter.CatalogueFigure.meanOf;
import static org.oneseal.matter.MatterStockFigures.columns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.oneseal.matter.CatalogueSnapshot.BundleAt;
import org.oneseal.matter.CatalogueSnapshot.MemberAt;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricUnit;

/**
 * The statistics' figures of the bundles (一件事) published at the end of a period in the query's regions (a bundle
 * is in the region it was published for): 一照含证 — the bundles whose business licence carries at least one member
 * permit — by department and by main item (大项, a basic matter code), and the 企业开办 bundle's reductions. No
 * department breakdown: a bundle spans departments.
 */
final class BundleStockFigures {

    private BundleStockFigures() {
    }

    /**
     * @param enterpriseStart the code of the 企业开办 bundle; a county's own is that code followed by "-" and more
     *                        (e.g. YJS-QYKB-NX)
     */
    static List<CatalogueFigure<?>> all(String enterpriseStart) {
        Function<CatalogueFigure.Stock, List<BundleAt>> enterprise = s -> s.bundles().get().stream()
                .filter(b -> b.code().equals(enterpriseStart) || b.code().startsWith(enterpriseStart + "-")).toList();
        return List.of(
                new CatalogueFigure<>(stock("bundle.departments"), columns("department", "bundles", "memberMatters"),
                        BundleStockFigures::departments, counted(),
                        (d, l) -> cells(l.unit(d.departmentId()), String.join("、", d.bundles()), d.members())),
                new CatalogueFigure<>(stock("bundle.itemGroups"),
                        columns("matterCode", "matterName", "department", "bundles"), BundleStockFigures::items,
                        counted(), (g, l) -> cells(g.matterCode(), g.name(),
                                String.join("、", g.departmentIds().stream().map(l::unit).toList()),
                                String.join("、", g.bundles()))),
                new CatalogueFigure<>(percent("enterprise.materialReductionPct"),
                        columns("bundleCode", "bundleName", "region", "memberMatters", "memberMaterials",
                                "mergedMaterials", "reductionPct"),
                        s -> enterprise.apply(s).stream().filter(b -> b.materialsBefore() > 0).toList(),
                        meanOf(BundleStockFigures::materials, "matter.metric.reason.noEnterpriseBundle"),
                        (b, l) -> cells(b.code(), b.name(), l.region(b.regionId()), b.members().size(),
                                b.materialsBefore(), b.materialsAfter(), materialPct(b))),
                new CatalogueFigure<>(percent("enterprise.timeReductionPct"),
                        columns("bundleCode", "bundleName", "region", "memberMatters", "memberDays", "target",
                                "bundleDays", "reductionPct"),
                        s -> enterprise.apply(s).stream().filter(b -> b.daysBefore() > 0).toList(),
                        meanOf(BundleStockFigures::days, "matter.metric.reason.noEnterpriseBundle"),
                        (b, l) -> cells(b.code(), b.name(), l.region(b.regionId()), b.members().size(),
                                b.daysBefore(), b.targetWorkingDays(), b.daysAfter(), timePct(b))));
    }

    /** A department of the 一照含证 bundles: the bundles it takes part in, and with how many member matters. */
    record BundleDepartment(long departmentId, Set<String> bundles, int members) {
    }

    /** A main item (大项) of the 一照含证 bundles: a basic matter code, its departments and bundles. */
    record ItemGroup(String matterCode, String name, Set<Long> departmentIds, Set<String> bundles) {
    }

    private static MetricDefinition stock(String id) {
        return MetricDefinition.stock(id, MatterStockFigures.MODULE, MetricUnit.COUNT);
    }

    private static MetricDefinition percent(String id) {
        return MetricDefinition.stock(id, MatterStockFigures.MODULE, MetricUnit.PERCENT);
    }

    private static ReformFigures.Reduction materials(BundleAt b) {
        return new ReformFigures.Reduction(b.materialsBefore(), b.materialsAfter());
    }

    private static ReformFigures.Reduction days(BundleAt b) {
        return new ReformFigures.Reduction(b.daysBefore(), b.daysAfter());
    }

    private static java.math.BigDecimal materialPct(BundleAt b) {
        return ReformFigures.pct(b.materialsBefore(), b.materialsAfter());
    }

    private static java.math.BigDecimal timePct(BundleAt b) {
        return ReformFigures.pct(b.daysBefore(), b.daysAfter());
    }

    private static List<BundleAt> licenceCarrying(CatalogueFigure.Stock stock) {
        return stock.bundles().get().stream().filter(BundleAt::licenceCarries).toList();
    }

    /** In the order their first member comes (bundles by region and code, members in order). */
    private static List<BundleDepartment> departments(CatalogueFigure.Stock stock) {
        Map<Long, Set<String>> bundles = new LinkedHashMap<>();
        Map<Long, Integer> members = new LinkedHashMap<>();
        for (BundleAt b : licenceCarrying(stock)) {
            for (MemberAt m : b.members()) {
                bundles.computeIfAbsent(m.departmentId(), k -> new LinkedHashSet<>()).add(b.name());
                members.merge(m.departmentId(), 1, Integer::sum);
            }
        }
        return bundles.entrySet().stream()
                .map(e -> new BundleDepartment(e.getKey(), e.getValue(), members.get(e.getKey()))).toList();
    }

    private static List<ItemGroup> items(CatalogueFigure.Stock stock) {
        Map<String, ItemGroup> items = new LinkedHashMap<>();
        for (BundleAt b : licenceCarrying(stock)) {
            for (MemberAt m : b.members()) {
                ItemGroup g = items.computeIfAbsent(m.matterCode(),
                        k -> new ItemGroup(k, m.name(), new LinkedHashSet<>(), new LinkedHashSet<>()));
                g.departmentIds().add(m.departmentId());
                g.bundles().add(b.name());
            }
        }
        return new ArrayList<>(items.values());
    }
}

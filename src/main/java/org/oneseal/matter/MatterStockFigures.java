package org.oneseal.matter;

import static org.oneseal.matter.CatalogueFigure.cells;
import static org.oneseal.matter.CatalogueFigure.counted;
import static org.oneseal.matter.CatalogueFigure.meanOf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.oneseal.matter.ReformFigures.MatterReform;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricDimension;
import org.oneseal.shared.metrics.MetricUnit;

/**
 * The statistics' figures of the matters in force at the end of a period (definitions in the module's bundle,
 * {@code metric.<id>.definition}; docs/catalogue.md "Statistics"). Every one is a subset of the matters in force in
 * the query's regions — and department, when one is asked — and counts or averages exactly its records.
 */
final class MatterStockFigures {

    static final String MODULE = "matter";
    private static final String COLUMN = "matter.metric.column.";
    private static final List<String> MATTER = columns("matterCode", "implementationCode", "matterName", "department",
            "region");
    private static final List<String> IN_FORCE = join(MATTER, columns("version", "inForceSince"));

    private MatterStockFigures() {
    }

    static List<CatalogueFigure<?>> all() {
        return List.of(
                new CatalogueFigure<>(stock("reform.materialReductionPct", MetricUnit.PERCENT),
                        join(MATTER, columns("firstVersion", "version", "materialsBefore", "materialsAfter",
                                "reductionPct")),
                        s -> matters(s, m -> m.materialReductionPct() != null),
                        meanOf(MatterReform::materialReduction, "matter.metric.reason.noMaterialsBefore"),
                        (m, l) -> with(m, l, m.firstVersion(), m.currentVersion(), m.materialsBefore(),
                                m.materialsAfter(), m.materialReductionPct())),
                new CatalogueFigure<>(stock("reform.timeLimitReductionPct", MetricUnit.PERCENT),
                        join(MATTER, columns("firstVersion", "version", "daysBefore", "daysAfter", "reductionPct")),
                        s -> matters(s, m -> m.timeLimitReductionPct() != null),
                        meanOf(MatterReform::timeLimitReduction, "matter.metric.reason.noLimitBefore"),
                        (m, l) -> with(m, l, m.firstVersion(), m.currentVersion(), m.promisedDaysBefore(),
                                m.promisedDaysAfter(), m.timeLimitReductionPct())),
                new CatalogueFigure<>(stock("matter.competences.total", MetricUnit.COUNT),
                        join(MATTER, columns("competence", "type")),
                        s -> matters(s, m -> m.competence() == CompetenceLevel.CITY
                                || m.competence() == CompetenceLevel.COUNTY),
                        counted(), (m, l) -> with(m, l, l.label("matter.competence.", m.competence()),
                                l.label("matter.type.", m.type()))),
                flagged("matter.transferred", MatterReform::transferred),
                new CatalogueFigure<>(stock("matter.delegatedToZone", MetricUnit.COUNT), IN_FORCE,
                        s -> matters(s, m -> m.delegated() && s.zones().get().contains(m.regionId())),
                        counted(), MatterStockFigures::inForce),
                new CatalogueFigure<>(stock("permitReform.listItems", MetricUnit.COUNT),
                        join(MATTER, columns("reformMode")), s -> matters(s, m -> m.reformMode() != null),
                        counted(), (m, l) -> with(m, l, l.label("matter.reform.", m.reformMode()))),
                new CatalogueFigure<>(stock("commitment.matters", MetricUnit.COUNT),
                        join(MATTER, columns("proofItems", "proofItemNames")), MatterStockFigures::withCommitment,
                        counted(), (m, l) -> with(m, l, m.commitmentMaterials().size(),
                                String.join("、", m.commitmentMaterials()))),
                new CatalogueFigure<>(stock("commitment.proofItems", MetricUnit.COUNT),
                        join(MATTER, columns("proofItem")),
                        s -> withCommitment(s).stream().flatMap(m -> m.commitmentMaterials().stream()
                                .map(name -> new ProofItem(m, name))).toList(),
                        counted(), (p, l) -> with(p.matter(), l, p.name())),
                new CatalogueFigure<>(MetricDefinition.stock("commitment.departments", MODULE, MetricUnit.COUNT),
                        columns("department", "matters", "proofItems"), MatterStockFigures::commitmentDepartments,
                        counted(), (d, l) -> cells(l.unit(d.departmentId()), d.matters(), d.proofItems())),
                flagged("online.noVisitMatters", MatterReform::noVisit),
                flagged("online.certificateFreeMatters", MatterReform::certificateFree),
                new CatalogueFigure<>(stock("online.bundleMatters", MetricUnit.COUNT),
                        join(IN_FORCE, columns("inPublishedBundle")),
                        s -> matters(s, MatterReform::bundleMember).stream()
                                .map(m -> new Bundled(m, s.bundlesKnown()
                                        ? s.bundledMatters().get().contains(m.matterId()) : null)).toList(),
                        counted(), (b, l) -> with(b.matter(), l, b.matter().currentVersion(),
                                b.matter().inForceSince(), b.inPublishedBundle())),
                flagged("online.crossProvinceMatters", MatterReform::crossProvince),
                flagged("cityWide.matters", MatterReform::cityWide));
    }

    /** A matter in force with one material a commitment may replace (告知承诺的证明事项). */
    record ProofItem(MatterReform matter, String name) {
    }

    /**
     * A matter flagged 一链办理, and whether it is a member of a bundle published at the moment (the flag is typed by
     * the editor; the drill-down shows where the two disagree); null (an empty cell) for a moment before the bundles'
     * publication record.
     */
    record Bundled(MatterReform matter, Boolean inPublishedBundle) {
    }

    /** A department with matters under 告知承诺 in force: how many, with how many proof items. */
    record CommitmentDepartment(long departmentId, int matters, int proofItems) {
    }

    private static CatalogueFigure<MatterReform> flagged(String id, Predicate<MatterReform> flag) {
        return new CatalogueFigure<>(stock(id, MetricUnit.COUNT), IN_FORCE, s -> matters(s, flag), counted(),
                MatterStockFigures::inForce);
    }

    private static MetricDefinition stock(String id, MetricUnit unit) {
        return MetricDefinition.stock(id, MODULE, unit, MetricDimension.DEPARTMENT);
    }

    private static List<MatterReform> matters(CatalogueFigure.Stock stock, Predicate<MatterReform> p) {
        return stock.matters().get().stream().filter(p).toList();
    }

    private static List<MatterReform> withCommitment(CatalogueFigure.Stock stock) {
        return matters(stock, m -> !m.commitmentMaterials().isEmpty());
    }

    /** The departments in the order their first matter comes (by region and implementation code). */
    private static List<CommitmentDepartment> commitmentDepartments(CatalogueFigure.Stock stock) {
        Map<Long, int[]> counts = new LinkedHashMap<>();
        for (MatterReform m : withCommitment(stock)) {
            int[] c = counts.computeIfAbsent(m.departmentId(), k -> new int[2]);
            c[0]++;
            c[1] += m.commitmentMaterials().size();
        }
        return counts.entrySet().stream()
                .map(e -> new CommitmentDepartment(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    private static List<Object> inForce(MatterReform m, CatalogueFigure.Labels l) {
        return with(m, l, m.currentVersion(), m.inForceSince());
    }

    /** The matter's own cells, then the figure's. */
    private static List<Object> with(MatterReform m, CatalogueFigure.Labels l, Object... facts) {
        List<Object> row = new ArrayList<>(cells(m.matterCode(), m.implementationCode(), m.name(),
                l.unit(m.departmentId()), l.region(m.regionId())));
        row.addAll(cells(facts));
        return row;
    }

    static List<String> columns(String... names) {
        return Stream.of(names).map(n -> COLUMN + n).toList();
    }

    static List<String> join(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}

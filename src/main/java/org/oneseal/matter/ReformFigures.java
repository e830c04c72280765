package org.oneseal.matter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.function.ToIntFunction;
import org.oneseal.shared.DataScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 改革成效: what the reforms changed, computed from the matter versions — for every matter its first published
 * version against the version in force at a moment: required materials and time limits before and after, and
 * the reduction of each; plus the counts of no-visit, certificate-free, bundle, city-wide and cross-province
 * matters. The statistics module and the annual report read these figures (ids in the annual-report figures
 * list: reform.materialReductionPct, reform.timeLimitReductionPct, online.*Matters, cityWide.matters, …).
 */
@Service
public class ReformFigures {

    private final CatalogueSnapshot snapshot;

    ReformFigures(CatalogueSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * One matter: its first published version against the one in force.
     *
     * @param departmentId        the competent department of the version in force
     * @param inForceSince        when the version in force was published
     * @param commitmentMaterials the names of its materials that a commitment may replace (告知承诺)
     */
    public record MatterReform(long matterId, String matterCode, String implementationCode, long regionId, String name,
                               long departmentId, MatterType type, CompetenceLevel competence, int firstVersion,
                               int currentVersion, Instant inForceSince, int materialsBefore, int materialsAfter,
                               int promisedDaysBefore, int promisedDaysAfter, int legalDaysBefore, int legalDaysAfter,
                               boolean noVisit, boolean certificateFree, boolean bundleMember, boolean cityWide,
                               boolean crossProvince, boolean transferred, boolean delegated, String reformMode,
                               List<String> commitmentMaterials) {

        public MatterReform {
            commitmentMaterials = List.copyOf(commitmentMaterials);
        }

        /** Reduction of the required materials, in percent (null when the first version asked for none). */
        public BigDecimal materialReductionPct() {
            return pct(materialsBefore, materialsAfter);
        }

        /** Reduction of the promised time limit, in percent (null when the first version had none, 即办件). */
        public BigDecimal timeLimitReductionPct() {
            return pct(promisedDaysBefore, promisedDaysAfter);
        }

        Reduction materialReduction() {
            return new Reduction(materialsBefore, materialsAfter);
        }

        Reduction timeLimitReduction() {
            return new Reduction(promisedDaysBefore, promisedDaysAfter);
        }
    }

    /**
     * A reduction from {@code before} to {@code after} (materials, working days), exactly: (before − after) / before,
     * defined when before is positive. Means are taken of the exact reductions and rounded once ({@link #mean}).
     */
    record Reduction(int before, int after) {

        boolean defined() {
            return before > 0;
        }
    }

    /**
     * The figures of a region (or all regions in the caller's scope) at a moment.
     *
     * @param materialReductionPct   mean over the matters of their material reduction (申请材料平均精简比例)
     * @param timeLimitReductionPct  mean over the matters with a promised limit of its reduction (办理时限平均提速比例)
     * @param matters                the drill-down: every matter counted
     */
    public record Summary(Instant asOf, int matterCount, BigDecimal materialReductionPct,
                          BigDecimal timeLimitReductionPct, int materialsBefore, int materialsAfter,
                          int noVisitMatters, int certificateFreeMatters, int bundleMatters, int cityWideMatters,
                          int crossProvinceMatters, int transferredMatters, int delegatedMatters,
                          List<MatterReform> matters, List<BundleReform> bundles) {
    }

    /**
     * A bundle (一件事) published at the moment: its members' materials and promised limits one by one against the
     * merged material list and the bundle's target (or, without one, the longest member limit: they run in parallel).
     */
    public record BundleReform(long bundleId, String code, String name, long regionId, int materialsBefore,
                               int materialsAfter, int daysBefore, int daysAfter) {

        public BigDecimal materialReductionPct() {
            return pct(materialsBefore, materialsAfter);
        }

        public BigDecimal timeLimitReductionPct() {
            return pct(daysBefore, daysAfter);
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('matter:read')")
    public Summary figures(DataScope scope, Long regionId, Instant asOf) {
        CatalogueSnapshot.Filter filter = new CatalogueSnapshot.Filter(scope, regionId, null);
        List<MatterReform> rows = snapshot.matters(filter, asOf);
        return new Summary(asOf, rows.size(), mean(rows.stream().map(MatterReform::materialReduction).toList()),
                mean(rows.stream().map(MatterReform::timeLimitReduction).toList()),
                sum(rows, MatterReform::materialsBefore), sum(rows, MatterReform::materialsAfter),
                count(rows, MatterReform::noVisit), count(rows, MatterReform::certificateFree),
                count(rows, MatterReform::bundleMember), count(rows, MatterReform::cityWide),
                count(rows, MatterReform::crossProvince), count(rows, MatterReform::transferred),
                count(rows, MatterReform::delegated), rows,
                snapshot.bundles(filter, asOf).stream().map(b -> new BundleReform(b.bundleId(), b.code(), b.name(),
                        b.regionId(), b.materialsBefore(), b.materialsAfter(), b.daysBefore(), b.daysAfter())).toList());
    }

    static BigDecimal pct(int before, int after) {
        if (before <= 0) {
            return null;
        }
        return BigDecimal.valueOf((long) (before - after) * 100).divide(BigDecimal.valueOf(before), 1,
                RoundingMode.HALF_UP);
    }

    /**
     * The mean in percent of the defined reductions, computed exactly (a sum of fractions) and rounded half-up to one
     * decimal once — not a mean of percentages already rounded; null when none is defined.
     */
    static BigDecimal mean(List<Reduction> all) {
        List<Reduction> defined = all.stream().filter(Reduction::defined).toList();
        if (defined.isEmpty()) {
            return null;
        }
        BigInteger numerator = BigInteger.ZERO;
        BigInteger denominator = BigInteger.ONE;
        for (Reduction r : defined) { // numerator / denominator + (before − after) × 100 / before
            BigInteger before = BigInteger.valueOf(r.before());
            numerator = numerator.multiply(before)
                    .add(BigInteger.valueOf((long) (r.before() - r.after()) * 100).multiply(denominator));
            denominator = denominator.multiply(before);
            BigInteger common = numerator.gcd(denominator);
            numerator = numerator.divide(common);
            denominator = denominator.divide(common);
        }
        return new BigDecimal(numerator).divide(new BigDecimal(denominator.multiply(BigInteger.valueOf(defined.size()))),
                1, RoundingMode.HALF_UP);
    }

    private static int sum(List<MatterReform> rows, ToIntFunction<MatterReform> f) {
        return rows.stream().mapToInt(f).sum();
    }

    private static int count(List<MatterReform> rows, java.util.function.Predicate<MatterReform> p) {
        return (int) rows.stream().filter(p).count();
    }
}

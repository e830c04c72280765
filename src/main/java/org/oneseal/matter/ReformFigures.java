package org.oneseal.matter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.ToIntFunction;
import org.oneseal.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final Bundles bundles;

    ReformFigures(JdbcClient jdbc, Bundles bundles) {
        this.jdbc = jdbc;
        this.bundles = bundles;
    }

    /** One matter: its first published version against the one in force. */
    public record MatterReform(long matterId, String implementationCode, long regionId, String name,
                               int firstVersion, int currentVersion, int materialsBefore, int materialsAfter,
                               int promisedDaysBefore, int promisedDaysAfter, int legalDaysBefore, int legalDaysAfter,
                               boolean noVisit, boolean certificateFree, boolean bundleMember, boolean cityWide,
                               boolean crossProvince, boolean transferred, boolean delegated, String reformMode) {

        /** Reduction of the required materials, in percent (null when the first version asked for none). */
        public BigDecimal materialReductionPct() {
            return pct(materialsBefore, materialsAfter);
        }

        /** Reduction of the promised time limit, in percent (null when the first version had none, 即办件). */
        public BigDecimal timeLimitReductionPct() {
            return pct(promisedDaysBefore, promisedDaysAfter);
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
     * A published bundle (一件事) now: its members' materials and promised limits one by one against the merged
     * material list and the bundle's target (or, without one, the longest member limit: they run in parallel).
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
        String sql = """
                with firsts as (
                    select distinct on (matter_id) matter_id, version_number, content from oneseal.matter_version
                    where published_at is not null and published_at <= :asOf
                    order by matter_id, version_number),
                current as (
                    select distinct on (matter_id) matter_id, version_number, content from oneseal.matter_version
                    where published_at is not null and published_at <= :asOf
                      and (superseded_at is null or superseded_at > :asOf)
                    order by matter_id, version_number desc)
                select m.id, m.implementation_code, m.region_id, c.content->>'name' as name,
                       f.version_number as first_version, c.version_number as current_version,
                       jsonb_array_length(jsonb_path_query_array(f.content, '$.materials[*] ? (@.required == true)')) as mb,
                       jsonb_array_length(jsonb_path_query_array(c.content, '$.materials[*] ? (@.required == true)')) as ma,
                       (f.content->>'promisedLimitDays')::int as pb, (c.content->>'promisedLimitDays')::int as pa,
                       (f.content->>'legalLimitDays')::int as lb, (c.content->>'legalLimitDays')::int as la,
                       (c.content->>'onsiteVisits')::int = 0 as no_visit,
                       coalesce((c.content->>'certificateFree')::boolean, false) as certificate_free,
                       coalesce((c.content->>'bundleMember')::boolean, false) as bundle_member,
                       coalesce((c.content->>'cityWide')::boolean, false) as city_wide,
                       coalesce((c.content->>'crossProvince')::boolean, false) as cross_province,
                       coalesce((c.content->>'transferred')::boolean, false) as transferred,
                       coalesce((c.content->>'delegated')::boolean, false) as delegated,
                       c.content->>'reformMode' as reform_mode
                from oneseal.matter m join current c on c.matter_id = m.id join firsts f on f.matter_id = m.id
                where %s and (cast(:region as bigint) is null or m.region_id = :region)
                order by m.region_id, m.implementation_code""".formatted(scope.condition("m.region_id"));
        List<MatterReform> rows = scope.bind(jdbc.sql(sql))
                .param("asOf", Timestamp.from(asOf)).param("region", regionId)
                .query((rs, n) -> new MatterReform(rs.getLong("id"), rs.getString("implementation_code"),
                        rs.getLong("region_id"), rs.getString("name"), rs.getInt("first_version"),
                        rs.getInt("current_version"), rs.getInt("mb"), rs.getInt("ma"), rs.getInt("pb"), rs.getInt("pa"),
                        rs.getInt("lb"), rs.getInt("la"), rs.getBoolean("no_visit"), rs.getBoolean("certificate_free"),
                        rs.getBoolean("bundle_member"), rs.getBoolean("city_wide"), rs.getBoolean("cross_province"),
                        rs.getBoolean("transferred"), rs.getBoolean("delegated"), rs.getString("reform_mode")))
                .list();
        return new Summary(asOf, rows.size(), mean(rows, MatterReform::materialReductionPct),
                mean(rows, MatterReform::timeLimitReductionPct), sum(rows, MatterReform::materialsBefore),
                sum(rows, MatterReform::materialsAfter), count(rows, MatterReform::noVisit),
                count(rows, MatterReform::certificateFree), count(rows, MatterReform::bundleMember),
                count(rows, MatterReform::cityWide), count(rows, MatterReform::crossProvince),
                count(rows, MatterReform::transferred), count(rows, MatterReform::delegated), rows,
                bundleFigures(scope, regionId));
    }

    private List<BundleReform> bundleFigures(DataScope scope, Long regionId) {
        return bundles.published().stream().filter(b -> scope.covers(b.regionId()))
                .filter(b -> regionId == null || b.regionId() == regionId)
                .map(b -> bundles.guide(b.id()).orElseThrow())
                .map(g -> new BundleReform(g.bundleId(), g.code(), g.name(), g.regionId(),
                        g.members().stream().mapToInt(m -> (int) m.matter().materials().stream()
                                .filter(MaterialRequirementView::required).count()).sum(),
                        (int) g.materials().stream().filter(BundleGuide.MergedMaterial::required).count(),
                        g.totalPromisedDays(), g.targetWorkingDays() != null ? g.targetWorkingDays()
                                : g.members().stream().mapToInt(m -> m.matter().promisedLimitDays()).max().orElse(0)))
                .toList();
    }

    static BigDecimal pct(int before, int after) {
        if (before <= 0) {
            return null;
        }
        return BigDecimal.valueOf((long) (before - after) * 100).divide(BigDecimal.valueOf(before), 1,
                RoundingMode.HALF_UP);
    }

    /** The mean of the defined values, one decimal; null when there is none. */
    private static BigDecimal mean(List<MatterReform> rows, java.util.function.Function<MatterReform, BigDecimal> f) {
        List<BigDecimal> values = rows.stream().map(f).filter(java.util.Objects::nonNull).toList();
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
    }

    private static int sum(List<MatterReform> rows, ToIntFunction<MatterReform> f) {
        return rows.stream().mapToInt(f).sum();
    }

    private static int count(List<MatterReform> rows, java.util.function.Predicate<MatterReform> p) {
        return (int) rows.stream().filter(p).count();
    }
}

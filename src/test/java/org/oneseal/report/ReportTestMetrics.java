package org.oneseal.report;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricDimension;
import org.oneseal.shared.metrics.MetricKind;
import org.oneseal.shared.metrics.MetricQuery;
import org.oneseal.shared.metrics.MetricSource;
import org.oneseal.shared.metrics.MetricUnit;
import org.oneseal.shared.metrics.MetricValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A test-only metric source with known values, so that the report tests run end to end before (and after) the
 * modules' own sources are merged:
 * <ul>
 * <li>{@code reporttest.*}: figures no module will ever define (a count by window and department, money, a rate, a
 * rate with nothing to divide by), for formatting and traces;</li>
 * <li>every id of docs/annual-report-figures.md that no other source defines and the statistics module does not
 * list as "not available" — today most of them; once a module's source is merged it defines its ids and this
 * source steps back, so the same tests then check the real figures.</li>
 * </ul>
 * Values depend on the query (period, regions, window, department), so a report computed for the wrong period or
 * area would show other counts than the drill-down.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReportTestMetrics {

    /** The report's figures (docs/annual-report-figures.md) that the statistics module lists as not available. */
    static final List<String> UNAVAILABLE_PREFIXES = List.of("integrity.", "fasttrack.", "finance.",
            "online.creditScenarios", "intermediary.", "tendering.", "talent.");

    /** Every id of docs/annual-report-figures.md (67). */
    static final List<String> DOCUMENTED = List.of("party.centralStudy.sessions", "party.centralStudy.discussions",
            "party.lessons.bySecretaries", "party.lessons.branchPersonTimes", "party.reflections.minPerPerson",
            "party.studyPoints.leaderMax", "integrity.controlMeasures", "evaluation.total", "evaluation.goodRate",
            "evaluation.bad", "evaluation.timelyRectificationRate", "honours.external", "honours.branches",
            "honours.vanguardPosts", "honours.partyWorkers", "honours.members", "hall.appointments.extendedOrStaggered",
            "reform.materialReductionPct", "reform.timeLimitReductionPct", "matter.competences.total",
            "matter.transferred", "matter.delegatedToZone", "bundle.departments", "bundle.itemGroups",
            "enterprise.registrationWorkdays", "enterprise.materialReductionPct", "enterprise.timeReductionPct",
            "marketEntities.new", "marketEntities.yoyGrowthPct", "permitReform.listItems", "commitment.departments",
            "commitment.matters", "commitment.proofItems", "fasttrack.projectsDone", "fasttrack.projectsInProgress",
            "complaint.cityWide.received", "complaint.cityWide.resolved", "complaint.cityLevel.received",
            "complaint.cityLevel.resolved", "complaint.agentServices", "finance.banks", "finance.consultations",
            "finance.accepted", "finance.loanAmount", "online.noVisitMatters", "online.certificateFreeMatters",
            "online.bundleMatters", "online.crossProvinceMatters", "online.creditScenarios",
            "intermediary.serviceItems", "intermediary.agencies", "intermediary.projectsPublished",
            "intermediary.projectsSelected", "tendering.remoteProjects", "tendering.remoteBidders",
            "tendering.guaranteeProjects", "tendering.guaranteeBidders", "tendering.capitalFreed",
            "license.grantDepartments", "license.grantMatters", "license.grantLicenseKinds", "cityWide.matters",
            "talent.consultations", "talent.enterprisesRegistered", "talent.registeredGrowthPct",
            "talent.registeredCapital", "talent.capitalGrowthPct");

    @Bean
    MetricSource reportTestSource(ObjectProvider<MetricSource> others) {
        return new Source(others);
    }

    static final class Source implements MetricSource {

        private final ObjectProvider<MetricSource> others;
        private List<MetricDefinition> definitions;

        Source(ObjectProvider<MetricSource> others) {
            this.others = others;
        }

        @Override
        public synchronized List<MetricDefinition> definitions() {
            if (definitions == null) {
                Set<String> defined = new java.util.HashSet<>();
                others.stream().filter(s -> s != this).forEach(s -> s.definitions().forEach(d -> defined.add(d.id())));
                Map<String, MetricDefinition> all = new LinkedHashMap<>();
                all.put("reporttest.cases", MetricDefinition.flow("reporttest.cases", "reporttest", MetricUnit.COUNT,
                        MetricDimension.WINDOW, MetricDimension.DEPARTMENT));
                all.put("reporttest.amount", MetricDefinition.flow("reporttest.amount", "reporttest", MetricUnit.YUAN));
                all.put("reporttest.rate", MetricDefinition.flow("reporttest.rate", "reporttest", MetricUnit.PERCENT));
                all.put("reporttest.empty", MetricDefinition.flow("reporttest.empty", "reporttest", MetricUnit.PERCENT));
                for (String id : DOCUMENTED) {
                    if (!defined.contains(id) && UNAVAILABLE_PREFIXES.stream().noneMatch(id::startsWith)) {
                        all.put(id, filler(id));
                    }
                }
                definitions = List.copyOf(all.values());
            }
            return definitions;
        }

        private static MetricDefinition filler(String id) {
            MetricUnit unit = unit(id);
            if (id.equals("marketEntities.yoyGrowthPct")) {
                return MetricDefinition.growth(id, "reporttest", "marketEntities.new");
            }
            if (id.startsWith("party.") || id.startsWith("honours.")) {
                return MetricDefinition.bureau(id, "reporttest", unit);
            }
            if (id.startsWith("evaluation.") || id.startsWith("complaint.")) {
                return MetricDefinition.flow(id, "reporttest", unit, MetricDimension.WINDOW, MetricDimension.DEPARTMENT);
            }
            return new MetricDefinition(id, "reporttest", unit, id.startsWith("matter.") ? MetricKind.STOCK
                    : MetricKind.FLOW, true, Set.of(), null);
        }

        static MetricUnit unit(String id) {
            if (id.endsWith("Pct") || id.endsWith("Rate")) {
                return MetricUnit.PERCENT;
            }
            return switch (id) {
                case "enterprise.registrationWorkdays" -> MetricUnit.DAYS;
                case "party.studyPoints.leaderMax" -> MetricUnit.POINTS;
                case "reporttest.amount" -> MetricUnit.YUAN;
                case "reporttest.rate", "reporttest.empty" -> MetricUnit.PERCENT;
                default -> MetricUnit.COUNT;
            };
        }

        /** The number of records behind a figure for a query: known, and different for other periods and areas. */
        static long records(String id, MetricQuery q) {
            long base = Math.floorMod(id.hashCode(), 90) + 10;
            long months = ChronoUnit.MONTHS.between(q.from().withDayOfMonth(1), q.to().withDayOfMonth(1)) + 1;
            long n = base * months * q.regions().size();
            if (q.window() != null || q.department() != null) {
                n = n / 7 + Math.floorMod((q.window() == null ? 0 : q.window()) + (q.department() == null ? 0
                        : q.department()), 11);
            }
            return n;
        }

        @Override
        public Map<String, MetricValue> compute(Collection<String> ids, MetricQuery query) {
            Map<String, MetricValue> values = new HashMap<>();
            for (String id : ids) {
                long n = records(id, query);
                values.put(id, switch (id) {
                    case "reporttest.amount" -> MetricValue.amount(BigDecimal.valueOf(n * 1_234_567L, 2), n);
                    case "reporttest.empty" -> MetricValue.rate(0, 0, 0, "statistics.growth.noBase");
                    case "enterprise.registrationWorkdays" -> MetricValue.amount(new BigDecimal("2.5"), n);
                    case "party.studyPoints.leaderMax" -> MetricValue.amount(BigDecimal.valueOf(n * 37), n);
                    default -> unit(id) == MetricUnit.PERCENT ? MetricValue.rate(n * 9 / 10, n, n, null)
                            : MetricValue.count(n);
                });
            }
            return values;
        }

        @Override
        public List<String> recordColumns(String id) {
            return List.of("report.appendix.metric", "report.appendix.number");
        }

        @Override
        public void records(String id, MetricQuery query, int offset, int limit, Consumer<List<Object>> row) {
            long n = records(id, query);
            List<List<Object>> rows = new ArrayList<>();
            for (long i = offset; i < n && rows.size() < limit; i++) {
                rows.add(List.of(id, i + 1));
            }
            rows.forEach(row);
        }
    }
}

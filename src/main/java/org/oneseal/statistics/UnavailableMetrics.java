package org.oneseal.statistics;

import java.util.List;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricUnit;

/**
 * The report's figures whose records the platform does not hold yet: their module is not built (supervision,
 * fast track, inclusive finance, intermediary marketplace, tendering, talent) or nothing records the fact (credit
 * application scenarios). They are listed, defined and shown as "not available" with that reason, never as 0.
 * When a module is built, its {@code MetricSource} defines the id and it leaves this list.
 */
final class UnavailableMetrics {

    private UnavailableMetrics() {
    }

    static List<MetricDefinition> all() {
        return List.of(
                bureau("integrity.controlMeasures", "supervision", MetricUnit.COUNT),
                stock("fasttrack.projectsDone", "fasttrack", MetricUnit.COUNT),
                stock("fasttrack.projectsInProgress", "fasttrack", MetricUnit.COUNT),
                stock("finance.banks", "finance", MetricUnit.COUNT),
                flow("finance.consultations", "finance", MetricUnit.COUNT),
                flow("finance.accepted", "finance", MetricUnit.COUNT),
                flow("finance.loanAmount", "finance", MetricUnit.YUAN),
                stock("online.creditScenarios", "credit", MetricUnit.COUNT),
                stock("intermediary.serviceItems", "intermediary", MetricUnit.COUNT),
                stock("intermediary.agencies", "intermediary", MetricUnit.COUNT),
                flow("intermediary.projectsPublished", "intermediary", MetricUnit.COUNT),
                flow("intermediary.projectsSelected", "intermediary", MetricUnit.COUNT),
                flow("tendering.remoteProjects", "tendering", MetricUnit.COUNT),
                flow("tendering.remoteBidders", "tendering", MetricUnit.COUNT),
                flow("tendering.guaranteeProjects", "tendering", MetricUnit.COUNT),
                flow("tendering.guaranteeBidders", "tendering", MetricUnit.COUNT),
                flow("tendering.capitalFreed", "tendering", MetricUnit.YUAN),
                flow("talent.consultations", "talent", MetricUnit.COUNT),
                flow("talent.enterprisesRegistered", "talent", MetricUnit.COUNT),
                MetricDefinition.growth("talent.registeredGrowthPct", "talent", "talent.enterprisesRegistered"),
                flow("talent.registeredCapital", "talent", MetricUnit.YUAN),
                MetricDefinition.growth("talent.capitalGrowthPct", "talent", "talent.registeredCapital"));
    }

    /** The message key saying why the figures of {@code module} are not available. */
    static String reasonKey(String module) {
        return "statistics.unavailable." + module;
    }

    private static MetricDefinition flow(String id, String module, MetricUnit unit) {
        return MetricDefinition.flow(id, module, unit);
    }

    private static MetricDefinition stock(String id, String module, MetricUnit unit) {
        return MetricDefinition.stock(id, module, unit);
    }

    private static MetricDefinition bureau(String id, String module, MetricUnit unit) {
        return MetricDefinition.bureau(id, module, unit);
    }
}

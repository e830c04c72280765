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
 * Every metric the platform knows: the annual report's figures in the order of docs/annual-report-figures.md, then the
 * others (dashboard figures) by id. Built once at start-up; an id defined twice, or a growth
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

    /** The ids of docs/annual-report-figures.md, with each "a / .b" row split. */
    static final List<String> REPORT_ORDER = List.of("party.centralStudy.sessions", "party.centralStudy.discussions",
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
        Map<String, Entry> ordered = new LinkedHashMap<>();
        REPORT_ORDER.stream().filter(all::containsKey).forEach(id -> ordered.put(id, all.get(id)));
        all.keySet().stream().filter(id -> !ordered.containsKey(id)).sorted().forEach(id -> ordered.put(id, all.get(id)));
        this.entries = Collections.unmodifiableMap(ordered);
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

package org.oneseal.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.OrgUnitFilter;
import org.oneseal.identity.OrgUnitKind;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.identity.RegionManagement;
import org.oneseal.shared.metrics.MetricDimension;
import org.oneseal.shared.metrics.MetricQuery;
import org.springframework.stereotype.Component;

/**
 * Figures per window or per department of a resolved selection: the active windows (or departments — stationed
 * departments and bureau sections) of the regions the selection covers, each with exactly the figures of the
 * selection's query narrowed to it, computed for all of them at once (one grouped computation per source). A window
 * or department the viewer is held to (window staff, a chief) stays the only one. A figure without that breakdown is
 * "not applicable" in every row. Units of the same name in different regions (each county's 综合受理窗口) are labelled
 * with their region, so that no two rows read alike.
 */
@Component
class Breakdowns {

    private final FigureComputer computer;
    private final OrganisationManagement organisation;
    private final RegionManagement regions;
    private final CurrentUser currentUser;
    private final StatisticsMessages messages;

    Breakdowns(FigureComputer computer, OrganisationManagement organisation, RegionManagement regions,
            CurrentUser currentUser, StatisticsMessages messages) {
        this.computer = computer;
        this.organisation = organisation;
        this.regions = regions;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    List<BreakdownRow> compute(List<MetricCatalogue.Entry> entries, Selection selection, MetricDimension by) {
        if (by != MetricDimension.WINDOW && by != MetricDimension.DEPARTMENT) {
            throw new IllegalArgumentException("a breakdown is by window or by department, not by " + by);
        }
        MetricQuery q = selection.query();
        List<OrgUnitView> units = units(by, q);
        Map<Long, String> labels = labels(units);
        Map<Long, Selection> narrowed = new LinkedHashMap<>();
        for (OrgUnitView unit : units) {
            narrowed.put(unit.id(), new Selection(q.narrowedTo(by, unit.id()), selection.area(),
                    selection.areaLabel(), selection.includesCityLevel(),
                    by == MetricDimension.DEPARTMENT ? labels.get(unit.id()) : selection.departmentLabel(),
                    by == MetricDimension.WINDOW ? labels.get(unit.id()) : selection.windowLabel()));
        }
        Map<Long, List<Figure>> figures = computer.computeByUnit(entries, selection, by, narrowed);
        List<BreakdownRow> rows = new ArrayList<>();
        for (OrgUnitView unit : units) {
            rows.add(new BreakdownRow(unit.id(), labels.get(unit.id()), figures.get(unit.id())));
        }
        return rows;
    }

    /** Each unit's name; with its region's name (市本级 for the city's own) where another unit has the same name. */
    private Map<Long, String> labels(List<OrgUnitView> units) {
        Map<String, Long> named = units.stream().collect(Collectors.groupingBy(OrgUnitView::name,
                Collectors.counting()));
        Map<Long, String> regionNames = new HashMap<>();
        if (named.values().stream().anyMatch(n -> n > 1)) {
            regions.all().forEach(r -> regionNames.put(r.id(), r.parentId() == null
                    ? messages.text("statistics.area.cityLevel") : r.name()));
        }
        Map<Long, String> labels = new HashMap<>();
        for (OrgUnitView u : units) {
            labels.put(u.id(), named.get(u.name()) > 1 ? messages.text("statistics.breakdown.sameName", u.name(),
                    regionNames.getOrDefault(u.regionId(), "#" + u.regionId())) : u.name());
        }
        return labels;
    }

    private List<OrgUnitView> units(MetricDimension by, MetricQuery q) {
        Long held = by == MetricDimension.WINDOW ? q.window() : q.department();
        List<OrgUnitKind> kinds = by == MetricDimension.WINDOW ? List.of(OrgUnitKind.WINDOW)
                : List.of(OrgUnitKind.STATIONED_DEPARTMENT, OrgUnitKind.BUREAU_SECTION);
        List<OrgUnitView> units = new ArrayList<>();
        for (OrgUnitKind kind : kinds) {
            organisation.list(currentUser.scope(), new OrgUnitFilter(null, kind, null)).stream()
                    .filter(u -> u.active() && q.regions().contains(u.regionId()))
                    .filter(u -> held == null || u.id() == held)
                    .forEach(units::add);
        }
        units.sort(java.util.Comparator.comparing(OrgUnitView::regionId).thenComparing(OrgUnitView::sortOrder)
                .thenComparing(OrgUnitView::id));
        return units;
    }
}

package org.oneseal.statistics;

import java.util.ArrayList;
import java.util.List;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.OrgUnitFilter;
import org.oneseal.identity.OrgUnitKind;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.shared.metrics.MetricDimension;
import org.oneseal.shared.metrics.MetricQuery;
import org.springframework.stereotype.Component;

/**
 * Figures per window or per department of a resolved selection: the active windows (or departments — stationed
 * departments and bureau sections) of the regions the selection covers, each computed with the selection's query
 * narrowed to it. A window or department the viewer is held to (window staff, a chief) stays the only one. A figure
 * without that breakdown is "not applicable" in every row.
 */
@Component
class Breakdowns {

    private final FigureComputer computer;
    private final OrganisationManagement organisation;
    private final CurrentUser currentUser;

    Breakdowns(FigureComputer computer, OrganisationManagement organisation, CurrentUser currentUser) {
        this.computer = computer;
        this.organisation = organisation;
        this.currentUser = currentUser;
    }

    List<BreakdownRow> compute(List<MetricCatalogue.Entry> entries, Selection selection, MetricDimension by) {
        if (by != MetricDimension.WINDOW && by != MetricDimension.DEPARTMENT) {
            throw new IllegalArgumentException("a breakdown is by window or by department, not by " + by);
        }
        MetricQuery q = selection.query();
        List<BreakdownRow> rows = new ArrayList<>();
        for (OrgUnitView unit : units(by, q)) {
            MetricQuery narrowed = new MetricQuery(q.from(), q.to(), q.regions(), q.wholeCity(),
                    by == MetricDimension.DEPARTMENT ? Long.valueOf(unit.id()) : q.department(),
                    by == MetricDimension.WINDOW ? Long.valueOf(unit.id()) : q.window(), q.staff());
            Selection one = new Selection(narrowed, selection.area(), selection.areaLabel(),
                    selection.includesCityLevel(),
                    by == MetricDimension.DEPARTMENT ? unit.name() : selection.departmentLabel(),
                    by == MetricDimension.WINDOW ? unit.name() : selection.windowLabel());
            rows.add(new BreakdownRow(unit.id(), unit.name(), computer.compute(entries, one)));
        }
        return rows;
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

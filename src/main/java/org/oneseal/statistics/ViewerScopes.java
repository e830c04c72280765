package org.oneseal.statistics;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.identity.AccountPrincipal;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.OrgUnitKind;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.identity.RegionLevel;
import org.oneseal.identity.RegionManagement;
import org.oneseal.identity.RegionView;
import org.oneseal.identity.Role;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.oneseal.shared.metrics.MetricQuery;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Turns a viewer's request into the query the sources run. The area must lie in the viewer's data scope (全市 needs
 * the city-wide view; a county's staff see their county); a chief sees their own department, window staff their own
 * window; leaders may choose any department of the regions they see. A refusal is audited and answered 403.
 */
@Component
class ViewerScopes {

    static final int MAX_DAYS = 366;

    private final CurrentUser currentUser;
    private final RegionManagement regions;
    private final OrganisationManagement organisation;
    private final StatisticsMessages messages;
    private final AuditLog audit;

    ViewerScopes(CurrentUser currentUser, RegionManagement regions, OrganisationManagement organisation,
            StatisticsMessages messages, AuditLog audit) {
        this.currentUser = currentUser;
        this.regions = regions;
        this.organisation = organisation;
        this.messages = messages;
        this.audit = audit;
    }

    Selection resolve(StatisticsRequest request) {
        checkPeriod(request.from(), request.to());
        AccountPrincipal viewer = currentUser.principal()
                .orElseThrow(() -> new AccessDeniedException("no staff member signed in"));
        DataScope scope = currentUser.scope();
        List<RegionView> all = regions.all();
        RegionView root = all.stream().filter(r -> r.level() == RegionLevel.CITY).findFirst().orElseThrow();
        Area area = normalise(request.area() == null ? defaultArea(scope, root) : request.area(), scope, root);
        Set<Long> covered = covered(area, scope, root, all);
        String areaLabel = switch (area.kind()) {
            case ALL -> messages.text("statistics.area.all");
            case CITY_LEVEL -> messages.text("statistics.area.cityLevel");
            case REGION -> regions.get(area.region()).name();
        };
        Dimensions dims = dimensions(viewer, scope, request, covered);
        boolean wholeCity = covered.size() == all.size();
        MetricQuery query = new MetricQuery(request.from(), request.to(), covered, wholeCity, dims.department(),
                dims.window(), dims.staff());
        return new Selection(query, area, areaLabel, covered.contains(root.id()), dims.departmentLabel(),
                dims.windowLabel());
    }

    /** The areas a viewer may choose, widest first: 全市 (city-wide view), 市本级, then the regions they see. */
    List<AreaOption> options() {
        DataScope scope = currentUser.scope();
        List<RegionView> all = regions.all();
        RegionView root = all.stream().filter(r -> r.level() == RegionLevel.CITY).findFirst().orElseThrow();
        List<AreaOption> options = new java.util.ArrayList<>();
        if (scope.cityWide()) {
            options.add(new AreaOption(Area.ALL.code(), messages.text("statistics.area.all")));
        }
        if (scope.covers(root.id())) {
            options.add(new AreaOption(Area.CITY_LEVEL.code(), messages.text("statistics.area.cityLevel")));
        }
        all.stream().filter(r -> r.level() != RegionLevel.CITY && r.active() && scope.covers(r.id()))
                .forEach(r -> options.add(new AreaOption(String.valueOf(r.id()), r.name())));
        return options;
    }

    /** The departments a leader (or a county bureau's chief) may choose (stationed departments and bureau sections of the regions they see). */
    List<AreaOption> departments() {
        AccountPrincipal viewer = currentUser.principal().orElseThrow();
        DataScope scope = currentUser.scope();
        OrgUnitView unit = viewer.orgUnitId() == null ? null : organisation.get(scope, viewer.orgUnitId());
        OrgUnitView own = viewer.roles().contains(Role.CHIEF) ? ownDepartment(scope, unit) : null;
        if (reach(viewer, own, unit) != Reach.ANY) {
            return List.of();
        }
        return organisation.list(scope, org.oneseal.identity.OrgUnitFilter.none()).stream()
                .filter(u -> u.active() && (u.kind() == OrgUnitKind.STATIONED_DEPARTMENT
                        || u.kind() == OrgUnitKind.BUREAU_SECTION))
                .map(u -> new AreaOption(String.valueOf(u.id()), u.name())).toList();
    }

    private void checkPeriod(LocalDate from, LocalDate to) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (from == null) {
            errors.add("from", messages.text("statistics.period.fromMissing"));
        }
        if (to == null) {
            errors.add("to", messages.text("statistics.period.toMissing"));
        }
        errors.throwIfAny();
        if (from.getYear() < 2000 || from.getYear() > 2100) {
            errors.add("from", messages.text("statistics.period.outOfRange"));
        }
        if (to.getYear() < 2000 || to.getYear() > 2100) {
            errors.add("to", messages.text("statistics.period.outOfRange"));
        }
        errors.throwIfAny();
        if (to.isBefore(from)) {
            errors.add("to", messages.text("statistics.period.reversed"));
        } else if (!to.isBefore(from.plusDays(MAX_DAYS))) {
            errors.add("to", messages.text("statistics.period.tooLong"));
        }
        errors.throwIfAny();
    }

    private static Area defaultArea(DataScope scope, RegionView root) {
        if (scope.cityWide()) {
            return Area.ALL;
        }
        return scope.region() == root.id() ? Area.CITY_LEVEL : Area.region(scope.region());
    }

    /** The root chosen as a region means what the viewer sees of it: 全市 with the city-wide view, else 市本级. */
    private static Area normalise(Area area, DataScope scope, RegionView root) {
        if (area.kind() == Area.Kind.REGION && area.region() == root.id()) {
            return scope.cityWide() ? Area.ALL : Area.CITY_LEVEL;
        }
        return area;
    }

    private Set<Long> covered(Area area, DataScope scope, RegionView root, List<RegionView> all) {
        return switch (area.kind()) {
            case ALL -> {
                if (!scope.cityWide()) {
                    throw denied("all", messages.text("statistics.denied.all"));
                }
                yield all.stream().map(RegionView::id).collect(Collectors.toSet());
            }
            case CITY_LEVEL -> {
                if (!scope.covers(root.id())) {
                    throw denied("city", messages.text("statistics.denied.region"));
                }
                yield Set.of(root.id());
            }
            case REGION -> {
                if (all.stream().noneMatch(r -> r.id() == area.region())) {
                    throw InvalidInputException.of("area", messages.text("statistics.area.unknown", String.valueOf(area.region())));
                }
                if (!scope.covers(area.region())) {
                    throw denied(area.code(), messages.text("statistics.denied.region"));
                }
                Set<Long> below = new HashSet<>(regions.withDescendants(area.region()));
                below.removeIf(id -> !scope.covers(id));
                yield below;
            }
        };
    }

    private record Dimensions(Long department, String departmentLabel, Long window, String windowLabel,
            String staff) {
    }

    /** How far a viewer may break figures down. */
    private enum Reach {
        /** leaders, and the chief of a county's bureau as a whole: any department or window of the areas they see */
        ANY,
        /** a chief of a department: that department only */
        OWN_DEPARTMENT,
        /** window staff: their own window (or their own service when not at a window) */
        OWN_WINDOW
    }

    /** null: a chief of no department and no county bureau, who may see no statistics. */
    private Reach reach(AccountPrincipal viewer, OrgUnitView ownDepartment, OrgUnitView ownUnit) {
        Set<Role> roles = viewer.roles();
        if (roles.contains(Role.LEADER)) {
            return Reach.ANY;
        }
        if (roles.contains(Role.CHIEF)) {
            if (ownDepartment != null) {
                return Reach.OWN_DEPARTMENT;
            }
            // a chief of no department is the chief of a county bureau as a whole, or has no reach at all
            if (ownUnit != null && ownUnit.kind() == OrgUnitKind.BUREAU
                    && regions.get(ownUnit.regionId()).level() != RegionLevel.CITY) {
                return Reach.ANY;
            }
            return null;
        }
        return Reach.OWN_WINDOW;
    }

    private Dimensions dimensions(AccountPrincipal viewer, DataScope scope, StatisticsRequest request,
            Set<Long> covered) {
        OrgUnitView unit = viewer.orgUnitId() == null ? null : organisation.get(scope, viewer.orgUnitId());
        OrgUnitView ownDepartment = viewer.roles().contains(Role.CHIEF) ? ownDepartment(scope, unit) : null;
        Long asked = request.department();
        Long askedWindow = request.window();
        Reach reach = reach(viewer, ownDepartment, unit);
        if (reach == null) {
            throw denied("department", messages.text("statistics.denied.noDepartment"));
        }
        switch (reach) {
            case ANY -> {
                OrgUnitView department = asked == null ? null : unit(scope, asked, "department", covered);
                OrgUnitView window = askedWindow == null ? null : unit(scope, askedWindow, "window", covered);
                return new Dimensions(department == null ? null : department.id(),
                        department == null ? null : department.name(), window == null ? null : window.id(),
                        window == null ? null : window.name(), null);
            }
            case OWN_DEPARTMENT -> {
                if (asked != null && asked != ownDepartment.id() || askedWindow != null) {
                    throw denied("department " + asked, messages.text("statistics.denied.department"));
                }
                return new Dimensions(ownDepartment.id(), ownDepartment.name(), null, null, null);
            }
            default -> {
                if (asked != null || askedWindow != null && (unit == null || askedWindow != unit.id())) {
                    throw denied("department " + asked, messages.text("statistics.denied.department"));
                }
                if (unit != null && unit.kind() == OrgUnitKind.WINDOW) {
                    return new Dimensions(null, null, unit.id(), unit.name(), null);
                }
                return new Dimensions(null, null, null, null, viewer.getUsername());
            }
        }
    }

    /** A department (or window) a viewer asked for: known, of that kind, and in the chosen area (400 otherwise). */
    private OrgUnitView unit(DataScope scope, long id, String field, Set<Long> covered) {
        OrgUnitView unit;
        try {
            unit = organisation.get(scope, id);
        } catch (NotFoundException e) {
            throw InvalidInputException.of(field, messages.text("statistics." + field + ".unknown",
                    String.valueOf(id)));
        }
        boolean kind = field.equals("window") ? unit.kind() == OrgUnitKind.WINDOW
                : unit.kind() == OrgUnitKind.STATIONED_DEPARTMENT || unit.kind() == OrgUnitKind.BUREAU_SECTION;
        if (!kind) {
            throw InvalidInputException.of(field, messages.text("statistics." + field + ".wrongKind", unit.name()));
        }
        if (!covered.contains(unit.regionId())) {
            throw InvalidInputException.of(field, messages.text("statistics." + field + ".outsideArea", unit.name()));
        }
        return unit;
    }

    /** The chief's own unit if it is a department, else the nearest department above it. */
    private OrgUnitView ownDepartment(DataScope scope, OrgUnitView own) {
        Long next = own == null ? null : own.id();
        for (int depth = 0; next != null && depth < 10; depth++) {
            OrgUnitView unit = organisation.get(scope, next);
            if (unit.kind() == OrgUnitKind.STATIONED_DEPARTMENT || unit.kind() == OrgUnitKind.BUREAU_SECTION) {
                return unit;
            }
            next = unit.parentId();
        }
        return null;
    }

    private AccessDeniedException denied(String what, String message) {
        audit.recordIndependently(new AuditRecord(null, null, "statistics.read", "Statistics", what,
                AuditOutcome.DENIED, message, null));
        return new AccessDeniedException(message);
    }
}

package org.oneseal.identity;

import java.time.Clock;
import java.util.List;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 组织机构管理: bureau sections, stationed departments, halls and windows. Every method takes the
 * caller's {@link DataScope}; an org unit outside it answers "not found" and leaves an audit entry.
 */
@Service
public class OrganisationManagement {

    private final OrgUnitRepository units;
    private final RegionRepository regions;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final IdentityMessages messages;
    private final Clock clock;

    OrganisationManagement(OrgUnitRepository units, RegionRepository regions, JdbcClient jdbc, AuditLog audit,
            IdentityMessages messages, Clock clock) {
        this.units = units;
        this.regions = regions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('identity:orgunit:read')")
    public List<OrgUnitView> list(DataScope scope, OrgUnitFilter filter) {
        String sql = """
                select id, region_id, parent_id, kind, window_kind, code, name, description, sort_order, active
                from oneseal.org_unit
                where %s
                  and (cast(:regionId as bigint) is null or region_id = :regionId)
                  and (cast(:kind as varchar) is null or kind = :kind)
                  and (cast(:text as varchar) is null or name like :text or code like :text)
                order by region_id, sort_order, id
                limit 2000
                """.formatted(scope.condition("region_id"));
        String text = filter.text() == null || filter.text().isBlank() ? null : "%" + likeEscape(filter.text().trim()) + "%";
        return scope.bind(jdbc.sql(sql))
                .param("regionId", filter.regionId())
                .param("kind", filter.kind() == null ? null : filter.kind().name())
                .param("text", text)
                .query((rs, n) -> new OrgUnitView(rs.getLong("id"), rs.getLong("region_id"),
                        (Long) rs.getObject("parent_id"), OrgUnitKind.valueOf(rs.getString("kind")),
                        rs.getString("window_kind") == null ? null : WindowKind.valueOf(rs.getString("window_kind")),
                        rs.getString("code"), rs.getString("name"), rs.getString("description"),
                        rs.getInt("sort_order"), rs.getBoolean("active")))
                .list();
    }

    /**
     * The active service windows (窗口) of every region — public information (the hall's guide lists them), for
     * an applicant choosing which window may pull a licence.
     */
    @Transactional(readOnly = true)
    public List<OrgUnitView> serviceWindows() {
        return units.findAll().stream().filter(u -> u.view().kind() == OrgUnitKind.WINDOW && u.view().active())
                .map(OrgUnit::view)
                .sorted(java.util.Comparator.comparing(OrgUnitView::regionId).thenComparing(OrgUnitView::sortOrder)
                        .thenComparing(OrgUnitView::id))
                .toList();
    }

    /**
     * Every service hall (政务服务大厅) with its region, active or not: the units of kind SERVICE_HALL and any other unit
     * a window (active or not) belongs to — public information, for figures of past periods (a hall whose windows have
     * been closed since still served its tickets then).
     */
    @Transactional(readOnly = true)
    public List<OrgUnitView> serviceHalls() {
        List<OrgUnitView> all = units.findAll().stream().map(OrgUnit::view).toList();
        java.util.Set<Long> parentsOfWindows = all.stream().filter(u -> u.kind() == OrgUnitKind.WINDOW)
                .map(OrgUnitView::parentId).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        return all.stream().filter(u -> u.kind() == OrgUnitKind.SERVICE_HALL || parentsOfWindows.contains(u.id()))
                .sorted(java.util.Comparator.comparing(OrgUnitView::regionId).thenComparing(OrgUnitView::id))
                .toList();
    }

    /** Every org unit's name by id (departments and windows are public: the guide and the hall name them). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> unitNames() {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        units.findAll().forEach(u -> names.put(u.view().id(), u.view().name()));
        return names;
    }

    /** One active service window, for the licence-grant checks (public information). */
    @Transactional(readOnly = true)
    public java.util.Optional<OrgUnitView> serviceWindow(long id) {
        return units.findById(id).map(OrgUnit::view).filter(u -> u.kind() == OrgUnitKind.WINDOW && u.active());
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('identity:orgunit:read')")
    public OrgUnitView get(DataScope scope, long id) {
        return load(scope, id).view();
    }

    @Transactional
    @PreAuthorize("hasAuthority('identity:orgunit:manage')")
    public OrgUnitView create(DataScope scope, OrgUnitCommand command) {
        check(scope, null, command);
        OrgUnit unit = saveUnique(OrgUnit.create(command, clock.instant()), command.code());
        audit.record(AuditRecord.of("identity.orgunit.create", "OrgUnit", unit.id()).region(command.regionId())
                .reason(command.code() + " " + command.name()));
        return unit.view();
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('identity:orgunit:manage')")
    public OrgUnitView update(DataScope scope, long id, OrgUnitCommand command) {
        OrgUnit unit = load(scope, id);
        check(scope, id, command);
        unit.apply(command, clock.instant());
        saveUnique(unit, command.code());
        audit.record(AuditRecord.of("identity.orgunit.update", "OrgUnit", id).region(command.regionId())
                .reason(command.code() + " " + command.name()));
        return unit.view();
    }

    private OrgUnit load(DataScope scope, long id) {
        OrgUnit unit = units.findById(id).orElseThrow(() -> new NotFoundException("org unit " + id));
        if (!scope.covers(unit.regionId())) {
            audit.recordIndependently(AuditRecord.of("identity.orgunit.read", "OrgUnit", id)
                    .outcome(AuditOutcome.DENIED).region(unit.regionId()).reason("outside data scope"));
            throw new NotFoundException("org unit " + id);
        }
        return unit;
    }

    private void check(DataScope scope, Long id, OrgUnitCommand command) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (regions.findById(command.regionId()).isEmpty() || !scope.covers(command.regionId())) {
            errors.add("regionId", messages.text("identity.orgunit.region.outside"));
        }
        if (command.kind() == OrgUnitKind.WINDOW && command.windowKind() == null) {
            errors.add("windowKind", messages.text("identity.orgunit.windowkind.required"));
        }
        if (command.parentId() != null) {
            OrgUnit parent = units.findById(command.parentId()).orElse(null);
            if (parent == null || parent.regionId() != command.regionId() || !scope.covers(parent.regionId())) {
                errors.add("parentId", messages.text("identity.orgunit.parent.invalid"));
            } else if (id != null && createsCycle(id, parent)) {
                errors.add("parentId", messages.text("identity.orgunit.parent.cycle"));
            }
        }
        units.findByCode(command.code().trim()).filter(other -> !other.id().equals(id))
                .ifPresent(other -> errors.add("code", messages.text("identity.orgunit.code.taken", command.code())));
        errors.throwIfAny();
    }

    private boolean createsCycle(long id, OrgUnit parent) {
        OrgUnit current = parent;
        for (int depth = 0; current != null && depth < 50; depth++) {
            if (current.id() == id) {
                return true;
            }
            Long next = current.view().parentId();
            current = next == null ? null : units.findById(next).orElse(null);
        }
        return false;
    }

    /** Two administrators saving the same code at once: the unique index decides, the loser gets 409. */
    private OrgUnit saveUnique(OrgUnit unit, String code) {
        try {
            return units.save(unit);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new org.oneseal.shared.ConflictException("code", messages.text("identity.orgunit.code.taken", code));
        }
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

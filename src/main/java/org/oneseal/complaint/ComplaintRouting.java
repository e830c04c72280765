package org.oneseal.complaint;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.RegionManagement;
import org.oneseal.identity.StaffDirectory;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The routing rules of 办不成事: ordered by position; a rule names any of region (its regions below included),
 * department, matter and category, and the coordinator; the first active rule whose every named criterion matches
 * assigns the complaint. A complaint no rule matches waits, unassigned, for a chief of its region. Routing runs on
 * receipt and again when the facts of a complaint change.
 */
@Service
public class ComplaintRouting {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final RegionManagement regions;
    private final StaffDirectory staff;
    private final ComplaintMessages messages;
    private final AuditLog audit;
    private final Clock clock;

    ComplaintRouting(JdbcClient jdbc, CurrentUser currentUser, RegionManagement regions, StaffDirectory staff,
            ComplaintMessages messages, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.regions = regions;
        this.staff = staff;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** A rule as stored and shown. Null criteria match anything. */
    public record Rule(Long id, int position, Long regionId, Long departmentId, Long matterId, String category,
                       String coordinator, boolean active) {
    }

    /** A new rule as the chief writes it. */
    public record RuleRequest(Integer position, Long regionId, Long departmentId, Long matterId, String category,
                              String coordinator) {
    }

    /** Assigns the complaint by the first matching rule (or leaves it to the chiefs); records what happened. */
    void route(long complaintId, String actor) {
        Map<String, Object> c = jdbc.sql("""
                select region_id, department_id, matter_id, category, coordinator, rule_id, state
                from oneseal.complaint where id = :id""").param("id", complaintId).query().singleRow();
        long region = ((Number) c.get("region_id")).longValue();
        Optional<Rule> match = rules(true).stream().filter(r -> matches(r, region, (Long) c.get("department_id"),
                (Long) c.get("matter_id"), (String) c.get("category"))).findFirst();
        String coordinator = match.map(Rule::coordinator).orElse(null);
        Long ruleId = match.map(Rule::id).orElse(null);
        boolean first = c.get("rule_id") == null && c.get("coordinator") == null;
        if (!first && java.util.Objects.equals(coordinator, c.get("coordinator"))) {
            return;
        }
        String state = (String) c.get("state");
        // nobody matches any more: back to the chiefs, whatever the state, so that it is never left without an owner
        String next = coordinator == null ? "UNASSIGNED"
                : "UNASSIGNED".equals(state) || "ASSIGNED".equals(state) ? "ASSIGNED" : state;
        jdbc.sql("update oneseal.complaint set coordinator = :coordinator, rule_id = :rule, state = :state where id = :id")
                .param("coordinator", coordinator).param("rule", ruleId).param("state", next).param("id", complaintId)
                .update();
        jdbc.sql("""
                insert into oneseal.complaint_event (complaint_id, kind, actor, note, at)
                values (:id, :kind, :actor, :note, :at)""")
                .param("id", complaintId).param("kind", first ? (coordinator == null ? "UNROUTED" : "RULE_ASSIGNED")
                        : "REROUTED").param("actor", actor)
                .param("note", coordinator == null ? null : coordinator + " (rule " + ruleId + ")")
                .param("at", Timestamp.from(clock.instant())).update();
    }

    /**
     * Whether a staff member may coordinate complaints of a region (null: every region): enabled, handling complaints,
     * and with the region in their scope.
     */
    boolean fitsAsCoordinator(String username, Long regionId) {
        return username != null && staff.find(username)
                .filter(s -> s.roles().stream().anyMatch(role -> role.authorities().contains("complaint:handle")))
                .filter(s -> regionId == null ? s.cityWide()
                        : s.cityWide() || regions.withDescendants(s.regionId()).contains(regionId))
                .isPresent();
    }

    private boolean matches(Rule r, long region, Long department, Long matter, String category) {
        return (r.regionId() == null || regions.withDescendants(r.regionId()).contains(region))
                && (r.departmentId() == null || r.departmentId().equals(department))
                && (r.matterId() == null || r.matterId().equals(matter))
                && (r.category() == null || r.category().equals(category));
    }

    private List<Rule> rules(boolean activeOnly) {
        return jdbc.sql("select * from oneseal.complaint_rule" + (activeOnly ? " where active" : "")
                        + " order by position, id")
                .query((rs, n) -> new Rule(rs.getLong("id"), rs.getInt("position"), (Long) rs.getObject("region_id"),
                        (Long) rs.getObject("department_id"), (Long) rs.getObject("matter_id"), rs.getString("category"),
                        rs.getString("coordinator"), rs.getBoolean("active"))).list();
    }

    /** The rules a chief may see: those of regions in scope (and the city-wide ones for city-wide staff). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('complaint:manage')")
    public List<Rule> list() {
        DataScope scope = currentUser.scope();
        return rules(false).stream().filter(r -> r.regionId() == null ? scope.cityWide() : scope.covers(r.regionId()))
                .toList();
    }

    /** A new rule; its region must be in the chief's scope (no region: city-wide chiefs only). */
    @Transactional
    @PreAuthorize("hasAuthority('complaint:manage')")
    public Rule create(RuleRequest r) {
        DataScope scope = currentUser.scope();
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (r.regionId() == null ? !scope.cityWide() : !scope.covers(r.regionId())) {
            errors.add("regionId", messages.text("complaint.region.scope"));
        }
        String category = r.category() == null || r.category().isBlank() ? null : r.category();
        if (category != null && !Complaints.CATEGORIES.contains(category)) {
            errors.add("category", messages.text("complaint.category.required"));
        }
        if (!fitsAsCoordinator(r.coordinator(), r.regionId())) {
            errors.add("coordinator", messages.text("complaint.coordinator.unknown"));
        }
        if (r.position() == null || r.position() < 0 || r.position() > 100_000) {
            errors.add("position", messages.text("complaint.rule.position"));
        }
        errors.throwIfAny();
        long id = jdbc.sql("""
                insert into oneseal.complaint_rule (position, region_id, department_id, matter_id, category, coordinator,
                    created_at, created_by)
                values (:position, :region, :department, :matter, :category, :coordinator, :at, :by) returning id""")
                .param("position", r.position()).param("region", r.regionId()).param("department", r.departmentId())
                .param("matter", r.matterId()).param("category", category).param("coordinator", r.coordinator().strip())
                .param("at", Timestamp.from(clock.instant()))
                .param("by", currentUser.principal().orElseThrow().getUsername()).query(Long.class).single();
        audit.record(AuditRecord.of("complaint.rule.create", "ComplaintRule", id).region(r.regionId())
                .reason("position " + r.position() + " → " + r.coordinator()));
        return new Rule(id, r.position(), r.regionId(), r.departmentId(), r.matterId(), category,
                r.coordinator().strip(), true);
    }

    /** Stops a rule (kept, inactive: rules are never deleted, complaints name the rule that routed them). */
    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('complaint:manage')")
    public void deactivate(long id) {
        Rule r = list().stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("rule " + id));
        jdbc.sql("update oneseal.complaint_rule set active = false where id = :id").param("id", id).update();
        audit.record(AuditRecord.of("complaint.rule.deactivate", "ComplaintRule", id).region(r.regionId()));
    }
}

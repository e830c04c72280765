package org.oneseal.identity;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 行政区划管理: the region tree of the city (city → counties/districts → high-tech zone). */
@Service
public class RegionManagement {

    private final RegionRepository regions;
    private final AuditLog audit;
    private final IdentityMessages messages;
    private final Clock clock;

    RegionManagement(RegionRepository regions, AuditLog audit, IdentityMessages messages, Clock clock) {
        this.regions = regions;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** Every region, city first, in display order. Regions are not secret: any staff member may list them. */
    @Transactional(readOnly = true)
    public List<RegionView> all() {
        return regions.findAllByOrderBySortOrderAscIdAsc().stream().map(Region::view).toList();
    }

    @Transactional(readOnly = true)
    public RegionView get(long id) {
        return regions.findById(id).map(Region::view).orElseThrow(() -> new NotFoundException("region " + id));
    }

    /** The region and every region below it. */
    @Transactional(readOnly = true)
    public Set<Long> withDescendants(long id) {
        Map<Long, List<Long>> children = regions.findAll().stream().filter(r -> r.parentId() != null)
                .collect(Collectors.groupingBy(Region::parentId, Collectors.mapping(Region::id, Collectors.toList())));
        Set<Long> result = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            Long next = todo.pop();
            if (result.add(next)) {
                todo.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return result;
    }

    @Transactional
    @PreAuthorize("hasAuthority('identity:region:manage')")
    public RegionView create(RegionCommand command) {
        check(null, command);
        Region region = regions.save(Region.create(command, clock.instant()));
        audit.record(AuditRecord.of("identity.region.create", "Region", region.id()).region(region.id())
                .reason(command.code() + " " + command.name()));
        return region.view();
    }

    @Transactional
    @PreAuthorize("hasAuthority('identity:region:manage')")
    public RegionView update(long id, RegionCommand command) {
        Region region = regions.findById(id).orElseThrow(() -> new NotFoundException("region " + id));
        check(id, command);
        region.apply(command, clock.instant());
        regions.save(region);
        audit.record(AuditRecord.of("identity.region.update", "Region", id).region(id)
                .reason(command.code() + " " + command.name()));
        return region.view();
    }

    private void check(Long id, RegionCommand command) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        regions.findByCode(command.code().trim()).filter(other -> !other.id().equals(id))
                .ifPresent(other -> errors.add("code", messages.text("identity.region.code.taken", command.code())));
        if (command.level() == RegionLevel.CITY) {
            boolean anotherCity = regions.findAll().stream()
                    .anyMatch(r -> r.parentId() == null && !r.id().equals(id));
            if (anotherCity) {
                errors.add("level", messages.text("identity.region.city.unique"));
            }
        } else if (command.parentId() == null || regions.findById(command.parentId()).isEmpty()) {
            errors.add("parentId", messages.text("identity.region.parent.required"));
        } else if (id != null && withDescendants(id).contains(command.parentId())) {
            errors.add("parentId", messages.text("identity.region.parent.cycle"));
        }
        errors.throwIfAny();
    }
}

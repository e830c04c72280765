package org.oneseal.evaluation;

import java.util.Optional;
import java.util.Set;
import org.oneseal.casework.CaseQueries;
import org.oneseal.casework.RatedCase;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.identity.RegionManagement;
import org.oneseal.identity.StaffDirectory;
import org.oneseal.matter.MatterCatalogue;
import org.springframework.stereotype.Component;

/**
 * What a rating is about (一个评价对象): a case (by its number), a matter, a service window, a staff member, the hall
 * or the website of a region — resolved to the dimensions the figures count by, and to the staff members whose own
 * service it is (who may not rate it).
 */
@Component
class RatingObjects {

    static final Set<String> TYPES = Set.of("CASE", "MATTER", "WINDOW", "STAFF", "HALL", "WEBSITE");

    private final CaseQueries cases;
    private final MatterCatalogue matters;
    private final OrganisationManagement organisation;
    private final StaffDirectory staff;
    private final RegionManagement regions;

    RatingObjects(CaseQueries cases, MatterCatalogue matters, OrganisationManagement organisation,
            StaffDirectory staff, RegionManagement regions) {
        this.regions = regions;
        this.cases = cases;
        this.matters = matters;
        this.organisation = organisation;
        this.staff = staff;
    }

    /**
     * A resolved object. {@code handledBy} is the staff member answerable for it (谁办理谁负责), {@code ownersWindow}
     * the window whose staff it rates; {@code caseFile} is set for a case.
     */
    record Resolved(String type, String objectId, long regionId, Long departmentId, Long matterId, Long windowId,
                    String handledBy, RatedCase caseFile) {

        /** Whether this is the given staff member's own service (their case, their window, themselves). */
        boolean servedBy(String username, Long orgUnitId) {
            return switch (type) {
                case "CASE" -> caseFile.staff().contains(username);
                case "STAFF" -> objectId.equals(username) || windowId != null && windowId.equals(orgUnitId); // a colleague
                case "WINDOW" -> windowId != null && windowId.equals(orgUnitId);
                default -> false;
            };
        }
    }

    /** The object named by type and reference, or empty when there is no such object. */
    Optional<Resolved> resolve(String type, String ref) {
        if (type == null || ref == null || ref.isBlank() || ref.length() > 64) {
            return Optional.empty();
        }
        String key = ref.strip();
        return switch (type) {
            case "CASE" -> cases.ratedByNumber(key).map(c -> new Resolved(type, String.valueOf(c.id()), c.regionId(),
                    c.departmentId(), c.matterId(), null, handlerOf(c), c));
            case "MATTER" -> number(key).flatMap(matters::currentPublished).map(m -> new Resolved(type,
                    String.valueOf(m.matterId()), m.regionId(), m.departmentId(), m.matterId(), null, null, null));
            case "WINDOW" -> number(key).flatMap(organisation::serviceWindow).map(w -> window(w));
            case "STAFF" -> staff.find(key).map(s -> new Resolved(type, s.username(), s.regionId(), null, null,
                    s.orgUnitId() != null && organisation.serviceWindow(s.orgUnitId()).isPresent() ? s.orgUnitId() : null,
                    s.username(), null));
            case "HALL", "WEBSITE" -> number(key).filter(id -> regions.all().stream().anyMatch(r -> r.id() == id)).map(r -> new Resolved(type,
                    String.valueOf(r), r, null, null, null, null, null));
            default -> Optional.empty();
        };
    }

    /**
     * A case object narrowed to one of its steps (一事一评: one rating per step, whatever the channel): the handler of
     * that step answers for it; empty when the step has not happened.
     */
    Optional<Resolved> step(Resolved caseObject, String step) {
        RatedCase c = caseObject.caseFile();
        if (step == null || !Ratings.STEPS.contains(step) || "ACCEPTANCE".equals(step) && c.acceptedOn() == null
                || "CONCLUSION".equals(step) && c.concludedOn() == null) {
            return Optional.empty();
        }
        return Optional.of(new Resolved(caseObject.type(), caseObject.objectId(), caseObject.regionId(),
                caseObject.departmentId(), caseObject.matterId(), null, cases.handlerOf(c.id(), step).orElse(null), c));
    }

    /** The region and every region below it. */
    Set<Long> regionsUnder(long regionId) {
        return regions.withDescendants(regionId);
    }

    Resolved window(OrgUnitView w) {
        return new Resolved("WINDOW", String.valueOf(w.id()), w.regionId(), null, null, w.id(), null, null);
    }

    private String handlerOf(RatedCase c) {
        String step = c.concludedOn() != null ? "CONCLUSION" : c.acceptedOn() != null ? "ACCEPTANCE" : "RECEPTION";
        return cases.handlerOf(c.id(), step).orElse(null);
    }

    private static Optional<Long> number(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

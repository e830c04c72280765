package org.oneseal.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.calendar.WorkingDayCalendar;
import org.oneseal.matter.MaterialRequirementView;
import org.oneseal.matter.MatterVersionView;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 容缺受理: a case may be taken in while a required, non-key material is missing, when the applicant commits to
 * supply it by a date. Key materials can never be deferred. The grant — which issues the licence — waits until
 * every deferred material has arrived; reminders go out before the date (see {@link DeferralDeadlines}); after
 * it the matter's rule suspends or terminates the case.
 */
@Service
public class CaseDeferrals {

    /** The latest date an applicant may commit to, in calendar days from today. */
    static final int MAX_DAYS = 30;

    private final DeferredMaterials deferred;
    private final CaseRepository cases;
    private final CaseMaterials materials;
    private final CaseTimeline timeline;
    private final CaseQueries queries;
    private final CaseViews views;
    private final CaseworkMessages messages;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final org.oneseal.matter.MatterCatalogue catalogue;
    private final org.oneseal.identity.CurrentUser currentUser;
    private final Clock clock;

    CaseDeferrals(DeferredMaterials deferred, CaseRepository cases, CaseMaterials materials, CaseTimeline timeline,
            CaseQueries queries, CaseViews views, CaseworkMessages messages, WorkingDayCalendar calendar,
            AuditLog audit, org.oneseal.matter.MatterCatalogue catalogue, org.oneseal.identity.CurrentUser currentUser,
            Clock clock) {
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.deferred = deferred;
        this.cases = cases;
        this.materials = materials;
        this.timeline = timeline;
        this.queries = queries;
        this.views = views;
        this.messages = messages;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an application defers: requirement codes, the date committed to, and whether the applicant committed. */
    public record Deferral(Set<String> codes, LocalDate dueOn, boolean committed) {

        public static final Deferral NONE = new Deferral(Set.of(), null, false);

        public Deferral {
            codes = codes == null ? Set.of() : codes.stream().filter(c -> c != null && !c.isBlank()).map(String::strip)
                    .collect(Collectors.toUnmodifiableSet());
        }

        boolean any() {
            return !codes.isEmpty();
        }

        /** From form or API parameters; a date that does not parse counts as missing (and is reported so). */
        public static Deferral parse(List<String> codes, String dueOn, Boolean committed) {
            LocalDate due = null;
            if (dueOn != null && !dueOn.isBlank()) {
                try {
                    due = LocalDate.parse(dueOn.strip());
                } catch (java.time.format.DateTimeParseException e) {
                    due = null;
                }
            }
            return new Deferral(codes == null ? Set.of() : Set.copyOf(codes.stream()
                    .filter(c -> c != null && !c.isBlank()).toList()), due, Boolean.TRUE.equals(committed));
        }
    }

    /**
     * Checks a deferral against the matter and the files that came: each code a required, non-key material
     * that did not come; a date after today and at most {@value #MAX_DAYS} days ahead; the commitment given.
     * A key material is refused and the attempt audited. Every problem is reported on its field together.
     */
    void check(MatterVersionView matter, List<SubmittedFile> files, Deferral deferral) {
        if (!deferral.any()) {
            return;
        }
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (matter.reformMode() == org.oneseal.matter.ReformMode.FILING) {
            throw InvalidInputException.of("materials", messages.text("casework.deferral.filing"));
        }
        Map<String, MaterialRequirementView> byCode = matter.materials().stream()
                .collect(Collectors.toMap(MaterialRequirementView::code, Function.identity()));
        Set<String> given = files.stream().map(SubmittedFile::requirementCode).collect(Collectors.toSet());
        List<String> keys = deferral.codes().stream().sorted().filter(code -> {
            MaterialRequirementView m = byCode.get(code);
            String field = "materials[" + code + "]";
            if (m == null) {
                errors.add(field, messages.text("casework.material.unknown", code));
            } else if (m.keyMaterial()) {
                errors.add(field, messages.text("casework.deferral.key", m.name()));
                return true;
            } else if (!m.required()) {
                errors.add(field, messages.text("casework.deferral.optional", m.name()));
            } else if (given.contains(code)) {
                errors.add(field, messages.text("casework.deferral.given", m.name()));
            }
            return false;
        }).toList();
        LocalDate today = LocalDate.now(clock);
        if (deferral.dueOn() == null || !deferral.dueOn().isAfter(today)
                || deferral.dueOn().isAfter(today.plusDays(MAX_DAYS))) {
            errors.add("deferralDue", messages.text("casework.deferral.due", MAX_DAYS));
        }
        if (!deferral.committed()) {
            errors.add("deferralCommitment", messages.text("casework.deferral.commitment"));
        }
        if (!keys.isEmpty()) {
            audit.recordIndependently(AuditRecord.of("casework.case.deferral", "Matter", matter.matterId())
                    .outcome(AuditOutcome.FAILURE).region(matter.regionId())
                    .reason("key material cannot be deferred: " + String.join(",", keys)));
        }
        errors.throwIfAny();
    }

    /** Records the deferred materials of a new case (after {@link #check}), with the case's transaction. */
    void declare(CaseFile file, MatterVersionView matter, Deferral deferral, Instant now, String actor) {
        if (!deferral.any()) {
            return;
        }
        Map<String, String> names = matter.materials().stream()
                .collect(Collectors.toMap(MaterialRequirementView::code, MaterialRequirementView::name));
        for (String code : deferral.codes().stream().sorted().toList()) {
            deferred.insert(file.id(), code, names.get(code), deferral.dueOn(), now, actor);
        }
        String list = deferral.codes().stream().sorted().map(names::get).collect(Collectors.joining("、"));
        timeline.record(file, now, actor, "MATERIAL_DEFERRED", messages.text("casework.deferral.event", list,
                deferral.dueOn().toString()));
        audit.record(AuditRecord.of("casework.case.deferral", "Case", file.id()).region(file.row().regionId)
                .reason(String.join(",", deferral.codes().stream().sorted().toList()) + " due " + deferral.dueOn()));
    }

    /** The deferred materials of a case, missing ones first. */
    List<DeferredMaterialView> of(long caseId) {
        return deferred.of(caseId);
    }

    /** Whether the case's clock stands still because a deferred material is overdue (rule SUSPEND). */
    boolean suspendedForDeferral(long caseId) {
        return deferred.clockStopped(caseId);
    }

    /** The grant waits for every deferred material: refused while one is missing. */
    void requireNoneMissing(CaseFile file) {
        List<DeferredMaterialView> missing = of(file.id()).stream().filter(d -> d.suppliedAt() == null).toList();
        if (!missing.isEmpty()) {
            throw new IllegalCaseTransition(messages.text("casework.deferral.blocksGrant", file.row().caseNumber,
                    missing.stream().map(d -> d.materialName() + "（" + d.dueOn() + "）").collect(Collectors.joining("、"))));
        }
    }

    /**
     * The applicant supplies deferred materials (files {@code file.<code>} of materials still missing). A case
     * the deferral had suspended runs again once nothing is missing.
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public CaseView supply(long caseId, List<SubmittedFile> files) {
        CaseFile owned = queries.ownCase(caseId);
        return supply(owned.id(), files, currentUser.principal().orElseThrow().getUsername(), null);
    }

    /**
     * As above, by {@code actor}; {@code actingFor} names the applicant a staff member hands the materials in for
     * under a mandate (帮办代办), kept with the timeline entry and the audit entry (null: the applicant supplies
     * them). The caller has checked that the actor may do so for this case, and holds the transaction.
     */
    CaseView supply(long caseId, List<SubmittedFile> files, String actor, String actingFor) {
        CaseFile file = cases.lock(caseId).orElseThrow();
        if (file.status().concluded()) {
            throw new IllegalCaseTransition(messages.text("casework.deferral.concluded", file.row().caseNumber));
        }
        Set<String> open = of(caseId).stream().filter(d -> d.suppliedAt() == null)
                .map(DeferredMaterialView::requirementCode).collect(Collectors.toSet());
        if (files.isEmpty()) {
            throw InvalidInputException.of("materials", messages.text("casework.deferral.noFile"));
        }
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        files.stream().filter(f -> !open.contains(f.requirementCode())).forEach(f -> errors.add(
                "materials[" + f.requirementCode() + "]", messages.text("casework.deferral.notDeferred", f.requirementCode())));
        errors.throwIfAny();
        MatterVersionView matter = catalogue.version(file.row().matterVersionId);
        List<CheckedFile> checked = CheckedFile.checkAll(matter, files, messages, false);
        Instant now = clock.instant();
        for (CheckedFile f : checked) {
            materials.store(caseId, f.requirementCode(), f.fileName(), f.contentType(), f.content(), f.sm3(), now, actor);
            deferred.supplied(caseId, f.requirementCode(), now, actor);
        }
        boolean stillMissing = of(caseId).stream().anyMatch(d -> d.suppliedAt() == null);
        if (!stillMissing && deferred.clockStopped(caseId)) {
            file.resumeAfterDeferral(LocalDate.now(clock), calendar);
            deferred.clockRestarted(caseId);
        }
        cases.save(file);
        String names = checked.stream().map(CheckedFile::requirementCode).sorted().collect(Collectors.joining(","));
        timeline.record(file, now, actor, actingFor, "DEFERRED_MATERIAL_SUPPLIED", messages.text("casework.deferral.supplied",
                checked.stream().map(f -> matterName(matter, f.requirementCode())).sorted().collect(Collectors.joining("、"))));
        audit.record(AuditRecord.of("casework.case.deferral.supply", "Case", caseId).actingFor(actingFor)
                .region(file.row().regionId).reason(names));
        return views.of(file);
    }

    private static String matterName(MatterVersionView matter, String code) {
        return matter.materials().stream().filter(m -> m.code().equals(code)).map(MaterialRequirementView::name)
                .findFirst().orElse(code);
    }
}

package org.oneseal.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.oneseal.approval.CaseProcesses;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.calendar.WorkingDayCalendar;
import org.oneseal.identity.CurrentUser;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 办件处理: what staff do with a case — accept, request correction (one notice listing every deficiency),
 * refuse, review, special procedures, extension, delivery. Every move checks the caller's region, the
 * case's step and status, records the timeline and the audit log, and advances the process.
 */
@Service
public class CaseHandling {

    private final CaseRepository cases;
    private final CaseTimeline timeline;
    private final CaseProcesses processes;
    private final CurrentUser currentUser;
    private final CaseViews views;
    private final CaseworkMessages messages;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final org.oneseal.identity.StaffDirectory staff;
    private final org.oneseal.matter.MatterCatalogue catalogue;
    private final Clock clock;
    private final CommitmentStore commitmentStore;
    private final TongbanStore tongban;
    private final DeferredMaterials deferredMaterials;
    private final org.springframework.beans.factory.ObjectProvider<BundleApplications> bundleApplications;

    CaseHandling(org.springframework.beans.factory.ObjectProvider<BundleApplications> bundleApplications,
            DeferredMaterials deferredMaterials, TongbanStore tongban, CommitmentStore commitmentStore, CaseRepository cases, CaseTimeline timeline, CaseProcesses processes, CurrentUser currentUser,
            CaseViews views, CaseworkMessages messages, WorkingDayCalendar calendar, AuditLog audit,
            org.oneseal.identity.StaffDirectory staff, org.oneseal.matter.MatterCatalogue catalogue, Clock clock) {
        this.commitmentStore = commitmentStore;
        this.tongban = tongban;
        this.deferredMaterials = deferredMaterials;
        this.bundleApplications = bundleApplications;
        this.staff = staff;
        this.catalogue = catalogue;
        this.cases = cases;
        this.timeline = timeline;
        this.processes = processes;
        this.currentUser = currentUser;
        this.views = views;
        this.messages = messages;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('casework:prereview')")
    public CaseView accept(long caseId) {
        CaseView accepted = advance(caseId, "preReview", "ACCEPT", "ACCEPTED", null, f -> f.accept(today(), calendar));
        CaseFile file = cases.lock(caseId).orElseThrow(); // the step the process has moved to
        if (commitmentStore.ofCase(caseId).isPresent() && "review".equals(file.row().currentStep)) {
            // 告知承诺: no substantive review of what the applicant committed to; the chief can decide on the spot
            accepted = apply(file, "REVIEWED", messages.text("casework.commitment.noReview"),
                    f -> f.reviewed(today(), calendar)).view();
            processes.complete(caseId, "review", "DONE", me());
            accepted = views.of(cases.find(caseId).orElseThrow());
        }
        bundleApplications.getObject().preReviewed(caseId);
        return accepted;
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('casework:prereview')")
    public CaseView requestCorrection(long caseId, List<Deficiency> deficiencies) {
        if (deficiencies == null || deficiencies.isEmpty() || deficiencies.size() > MAX_DEFICIENCIES
                || deficiencies.stream().anyMatch(d -> d == null || d.description() == null || d.description().isBlank()
                        || d.description().length() > 1000 || d.requirementCode() != null && d.requirementCode().length() > 40)) {
            throw InvalidInputException.of("deficiencies", messages.text("casework.deficiency.required"));
        }
        String notice = String.join("；", deficiencies.stream().map(d -> d.description().strip()).toList());
        CaseFile file = lockAtStep(caseId, "preReview");
        Applied applied = apply(file, "CORRECTION_REQUESTED", notice, f -> f.requestCorrection(today(), calendar));
        deficiencies.forEach(d -> timeline.addDeficiency(caseId, applied.eventId(), d.requirementCode(),
                d.description().strip()));
        processes.complete(caseId, "preReview", "CORRECT", me());
        bundleApplications.getObject().preReviewed(caseId);
        return applied.view();
    }

    /** 一件事: at pre-review the window marks a member the applicant does not need (with the reason told to them). */
    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('casework:prereview')")
    public CaseView notRequired(long caseId, String reason) {
        requireText("reason", reason);
        CaseFile file = lockAtStep(caseId, "preReview");
        if (timeline.bundleOf(caseId) == null) {
            throw new IllegalCaseTransition(messages.text("casework.bundle.notMember", file.row().caseNumber));
        }
        CaseView view = apply(file, "NOT_REQUIRED", reason.strip(), f -> f.notRequired(today(), calendar)).view();
        processes.terminate(caseId, reason.strip());
        CaseFile ended = cases.lock(caseId).orElseThrow();
        ended.processEnded();
        cases.save(ended);
        bundleApplications.getObject().preReviewed(caseId);
        bundleApplications.getObject().decided(caseId);
        return view;
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('casework:prereview')")
    public CaseView refuse(long caseId, String reason) {
        requireText("reason", reason);
        CaseView refused = advance(caseId, "preReview", "REFUSE", "REFUSED", reason.strip(), f -> f.refuse(today(), calendar));
        bundleApplications.getObject().preReviewed(caseId);
        bundleApplications.getObject().decided(caseId);
        return refused;
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('casework:review')")
    public CaseView completeReview(long caseId, String opinion) {
        requireText("opinion", opinion);
        return advance(caseId, "review", "DONE", "REVIEWED", opinion.strip(), f -> f.reviewed(today(), calendar));
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('casework:deliver')")
    public CaseView deliver(long caseId, String method) {
        if (!List.of("DOWNLOAD", "PICKUP", "MAIL").contains(method)) {
            throw InvalidInputException.of("method", messages.text("casework.delivery.method"));
        }
        var place = tongban.of(caseId).filter(t -> "RECEIVING".equals(t.deliverAt()) && t.receivingRegionId() != null);
        if (place.isEmpty()) {
            lockAtStep(caseId, "deliver"); // scope (not found, audited) and step first
            bundleApplications.getObject().requireAllDecided(caseId); // 一件事: the results go out together
            return advance(caseId, "deliver", "DELIVERED", "DELIVERED", messages.text("casework.delivery." + method),
                    f -> f.deliver(method, today(), calendar));
        }
        // 通办: the applicant takes the result at the hall that received it; that hall's window delivers
        DataScope scope = currentUser.scope();
        CaseFile file = cases.lock(caseId).filter(f -> f.status() != CaseStatus.DRAFT)
                .orElseThrow(() -> CaseIntake.notFound(caseId));
        if (!scope.covers(place.get().receivingRegionId())) {
            if (!scope.covers(file.row().regionId)) {
                throw CaseIntake.notFound(caseId);
            }
            throw new IllegalCaseTransition(messages.text("casework.tongban.deliverElsewhere", file.row().caseNumber));
        }
        if (!Objects.equals(file.row().currentStep, "deliver")) {
            throw new IllegalCaseTransition(messages.text("casework.step.notHere", file.row().caseNumber));
        }
        requireStepRole(file);
        bundleApplications.getObject().requireAllDecided(caseId);
        CaseView view = apply(file, "DELIVERED", messages.text("casework.delivery." + method),
                f -> f.deliver(method, today(), calendar)).view();
        processes.complete(caseId, "deliver", "DELIVERED", me());
        return view;
    }

    /** 延期: once, +10 working days, by a chief, with the reason the applicant is told. */
    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('casework:extend')")
    public CaseView extend(long caseId, String reason) {
        requireText("reason", reason);
        return move(caseId, "EXTENDED", reason.strip(), f -> f.extend(today(), calendar));
    }

    /** 特殊环节: hearing, inspection, expert review ... — the clock stops until it ends. */
    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('casework:review')")
    public CaseView startSpecialProcedure(long caseId, String procedure) {
        requireText("procedure", procedure);
        CaseFile file = lockInScope(caseId);
        var known = catalogue.version(file.row().matterVersionId).specialProcedures().stream()
                .filter(p -> !p.countsTowardLimit()).filter(p -> p.name().equals(procedure.strip())).findFirst()
                .orElseThrow(() -> InvalidInputException.of("procedure", messages.text("casework.procedure.unknown")));
        return apply(file, "SPECIAL_PROCEDURE_STARTED", known.name() + "（" + messages.text("casework.procedure.max",
                known.maxWorkingDays()) + "）", f -> f.startSpecialProcedure(today(), calendar)).view();
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('casework:review')")
    public CaseView endSpecialProcedure(long caseId, String result) {
        requireText("result", result);
        if (deferredMaterials.clockStopped(caseId)) { // 容缺: that pause ends when the material arrives, not here
            throw new IllegalCaseTransition(messages.text("casework.deferral.suspended", String.valueOf(caseId)));
        }
        return move(caseId, "SPECIAL_PROCEDURE_ENDED", result.strip(), f -> f.endSpecialProcedure(today(), calendar));
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('casework:read')")
    public CaseView claim(long caseId) {
        CaseFile file = lockInScope(caseId);
        requireStepRole(file);
        return apply(file, "CLAIMED", null, f -> f.claim(me())).view();
    }

    /** The steps casework knows by name; any other step comes from a per-matter process override. */
    public static final java.util.Set<String> KNOWN_STEPS = java.util.Set.of("preReview", "correction", "review", "decide", "deliver");

    /**
     * Completes a step that a matter's own process adds (e.g. 现场核查 {@code inspection}), by a staff member
     * holding the step's role; the opinion goes into the timeline.
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('casework:read')")
    public CaseView completeStep(long caseId, String step, String opinion) {
        requireText("opinion", opinion);
        CaseFile file = lockAtStep(caseId, step);
        boolean mine = currentUser.principal().map(p -> p.roles().stream()
                .anyMatch(r -> r.name().equals(file.row().candidateRole))).orElse(false);
        if (KNOWN_STEPS.contains(step) || !mine) {
            throw new IllegalCaseTransition(messages.text("casework.step.notYours", file.row().caseNumber));
        }
        CaseView view = apply(file, "STEP_COMPLETED", step + "：" + opinion.strip(), f -> { }).view();
        processes.complete(caseId, step, "DONE", me());
        return view;
    }

    /** A chief hands the case to a named staff member of the case's region who has the step's role. */
    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('casework:assign')")
    public CaseView assign(long caseId, String username) {
        CaseFile file = lockInScope(caseId);
        var member = staff.find(username).filter(m -> m.cityWide() || m.regionId() == file.row().regionId)
                .filter(m -> m.roles().stream().anyMatch(r -> r.name().equals(file.row().candidateRole)))
                .orElseThrow(() -> InvalidInputException.of("assignee", messages.text("casework.assign.unfit", username)));
        return apply(file, "ASSIGNED", member.username(), f -> f.assign(member.username())).view();
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('casework:read')")
    public CaseView release(long caseId) {
        CaseFile file = lockInScope(caseId);
        boolean assigner = currentUser.principal().map(p -> p.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("casework:assign"))).orElse(false);
        if (!me().equals(file.row().assignee) && !assigner) {
            throw new IllegalCaseTransition(messages.text("casework.step.notYours", file.row().caseNumber));
        }
        return apply(file, "RELEASED", null, CaseFile::release).view();
    }

    /** Only holders of the role the current step asks for act on it (an override may give a step to any role). */
    private void requireStepRole(CaseFile file) {
        boolean mine = currentUser.principal().map(p -> p.roles().stream()
                .anyMatch(r -> r.name().equals(file.row().candidateRole))).orElse(false);
        if (!mine) {
            throw new IllegalCaseTransition(messages.text("casework.step.notYours", file.row().caseNumber));
        }
    }

    /** A status move that also completes the case's current process step. */
    CaseView advance(long caseId, String step, String outcome, String kind, String reason, Consumer<CaseFile> change) {
        CaseView view = apply(lockAtStep(caseId, step), kind, reason, change).view();
        processes.complete(caseId, step, outcome, me());
        return view;
    }

    /** The case, locked and in scope, if it is at this step (else someone acted already, or out of order). */
    CaseFile lockAtStep(long caseId, String step) {
        CaseFile file = lockInScope(caseId);
        if (!Objects.equals(file.row().currentStep, step)) {
            throw new IllegalCaseTransition(messages.text("casework.step.notHere", file.row().caseNumber));
        }
        requireStepRole(file);
        return file;
    }

    /** A move inside the current step (clock, assignment). */
    private CaseView move(long caseId, String kind, String reason, Consumer<CaseFile> change) {
        return apply(lockInScope(caseId), kind, reason, change).view();
    }

    Applied apply(CaseFile file, String kind, String reason, Consumer<CaseFile> change) {
        change.accept(file);
        cases.save(file);
        long eventId = timeline.record(file, clock.instant(), me(), kind, reason);
        audit.record(AuditRecord.of("casework.case." + kind.toLowerCase(java.util.Locale.ROOT), "Case", file.id())
                .region(file.row().regionId).reason("case event #" + eventId)); // the text stays in the case's timeline
        return new Applied(views.of(file), eventId);
    }

    record Applied(CaseView view, long eventId) {
    }

    /** The case, locked, if the caller's region covers it; otherwise "not found" and an audit entry. */
    CaseFile lockInScope(long caseId) {
        DataScope scope = currentUser.scope();
        CaseFile file = cases.lock(caseId).filter(f -> f.status() != CaseStatus.DRAFT)
                .orElseThrow(() -> CaseIntake.notFound(caseId));
        var received = tongban.of(caseId).filter(t -> t.receivingRegionId() != null && scope.covers(t.receivingRegionId()));
        if (!scope.covers(file.row().regionId) && received.isPresent()) {
            // 通办: the hall that received it sees it, but only the competent office handles and decides
            audit.recordIndependently(AuditRecord.of("casework.case.act", "Case", caseId)
                    .outcome(AuditOutcome.DENIED).region(file.row().regionId).reason("receiving office, not competent"));
            throw new IllegalCaseTransition(messages.text("casework.tongban.notCompetent", file.row().caseNumber));
        }
        if (!scope.covers(file.row().regionId)) {
            audit.recordIndependently(AuditRecord.of("casework.case.access", "Case", caseId)
                    .outcome(AuditOutcome.DENIED).region(file.row().regionId).reason("outside data scope"));
            throw CaseIntake.notFound(caseId);
        }
        return file;
    }

    private void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, messages.text("casework.field.required"));
        }
        if (value.length() > MAX_TEXT) {
            throw InvalidInputException.of(field, messages.text("casework.field.tooLong", MAX_TEXT));
        }
    }

    static final int MAX_TEXT = 1900;
    static final int MAX_DEFICIENCIES = 30;

    CaseTimeline timeline() {
        return timeline;
    }

    Clock clock() {
        return clock;
    }

    String me() {
        return currentUser.principal().orElseThrow().getUsername();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}

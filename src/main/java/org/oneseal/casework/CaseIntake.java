package org.oneseal.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oneseal.approval.CaseProcesses;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.identity.AccountKind;
import org.oneseal.identity.AccountPrincipal;
import org.oneseal.identity.ApplicantDirectory;
import org.oneseal.identity.ApplicantProfile;
import org.oneseal.identity.CurrentUser;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.matter.MatterVersionView;
import org.oneseal.matter.ReformMode;
import org.oneseal.matter.ServiceObject;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 申请与收件: an applicant applies online, or window staff take an application for an applicant. Required
 * materials must be there and be what they claim to be; the case keeps the matter version it starts with.
 */
@Service
public class CaseIntake {

    private final MatterCatalogue catalogue;
    private final CaseRepository cases;
    private final CaseMaterials materials;
    private final CaseTimeline timeline;
    private final CaseProcesses processes;
    private final IdempotentSubmissions idempotency;
    private final ApplicantDirectory applicants;
    private final CurrentUser currentUser;
    private final CaseViews views;
    private final CaseworkMessages messages;
    private final AuditLog audit;
    private final org.oneseal.calendar.WorkingDayCalendar calendar;
    private final Clock clock;
    private final CaseDeferrals deferrals;
    private final CaseCommitments commitments;
    private final TongbanStore tongban;
    private final org.oneseal.license.LicenceGrants licenceGrants;

    CaseIntake(org.oneseal.license.LicenceGrants licenceGrants, TongbanStore tongban, CaseDeferrals deferrals, CaseCommitments commitments, MatterCatalogue catalogue, CaseRepository cases, CaseMaterials materials, CaseTimeline timeline,
            CaseProcesses processes, IdempotentSubmissions idempotency, ApplicantDirectory applicants,
            CurrentUser currentUser, CaseViews views, CaseworkMessages messages, AuditLog audit,
            org.oneseal.calendar.WorkingDayCalendar calendar, Clock clock) {
        this.deferrals = deferrals;
        this.commitments = commitments;
        this.tongban = tongban;
        this.licenceGrants = licenceGrants;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.cases = cases;
        this.materials = materials;
        this.timeline = timeline;
        this.processes = processes;
        this.idempotency = idempotency;
        this.applicants = applicants;
        this.currentUser = currentUser;
        this.views = views;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in applicant applies. With an Idempotency-Key, a repeat returns the case made first. */
    @Transactional
    public CaseView apply(Application application, List<SubmittedFile> files, String idempotencyKey) {
        return apply(application, files, idempotencyKey, CaseDeferrals.Deferral.NONE, CaseCommitments.Choice.NONE);
    }

    /**
     * As above, with materials deferred on the applicant's commitment to supply them (容缺), and/or proof replaced
     * by signing the matter's written notice (告知承诺).
     */
    @Transactional
    public CaseView apply(Application application, List<SubmittedFile> files, String idempotencyKey,
            CaseDeferrals.Deferral deferral, CaseCommitments.Choice commitment) {
        AccountPrincipal me = applicant();
        ApplicantProfile applicant = applicants.profile(me.accountId()).orElseThrow();
        // the routes chosen are part of what was submitted: a retry with other choices is another request
        String choices = (application.note() == null ? "" : application.note()) + "\u0000" + deferral.codes().stream()
                .sorted().toList() + deferral.dueOn() + deferral.committed() + "\u0000" + commitment.chosen()
                + commitment.noticeVersion();
        String hash = RequestHash.of(application.matterId(), application.phone(), choices, files);
        var earlier = idempotency.begin(me.accountId(), idempotencyKey, hash, clock.instant());
        if (earlier.isPresent()) {
            return views.of(cases.find(earlier.get()).orElseThrow());
        }
        MatterVersionView matter = published(application.matterId());
        checkServiceObject(matter, applicant.kind());
        CaseFile file = open(matter, applicant, application.phone(), "ONLINE", null, files, me.getUsername(), deferral,
                commitment);
        if (matter.tongbanModes().contains(org.oneseal.matter.TongbanMode.ONLINE)) {
            tongban.insert(file.id(), new TongbanView("ONLINE", null, null, null, "COMPETENT"));
        }
        idempotency.complete(me.accountId(), idempotencyKey, file.id());
        return views.of(cases.find(file.id()).orElseThrow());
    }

    /**
     * 保存草稿: the applicant keeps an unfinished application — files are checked for what they are, but
     * required materials may still be missing. Returns the draft (a case in status DRAFT, no process yet).
     */
    @Transactional
    public CaseView saveDraft(Application application, List<SubmittedFile> files, Long draftId) {
        AccountPrincipal me = applicant();
        CaseFile draft = draftId == null ? newDraft(application, me) : ownDraft(draftId, me);
        MatterVersionView matter = catalogue.version(draft.row().matterVersionId);
        Instant now = clock.instant();
        CheckedFile.checkAll(matter, files, messages, false).forEach(f -> materials.store(draft.id(),
                f.requirementCode(), f.fileName(), f.contentType(), f.content(), f.sm3(), now, me.getUsername()));
        return views.of(cases.find(draft.id()).orElseThrow());
    }

    /** Submits a saved draft: the files already stored count towards the required materials. */
    @Transactional
    public CaseView submitDraft(long draftId, List<SubmittedFile> files) {
        AccountPrincipal me = applicant();
        CaseFile draft = ownDraft(draftId, me);
        MatterVersionView matter = catalogue.version(draft.row().matterVersionId);
        catalogue.currentPublished(matter.matterId()).ifPresent(this::refuseCancelled); // cancelled since the draft
        java.util.Set<String> stored = materials.current(draftId).stream().map(MaterialView::requirementCode)
                .collect(java.util.stream.Collectors.toSet());
        List<CheckedFile> checked = CheckedFile.checkAll(matter, files, messages, false);
        InvalidInputException.Collector missing = new InvalidInputException.Collector();
        matter.materials().stream().filter(m -> m.required() && !stored.contains(m.code()))
                .filter(m -> files.stream().noneMatch(f -> f.requirementCode().equals(m.code())))
                .forEach(m -> missing.add("materials[" + m.code() + "]", messages.text("casework.material.missing", m.name())));
        missing.throwIfAny();
        Instant now = clock.instant();
        checked.forEach(f -> materials.store(draftId, f.requirementCode(), f.fileName(), f.contentType(), f.content(),
                f.sm3(), now, me.getUsername()));
        draft.submitDraft(now);
        cases.save(draft);
        return views.of(startProcess(draft.id(), matter, me.getUsername(), "ONLINE", now));
    }

    private CaseFile newDraft(Application application, AccountPrincipal me) {
        ApplicantProfile applicant = applicants.profile(me.accountId()).orElseThrow();
        MatterVersionView matter = published(application.matterId());
        checkServiceObject(matter, applicant.kind());
        CaseFile.CaseRow row = CaseRows.newRow(matter, applicant, application.phone(), "ONLINE", null, clock.instant());
        row.status = CaseStatus.DRAFT;
        row.caseNumber = cases.nextCaseNumber("SP", java.time.LocalDate.now(clock).getYear());
        cases.insert(row);
        return cases.find(row.id).orElseThrow();
    }

    private CaseFile ownDraft(long draftId, AccountPrincipal me) {
        return cases.lock(draftId).filter(f -> f.row().status == CaseStatus.DRAFT)
                .filter(f -> f.row().applicantAccountId != null && f.row().applicantAccountId == me.accountId())
                .orElseThrow(() -> notFound(draftId));
    }

    private AccountPrincipal applicant() {
        return currentUser.principal().filter(p -> p.kind() != AccountKind.STAFF)
                .orElseThrow(() -> new AccessDeniedException("only applicants apply online"));
    }

    /** Window staff take an application in their own region for a registered applicant. */
    @Transactional
    @PreAuthorize("hasAuthority('casework:intake')")
    public CaseView intake(WindowIntake intake, List<SubmittedFile> files) {
        return intake(intake, files, CaseDeferrals.Deferral.NONE, CaseCommitments.Choice.NONE);
    }

    /** As above; the applicant at the window commits to supply the deferred materials later (容缺受理). */
    @Transactional
    @PreAuthorize("hasAuthority('casework:intake')")
    public CaseView intake(WindowIntake intake, List<SubmittedFile> files, CaseDeferrals.Deferral deferral,
            CaseCommitments.Choice commitment) {
        DataScope scope = currentUser.scope();
        MatterVersionView matter = published(intake.matterId());
        boolean elsewhere = !scope.covers(matter.regionId());
        if (elsewhere && !matter.receivableElsewhere()) {
            throw InvalidInputException.of("matterId", messages.text("casework.intake.outsideRegion"));
        }
        String deliverAt = intake.deliverAt() == null || intake.deliverAt().isBlank() ? "RECEIVING" : intake.deliverAt();
        if (elsewhere && !List.of("RECEIVING", "COMPETENT").contains(deliverAt)) {
            throw InvalidInputException.of("deliverAt", messages.text("casework.tongban.deliverAt"));
        }
        ApplicantProfile applicant = applicants.byIdentifier(intake.applicantIdentifier())
                .orElseThrow(() -> InvalidInputException.of("applicantIdentifier",
                        messages.text("casework.applicant.unknown")));
        if (!applicant.name().equals(intake.applicantName().strip())) {
            throw InvalidInputException.of("applicantName", messages.text("casework.applicant.nameMismatch"));
        }
        checkServiceObject(matter, applicant.kind());
        String staff = currentUser.principal().orElseThrow().getUsername();
        CaseFile file = open(matter, applicant, intake.phone(), "WINDOW", staff, files, staff, deferral, commitment);
        if (elsewhere) { // 通办: received here for the competent office, which decides
            AccountPrincipal me = currentUser.principal().orElseThrow();
            String mode = matter.tongbanModes().contains(org.oneseal.matter.TongbanMode.RECEIVE_ELSEWHERE)
                    ? "RECEIVE_ELSEWHERE" : "JOINT";
            tongban.insert(file.id(), new TongbanView(mode, me.regionId(), me.orgUnitId(), staff, deliverAt));
            timeline.record(file, clock.instant(), staff, "FORWARDED", messages.text("casework.tongban.forwarded",
                    deliverAt.equals("RECEIVING") ? messages.text("casework.tongban.place.RECEIVING")
                            : messages.text("casework.tongban.place.COMPETENT")));
            audit.record(AuditRecord.of("casework.case.forward", "Case", file.id()).region(matter.regionId())
                    .reason("received in region " + me.regionId()));
        }
        return views.of(cases.find(file.id()).orElseThrow());
    }

    /** A case as returned to whoever opened it. */
    CaseView view(long caseId) {
        return views.of(cases.find(caseId).orElseThrow());
    }

    CaseFile open(MatterVersionView matter, ApplicantProfile applicant, String phone, String channel,
            String intakeStaff, List<SubmittedFile> files, String actor, CaseDeferrals.Deferral deferral,
            CaseCommitments.Choice commitment) {
        return open(matter, applicant, phone, channel, intakeStaff, files, actor, null, deferral, commitment);
    }

    /** As above; {@code actingFor} names the applicant a staff member acts for under a mandate (帮办代办). */
    CaseFile open(MatterVersionView matter, ApplicantProfile applicant, String phone, String channel,
            String intakeStaff, List<SubmittedFile> files, String actor, String actingFor,
            CaseDeferrals.Deferral deferral, CaseCommitments.Choice commitment) {
        if (phone != null && !phone.isBlank() && !phone.strip().matches("1\\d{10}|0\\d{2,3}-?\\d{7,8}")) {
            throw InvalidInputException.of("phone", messages.text("casework.phone.pattern"));
        }
        CommitmentNotice notice = commitment.chosen() ? commitments.check(matter, applicant.identifier(), commitment) : null;
        deferrals.check(matter, files, deferral);
        java.util.Set<String> absent = new java.util.HashSet<>(deferral.codes());
        if (notice != null) {
            absent.addAll(notice.waivedCodes()); // the commitment replaces that proof
        }
        List<CheckedFile> checked = CheckedFile.checkAll(matter, files, messages, true, absent);
        Instant now = clock.instant();
        CaseFile.CaseRow row = CaseRows.newRow(matter, applicant, phone, channel, intakeStaff, now);
        row.caseNumber = cases.nextCaseNumber("SP", java.time.LocalDate.now(clock).getYear());
        long id = cases.insert(row);
        checked.forEach(f -> materials.store(id, f.requirementCode(), f.fileName(), f.contentType(), f.content(),
                f.sm3(), now, actor));
        CaseFile file = startProcess(id, matter, actor, actingFor, channel, now);
        deferrals.declare(file, matter, deferral, now, actor);
        if (notice != null) {
            commitments.sign(file, notice, now, actor);
        }
        return file;
    }

    /**
     * Starts the case's process and records the submission (timeline, event, audit). A matter whose approval
     * became a filing (证照分离 FILING) runs the filing process instead: filed on receipt, concluded at once.
     */
    private CaseFile startProcess(long id, MatterVersionView matter, String actor, String channel, Instant now) {
        return startProcess(id, matter, actor, null, channel, now);
    }

    private CaseFile startProcess(long id, MatterVersionView matter, String actor, String actingFor, String channel,
            Instant now) {
        boolean filing = matter.reformMode() == ReformMode.FILING;
        String processInstance = processes.start(filing ? FILING_PROCESS : matter.processKey(), id, matter.regionId());
        CaseFile file = cases.find(id).orElseThrow(); // the first step has been recorded by ProcessEventsListener
        file.row().processInstanceId = processInstance;
        file.received(java.time.LocalDate.now(clock), calendar);
        cases.save(file);
        timeline.record(file, now, actor, actingFor, "SUBMITTED",
                "ONLINE".equals(channel) ? null : messages.text("casework.event.windowIntake"));
        audit.record(AuditRecord.of("casework.case.submit", "Case", id).actingFor(actingFor).region(matter.regionId())
                .reason(file.row().caseNumber + " " + matter.matterCode()));
        if (filing) {
            file.fileOnReceipt(java.time.LocalDate.now(clock), calendar);
            cases.save(file);
            timeline.record(file, now, actor, actingFor, "FILED", messages.text("casework.filing.receipt", file.row().caseNumber));
            audit.record(AuditRecord.of("casework.case.filed", "Case", id).actingFor(actingFor).region(matter.regionId())
                    .reason(file.row().caseNumber));
        }
        return file;
    }

    /**
     * 免证办 on the form: for each material of the matter, the signed-in applicant's valid electronic licences whose
     * kind is that material's name (e.g. 营业执照), which may stand for the upload.
     */
    @Transactional(readOnly = true)
    public java.util.Map<String, List<org.oneseal.license.LicenceView>> licencesForMaterials(long matterId) {
        java.util.Map<String, List<org.oneseal.license.LicenceView>> usable = new java.util.LinkedHashMap<>();
        Optional<AccountPrincipal> me = currentUser.principal().filter(p -> p.kind() != AccountKind.STAFF);
        Optional<MatterVersionView> matter = catalogue.currentPublished(matterId);
        if (me.isEmpty() || matter.isEmpty()) {
            return usable;
        }
        String identifier = applicants.profile(me.get().accountId()).orElseThrow().identifier();
        for (var m : matter.get().materials()) {
            List<org.oneseal.license.LicenceView> held = licenceGrants.validLicences(identifier, m.name().strip());
            if (!held.isEmpty()) {
                usable.put(m.code(), held);
            }
        }
        return usable;
    }

    /**
     * The materials the applicant lets their electronic licences stand for ({@code code → licence id}): the signed
     * licence PDFs, as submitted files. A licence that is not theirs, not valid or not of the material's kind is
     * refused on the material's field.
     */
    @Transactional(readOnly = true)
    public List<SubmittedFile> electronicLicences(long matterId, java.util.Map<String, String> licenceByCode) {
        if (licenceByCode.isEmpty()) {
            return List.of();
        }
        AccountPrincipal me = applicant();
        String identifier = applicants.profile(me.accountId()).orElseThrow().identifier();
        MatterVersionView matter = published(matterId);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        List<SubmittedFile> files = new java.util.ArrayList<>();
        licenceByCode.forEach((code, licenceId) -> {
            var requirement = matter.materials().stream().filter(m -> m.code().equals(code)).findFirst();
            Optional<byte[]> pdf = requirement.isEmpty() || licenceId == null ? Optional.empty()
                    : licenceGrants.validLicencePdf(identifier, licenceId.strip(), requirement.get().name().strip());
            if (pdf.isEmpty()) {
                errors.add("materials[" + code + "]", messages.text("casework.licence.notUsable"));
            } else {
                files.add(new SubmittedFile(code, licenceId.strip() + ".pdf", "application/pdf", pdf.get()));
            }
        });
        errors.throwIfAny();
        return files;
    }

    /** BPMN process of a filing: received, filed, ended — no user task. */
    static final String FILING_PROCESS = "oneseal-filing";

    MatterVersionView published(long matterId) {
        MatterVersionView matter = catalogue.currentPublished(matterId)
                .orElseThrow(() -> InvalidInputException.of("matterId", messages.text("casework.matter.notPublished")));
        refuseCancelled(matter);
        return matter;
    }

    /** 直接取消审批: nobody applies for it any more; the message says what replaced it. Audited. */
    private void refuseCancelled(MatterVersionView matter) {
        if (matter.reformMode() == ReformMode.CANCELLED) {
            audit.recordIndependently(AuditRecord.of("casework.case.apply", "Matter", matter.matterId())
                    .outcome(AuditOutcome.FAILURE).region(matter.regionId()).reason("approval cancelled: "
                            + matter.matterCode()));
            throw InvalidInputException.of("matterId", messages.text("casework.matter.cancelled", matter.name(),
                    matter.replacedBy()));
        }
    }

    void checkServiceObject(MatterVersionView matter, AccountKind kind) {
        boolean fits = matter.serviceObject() == ServiceObject.BOTH
                || matter.serviceObject() == ServiceObject.PERSON && kind == AccountKind.PERSON
                || matter.serviceObject() == ServiceObject.ENTERPRISE && kind == AccountKind.ENTERPRISE;
        if (!fits) {
            throw InvalidInputException.of("matterId", messages.text("casework.matter.serviceObject"));
        }
    }

    static NotFoundException notFound(long caseId) {
        return new NotFoundException("case " + caseId);
    }
}

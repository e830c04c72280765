package org.oneseal.casework;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.oneseal.approval.CaseProcesses;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.calendar.WorkingDayCalendar;
import org.oneseal.identity.CurrentUser;
import org.oneseal.license.Licensing;
import org.oneseal.matter.CommitmentCheck;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.matter.MatterVersionView;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 告知承诺制: instead of proving, the applicant signs the matter's written notice ({@link CommitmentNotice}); the
 * proof it names is not asked for. Applicants with a false commitment or a serious dishonesty on record are
 * refused the route, with the reason. A commitment case skips the substantive review and can be decided on the
 * spot; its grant creates a verification as the matter sets it (data check, on-site check, or a random sample
 * of N %) with a due date; a failed verification orders a correction, revokes the licence or terminates the
 * case, and records the false commitment against the applicant. Everything is audited.
 */
@Service
public class CaseCommitments {

    private final CommitmentStore store;
    private final MatterCatalogue catalogue;
    private final CaseRepository cases;
    private final CaseTimeline timeline;
    private final CaseProcesses processes;
    private final Licensing licensing;
    private final CurrentUser currentUser;
    private final CaseworkMessages messages;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final Clock clock;
    private final org.oneseal.identity.ApplicantDirectory applicants;
    private final org.springframework.beans.factory.ObjectProvider<BundleApplications> bundleApplications;
    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

    CaseCommitments(CommitmentStore store, MatterCatalogue catalogue, CaseRepository cases, CaseTimeline timeline,
            CaseProcesses processes, Licensing licensing, CurrentUser currentUser, CaseworkMessages messages,
            WorkingDayCalendar calendar, AuditLog audit, org.oneseal.identity.ApplicantDirectory applicants, Clock clock,
            org.springframework.beans.factory.ObjectProvider<BundleApplications> bundleApplications) {
        this.bundleApplications = bundleApplications;
        this.applicants = applicants;
        this.store = store;
        this.catalogue = catalogue;
        this.cases = cases;
        this.timeline = timeline;
        this.processes = processes;
        this.licensing = licensing;
        this.currentUser = currentUser;
        this.messages = messages;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the applicant chose on the form: the route, and the version of the notice they read. */
    public record Choice(boolean chosen, String noticeVersion) {

        public static final Choice NONE = new Choice(false, null);
    }

    /** The notice of a matter's current published version, if the matter lets a commitment replace proof. */
    public Optional<CommitmentNotice> notice(long matterId) {
        return catalogue.guide(matterId).flatMap(guide -> catalogue.currentPublished(matterId)
                .map(v -> CommitmentNotice.of(guide, v.materials())));
    }

    /** Why the signed-in applicant may not use the route, or empty (also empty for staff). */
    public Optional<String> myIneligibility() {
        return currentUser.principal().filter(p -> p.kind() != org.oneseal.identity.AccountKind.STAFF)
                .flatMap(p -> applicants.profile(p.accountId())).flatMap(a -> ineligibility(a.identifier()));
    }

    /** Why this applicant may not use the route (a false commitment or serious dishonesty on record), or empty. */
    public Optional<String> ineligibility(String applicantIdentifier) {
        return store.credit(applicantIdentifier).stream().findFirst().map(r -> messages.text(
                "casework.commitment.ineligible." + r.kind(), r.recordedAt().atZone(java.time.ZoneId.of("Asia/Shanghai"))
                        .toLocalDate().toString(), r.reason()));
    }

    /**
     * Checks the choice before a case is opened: the matter has a notice, the version read is the current one,
     * the applicant is eligible (a refusal is audited). Returns the notice, whose waived materials need not come.
     */
    CommitmentNotice check(MatterVersionView matter, String applicantIdentifier, Choice choice) {
        CommitmentNotice notice = notice(matter.matterId()).orElseThrow(() -> InvalidInputException.of("commitment",
                messages.text("casework.commitment.notOffered")));
        if (choice.noticeVersion() == null || !notice.version().equals(choice.noticeVersion().strip())) {
            throw InvalidInputException.of("commitment", messages.text("casework.commitment.noticeChanged",
                    notice.version()));
        }
        Optional<String> barred = ineligibility(applicantIdentifier);
        if (barred.isPresent()) {
            audit.recordIndependently(AuditRecord.of("casework.case.commitment", "Matter", matter.matterId())
                    .outcome(AuditOutcome.DENIED).region(matter.regionId()).reason("ineligible: credit record"));
            throw InvalidInputException.of("commitment", barred.get());
        }
        return notice;
    }

    /** Records the signed notice with the new case (text, version, SM3 of the text, time, account). */
    void sign(CaseFile file, CommitmentNotice notice, Instant now, String actor) {
        String sm3 = MaterialCheck.sm3(notice.text().getBytes(StandardCharsets.UTF_8));
        store.signed(file.id(), notice, sm3, now, actor);
        timeline.record(file, now, actor, "COMMITMENT_SIGNED", messages.text("casework.commitment.signed",
                notice.version(), String.join("、", notice.waivedNames())));
        audit.record(AuditRecord.of("casework.case.commitment", "Case", file.id()).region(file.row().regionId)
                .reason(notice.version() + " sm3 " + sm3));
    }

    /** Whether the case was applied for by commitment. */
    boolean isCommitment(long caseId) {
        return store.ofCase(caseId).isPresent();
    }

    /** The notice a case was signed with, for the case pages. */
    public Optional<SignedNotice> signed(long caseId) {
        return store.ofCase(caseId).map(s -> new SignedNotice(s.version(), s.text(), s.sm3(), s.signedAt(), s.signedBy()));
    }

    /** A signed notice as the case pages show it. */
    public record SignedNotice(String version, String text, String sm3, Instant signedAt, String signedBy) {
    }

    /**
     * After a grant: the verification the matter sets. A random sample draws the case with its percentage; a case
     * not drawn gets a NOT_SAMPLED record (so the share actually checked can be computed).
     */
    void granted(CaseFile file, MatterVersionView matter) {
        if (!isCommitment(file.id())) {
            return;
        }
        CommitmentCheck check = matter.commitmentCheck();
        LocalDate due = calendar.addWorkingDays(LocalDate.now(clock), check.workingDays());
        boolean drawn = check.method() != CommitmentCheck.Method.SAMPLE || random.nextInt(100) < check.percent();
        store.verificationCreated(file.id(), file.row().regionId, check.method().name(), check.percent(), due,
                drawn ? "OPEN" : "NOT_SAMPLED", clock.instant());
        timeline.append(file.id(), clock.instant(), me(), null, "COMMITMENT_CHECK_PLANNED", file.status(),
                messages.text(drawn ? "casework.commitment.planned" : "casework.commitment.notSampled",
                        messages.text("casework.commitment.method." + check.method()), due.toString(),
                        String.valueOf(check.percent())));
    }

    /** Verifications of the caller's region, open ones first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('casework:read')")
    public List<CommitmentVerification> verifications() {
        return store.inScope(currentUser.scope(), 500);
    }

    /** The verification of a case, if any (for the case page). */
    public Optional<CommitmentVerification> verificationOf(long caseId) {
        return store.verificationOfCase(caseId);
    }

    /** How a verification ends. */
    public record Outcome(Boolean passed, String findings, String consequence, LocalDate correctionDue) {
    }

    /** Findings go into the credit record and the licence's revocation reason (500): kept shorter than both. */
    static final int MAX_FINDINGS = 400;

    static final Set<String> CONSEQUENCES = Set.of("CORRECTION_ORDER", "REVOKE", "TERMINATE");

    /**
     * A chief records the verification's result. Passed: the case stands. Failed: findings, a consequence —
     * a correction order with its date, revocation of the licence, or termination of a case not yet concluded —
     * and a credit record of the false commitment. Out of scope: not found (audited).
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('casework:decide')")
    public CommitmentVerification conclude(long verificationId, Outcome outcome) {
        DataScope scope = currentUser.scope();
        CommitmentVerification v = store.lock(verificationId).orElseThrow(() -> new NotFoundException("verification " + verificationId));
        if (!scope.covers(v.regionId())) {
            audit.recordIndependently(AuditRecord.of("casework.commitment.verify", "CommitmentVerification",
                    verificationId).outcome(AuditOutcome.DENIED).region(v.regionId()).reason("outside data scope"));
            throw new NotFoundException("verification " + verificationId);
        }
        if (!"OPEN".equals(v.state())) {
            throw new IllegalCaseTransition(messages.text("casework.commitment.concluded", v.caseNumber()));
        }
        check(outcome);
        CaseFile file = cases.lock(v.caseId()).orElseThrow();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        String findings = outcome.findings().strip();
        if (Boolean.TRUE.equals(outcome.passed())) {
            store.concluded(v.id(), "PASSED", findings, null, null, now, me());
            timeline.append(file.id(), now, me(), null, "COMMITMENT_VERIFIED", file.status(), findings);
        } else {
            String consequence = outcome.consequence();
            if ("TERMINATE".equals(consequence) && file.status().concluded()) {
                throw InvalidInputException.of("consequence", messages.text("casework.commitment.terminateConcluded",
                        v.caseNumber()));
            }
            if ("REVOKE".equals(consequence) && file.row().licenceId == null) {
                throw InvalidInputException.of("consequence", messages.text("casework.commitment.noLicence",
                        v.caseNumber()));
            }
            String reason = messages.text("casework.commitment.false", findings);
            switch (consequence) {
                case "REVOKE" -> licensing.revoke(file.row().licenceId, reason);
                case "TERMINATE" -> {
                    if (file.row().licenceId != null) {
                        licensing.revoke(file.row().licenceId, reason);
                    }
                    file.terminate(today, calendar);
                    processes.terminate(file.id(), reason);
                    file.processEnded();
                    cases.save(file);
                }
                default -> { }
            }
            store.concluded(v.id(), "FAILED", findings, consequence, outcome.correctionDue(), now, me());
            store.credit(file.row().applicantIdentifier, "FALSE_COMMITMENT", findings, file.id(), now, me());
            String told = messages.text("casework.commitment.consequence." + consequence,
                    outcome.correctionDue() == null ? "" : outcome.correctionDue().toString());
            timeline.record(file, now, me(), "TERMINATE".equals(consequence) ? "TERMINATED" : "COMMITMENT_FALSE",
                    reason + " " + told);
            if ("TERMINATE".equals(consequence)) {
                bundleApplications.getObject().decided(file.id()); // the last open member of a bundle may end here
            }
        }
        audit.record(AuditRecord.of("casework.commitment.verify", "Case", file.id()).region(file.row().regionId)
                .reason(Boolean.TRUE.equals(outcome.passed()) ? "PASSED" : "FAILED " + outcome.consequence()));
        return store.lock(verificationId).orElseThrow();
    }

    private void check(Outcome o) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (o.passed() == null) {
            errors.add("passed", messages.text("casework.commitment.passed.required"));
        }
        if (o.findings() == null || o.findings().isBlank() || o.findings().strip().length() > MAX_FINDINGS) {
            errors.add("findings", messages.text("casework.commitment.findings.required"));
        }
        if (Boolean.FALSE.equals(o.passed())) {
            if (o.consequence() == null || !CONSEQUENCES.contains(o.consequence())) {
                errors.add("consequence", messages.text("casework.commitment.consequence.required"));
            } else if ("CORRECTION_ORDER".equals(o.consequence()) && (o.correctionDue() == null
                    || !o.correctionDue().isAfter(LocalDate.now(clock)))) {
                errors.add("correctionDue", messages.text("casework.commitment.correctionDue"));
            }
        }
        errors.throwIfAny();
    }

    private String me() {
        return currentUser.principal().map(p -> p.getUsername()).orElse("system");
    }
}

package org.oneseal.casework;

import java.time.LocalDate;
import java.util.Map;
import org.oneseal.approval.CaseProcesses;
import org.oneseal.calendar.WorkingDayCalendar;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.license.DecisionView;
import org.oneseal.license.IssueDecision;
import org.oneseal.license.IssueLicence;
import org.oneseal.license.Licensing;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.matter.MatterVersionView;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 决定: a chief grants or denies. The decision document is signed under the seal; a grant of a matter that
 * carries a licence issues the electronic licence, signed the same way, in the same transaction.
 */
@Service
public class CaseDecisions {

    /** Reasons and conditions go into one timeline entry (2000): the reasons keep room for the conditions. */
    static final int MAX_REASONS = 1500;

    /** The licence particular that carries the conditions of a conditional grant. */
    static final String CONDITIONS_PARTICULAR = "许可条件";

    /** Validity of a licence issued by a grant, until matters carry their own. */
    static final int LICENCE_YEARS = 5;

    private final CaseHandling handling;
    private final MatterCatalogue catalogue;
    private final Licensing licensing;
    private final OrganisationManagement organisation;
    private final CaseProcesses processes;
    private final CurrentUser currentUser;
    private final CaseworkMessages messages;
    private final WorkingDayCalendar calendar;
    private final CaseDeferrals deferrals;
    private final CaseCommitments commitments;
    private final org.springframework.beans.factory.ObjectProvider<BundleApplications> bundleApplications;

    CaseDecisions(org.springframework.beans.factory.ObjectProvider<BundleApplications> bundleApplications,
            CaseDeferrals deferrals, CaseCommitments commitments, CaseHandling handling, MatterCatalogue catalogue, Licensing licensing,
            OrganisationManagement organisation, CaseProcesses processes, CurrentUser currentUser,
            CaseworkMessages messages, WorkingDayCalendar calendar) {
        this.handling = handling;
        this.catalogue = catalogue;
        this.licensing = licensing;
        this.organisation = organisation;
        this.processes = processes;
        this.currentUser = currentUser;
        this.messages = messages;
        this.calendar = calendar;
        this.deferrals = deferrals;
        this.commitments = commitments;
        this.bundleApplications = bundleApplications;
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('casework:decide')")
    public CaseView decide(long caseId, Decision decision) {
        check(decision);
        boolean grant = decision.grant();
        CaseFile file = handling.lockAtStep(caseId, "decide");
        CaseFile.CaseRow row = file.row();
        MatterVersionView matter = catalogue.version(row.matterVersionId);
        LocalDate today = handling.today();
        if (grant) {
            deferrals.requireNoneMissing(file); // 容缺: no licence before the deferred materials arrive
        }
        // refuses a case not awaiting a decision before anything is signed
        file.decide(grant, today, calendar, deferrals.suspendedForDeferral(caseId));
        String issuer = organisation.get(currentUser.scope(), row.departmentId).name();
        String conditions = grant ? blankToNull(decision.conditions()) : null;
        String reasons = decision.reasons().strip() + (conditions == null ? ""
                : messages.text("casework.decision.conditionsLine", conditions));
        DecisionView document = licensing.signDecision(new IssueDecision(caseId, row.caseNumber, row.matterName,
                row.applicantName, grant, reasons, blankToNull(decision.legalBasis()),
                blankToNull(decision.remedies()), issuer, today));
        row.decisionDocumentId = document.documentId();
        if (grant && matter.licenceKind() != null) {
            row.licenceId = licensing.issue(new IssueLicence(caseId, row.caseNumber, matter.licenceKind(),
                    matter.matterCode(), matter.name(), row.applicantName, row.applicantIdentifier, issuer,
                    row.regionId, today, today.plusYears(LICENCE_YEARS).minusDays(1),
                    conditions == null ? Map.of() : Map.of(CONDITIONS_PARTICULAR, conditions))).licenceId();
        }
        CaseView view = handling.apply(file, grant ? "GRANTED" : "DENIED", reasons, f -> { }).view();
        if (conditions != null) { // 附条件准予: a grant the most severe rule of a bundle tells apart
            handling.timeline().append(caseId, java.time.Instant.now(handling.clock()), handling.me(), null,
                    "GRANTED_WITH_CONDITIONS", CaseStatus.GRANTED, conditions);
        }
        if (grant) {
            commitments.granted(file, matter); // 告知承诺: the verification the matter sets
        }
        bundleApplications.getObject().decided(caseId); // 一照含证 once the last member of a bundle is decided
        processes.complete(caseId, "decide", grant ? "GRANT" : "DENY", handling.me());
        return view;
    }

    private void check(Decision d) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (d.grant() == null) {
            errors.add("grant", messages.text("casework.decision.grant.required"));
        }
        if (d.reasons() == null || d.reasons().isBlank()) {
            errors.add("reasons", messages.text("casework.decision.reasons.required"));
        }
        if (d.conditions() != null && d.conditions().strip().length() > 400) {
            errors.add("conditions", messages.text("casework.decision.conditions.size"));
        }
        if (d.reasons() != null && d.reasons().strip().length() > MAX_REASONS) {
            errors.add("reasons", messages.text("casework.decision.reasons.size", String.valueOf(MAX_REASONS)));
        }
        if (Boolean.FALSE.equals(d.grant())) {
            if (d.legalBasis() == null || d.legalBasis().isBlank()) {
                errors.add("legalBasis", messages.text("casework.decision.legalBasis.required"));
            }
            if (d.remedies() == null || d.remedies().isBlank()) {
                errors.add("remedies", messages.text("casework.decision.remedies.required"));
            }
        }
        errors.throwIfAny();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

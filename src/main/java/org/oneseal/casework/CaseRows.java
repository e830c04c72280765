package org.oneseal.casework;

import java.time.Instant;
import org.oneseal.identity.ApplicantProfile;
import org.oneseal.matter.HandlingKind;
import org.oneseal.matter.MatterVersionView;

/** Builds the row of a new case from the matter version and the applicant. */
final class CaseRows {

    private CaseRows() {
    }

    static CaseFile.CaseRow newRow(MatterVersionView matter, ApplicantProfile applicant, String phone, String channel,
            String intakeStaff, Instant now) {
        CaseFile.CaseRow r = new CaseFile.CaseRow();
        r.matterId = matter.matterId();
        r.matterVersionId = matter.versionId();
        r.matterName = matter.name();
        r.regionId = matter.regionId();
        r.departmentId = matter.departmentId();
        r.applicantAccountId = applicant.accountId();
        r.applicantKind = applicant.kind().name();
        r.applicantName = applicant.name();
        r.applicantIdentifier = applicant.identifier();
        r.applicantPhone = phone == null || phone.isBlank() ? applicant.phone() : phone.strip();
        r.channel = channel;
        r.intakeStaff = intakeStaff;
        r.status = CaseStatus.SUBMITTED;
        r.submittedAt = now;
        r.promisedDays = matter.handlingKind() == HandlingKind.IMMEDIATE ? 0 : matter.promisedLimitDays();
        r.legalDays = matter.legalLimitDays();
        r.licenceKind = matter.licenceKind();
        r.serviceObject = matter.serviceObject().name();
        return r;
    }
}

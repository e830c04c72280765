package org.oneseal.casework;

import java.time.Clock;
import java.time.LocalDate;
import org.oneseal.calendar.WorkingDayCalendar;
import org.oneseal.shared.Masking;
import org.springframework.stereotype.Component;

/** Turns a case into what people see: due dates are concrete days, personal identifiers masked. */
@Component
class CaseViews {

    private final WorkingDayCalendar calendar;
    private final Clock clock;

    CaseViews(WorkingDayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    CaseView of(CaseFile file) {
        CaseFile.CaseRow r = file.row();
        LocalDate today = LocalDate.now(clock);
        CaseClock c = file.clock();
        String identifier = "PERSON".equals(r.applicantKind) ? Masking.middle(r.applicantIdentifier, 4, 4)
                : r.applicantIdentifier;
        String urgency = r.status.concluded() || r.decidedOn != null ? "NORMAL" : c.urgency(today, calendar).name();
        return new CaseView(r.id, r.caseNumber, r.matterId, r.matterVersionId, r.matterName, r.regionId,
                r.applicantKind, r.applicantName, identifier, r.channel, r.status, r.currentStep, r.candidateRole,
                r.assignee, r.submittedAt, r.acceptedOn, r.promisedDue, r.legalDue, r.promisedDays, r.legalDays,
                c.extended(), c.paused(), urgency, r.concludedOn, r.licenceId, r.decisionDocumentId);
    }
}

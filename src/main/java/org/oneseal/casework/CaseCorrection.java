package org.oneseal.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.oneseal.approval.CaseProcesses;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.calendar.WorkingDayCalendar;
import org.oneseal.identity.CurrentUser;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.matter.MatterVersionView;
import org.oneseal.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 补正: the applicant answers a correction notice with new files for the deficient materials. */
@Service
public class CaseCorrection {

    private final CaseQueries queries;
    private final CaseRepository cases;
    private final CaseMaterials materials;
    private final CaseTimeline timeline;
    private final MatterCatalogue catalogue;
    private final CaseProcesses processes;
    private final CurrentUser currentUser;
    private final CaseViews views;
    private final CaseworkMessages messages;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final Clock clock;

    CaseCorrection(CaseQueries queries, CaseRepository cases, CaseMaterials materials, CaseTimeline timeline,
            MatterCatalogue catalogue, CaseProcesses processes, CurrentUser currentUser, CaseViews views,
            CaseworkMessages messages, WorkingDayCalendar calendar, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.cases = cases;
        this.materials = materials;
        this.timeline = timeline;
        this.catalogue = catalogue;
        this.processes = processes;
        this.currentUser = currentUser;
        this.views = views;
        this.messages = messages;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CaseView submit(long caseId, List<SubmittedFile> files, String note) {
        queries.ownCase(caseId);
        return submit(caseId, files, note, currentUser.principal().orElseThrow().getUsername(), null);
    }

    /**
     * As above, by {@code actor}; {@code actingFor} names the applicant a staff member answers for under a mandate
     * (帮办代办), kept with the timeline entry and the audit entry (null: the applicant answers). The caller has
     * checked that the actor may answer for this case, and holds the transaction.
     */
    CaseView submit(long caseId, List<SubmittedFile> files, String note, String actor, String actingFor) {
        CaseFile file = cases.lock(caseId).orElseThrow();
        if (files.isEmpty() && (note == null || note.isBlank())) {
            throw InvalidInputException.of("files", messages.text("casework.correction.empty"));
        }
        MatterVersionView matter = catalogue.version(file.row().matterVersionId);
        List<CheckedFile> checked = CheckedFile.checkAll(matter, files, messages, false);
        Instant now = clock.instant();
        file.correctionSubmitted(LocalDate.now(clock), calendar);
        cases.save(file);
        checked.forEach(f -> materials.store(caseId, f.requirementCode(), f.fileName(), f.contentType(), f.content(),
                f.sm3(), now, actor));
        timeline.resolveDeficiencies(caseId, now);
        timeline.record(file, now, actor, actingFor, "CORRECTION_SUBMITTED",
                note == null || note.isBlank() ? null : note.strip());
        audit.record(AuditRecord.of("casework.case.correction_submitted", "Case", caseId).actingFor(actingFor)
                .region(file.row().regionId));
        processes.complete(caseId, "correction", "SUBMITTED", actor);
        return views.of(cases.find(caseId).orElseThrow());
    }

}

package org.oneseal.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.oneseal.calendar.WorkingDayCalendar;

/**
 * 办件: one application from submission to delivery. Its status moves only through the methods below,
 * each refusing a move its status does not allow; the clock and the due dates move with it.
 */
class CaseFile {

    private final CaseRow row;
    private CaseClock clock;

    CaseFile(CaseRow row) {
        this.row = row;
        this.clock = new CaseClock(row.acceptedOn, row.promisedDays, row.legalDays, row.pausedDays, row.pausedSince,
                row.extensionDays);
    }

    CaseRow row() {
        return row;
    }

    long id() {
        return row.id;
    }

    CaseStatus status() {
        return row.status;
    }

    CaseClock clock() {
        return clock;
    }

    /** Working days the bureau has to accept, refuse or send a correction notice (行政许可法 Art. 32). */
    static final int RECEIPT_DAYS = 5;

    /** (Re)starts the receipt period: on submission and on a submitted correction. */
    void received(LocalDate today, WorkingDayCalendar calendar) {
        row.receiptDue = calendar.addWorkingDays(today, RECEIPT_DAYS);
    }

    /** The applicant submits a saved draft. */
    void submitDraft(java.time.Instant at) {
        require(EnumSet.of(CaseStatus.DRAFT), "提交");
        row.status = CaseStatus.SUBMITTED;
        row.submittedAt = at;
    }

    /**
     * 审批改为备案: the filing is registered when it is received — complete materials are all it takes, there
     * is no substantive review — and the case is concluded that day.
     */
    void fileOnReceipt(LocalDate today, WorkingDayCalendar calendar) {
        require(EnumSet.of(CaseStatus.SUBMITTED), "备案");
        row.acceptedOn = today;
        row.decidedOn = today;
        concludeOn(today, calendar);
        row.receiptDue = null;
        moveTo(CaseStatus.FILED, today, calendar);
    }

    void accept(LocalDate today, WorkingDayCalendar calendar) {
        require(EnumSet.of(CaseStatus.SUBMITTED), "受理");
        clock = clock.start(today);
        row.acceptedOn = today;
        moveTo(CaseStatus.IN_REVIEW, today, calendar);
    }

    void requestCorrection(LocalDate today, WorkingDayCalendar calendar) {
        require(EnumSet.of(CaseStatus.SUBMITTED), "要求补正");
        moveTo(CaseStatus.CORRECTION_REQUESTED, today, calendar);
    }

    void correctionSubmitted(LocalDate today, WorkingDayCalendar calendar) {
        require(EnumSet.of(CaseStatus.CORRECTION_REQUESTED), "提交补正材料");
        received(today, calendar);
        moveTo(CaseStatus.SUBMITTED, today, calendar);
    }

    void refuse(LocalDate today, WorkingDayCalendar calendar) {
        require(EnumSet.of(CaseStatus.SUBMITTED), "不予受理");
        concludeOn(today, calendar);
        moveTo(CaseStatus.REFUSED, today, calendar);
    }

    void reviewed(LocalDate today, WorkingDayCalendar calendar) {
        require(EnumSet.of(CaseStatus.IN_REVIEW), "完成审查");
        moveTo(CaseStatus.AWAITING_DECISION, today, calendar);
    }

    void decide(boolean grant, LocalDate today, WorkingDayCalendar calendar) {
        decide(grant, today, calendar, false);
    }

    /**
     * As above; {@code suspendedForDeferral}: the clock stands still because a deferred material is overdue (容缺) —
     * a denial may end that suspension, a grant waits for the material anyway.
     */
    void decide(boolean grant, LocalDate today, WorkingDayCalendar calendar, boolean suspendedForDeferral) {
        require(EnumSet.of(CaseStatus.AWAITING_DECISION), "作出决定");
        if (clock.paused() && suspendedForDeferral && !grant) {
            clock = clock.resume(today, calendar);
        } else if (clock.paused()) {
            throw new IllegalCaseTransition("办件处于特殊环节（计时暂停）中，请先结束特殊环节再作出决定");
        }
        row.decidedOn = today;
        row.granted = grant;
        moveTo(grant ? CaseStatus.GRANTED : CaseStatus.DENIED, today, calendar);
    }

    void deliver(String method, LocalDate today, WorkingDayCalendar calendar) {
        require(EnumSet.of(CaseStatus.GRANTED, CaseStatus.DENIED), "送达");
        row.deliveryMethod = method;
        concludeOn(today, calendar);
        moveTo(CaseStatus.DELIVERED, today, calendar);
    }

    void extend(LocalDate today, WorkingDayCalendar calendar) {
        require(EnumSet.of(CaseStatus.IN_REVIEW, CaseStatus.AWAITING_DECISION), "延期");
        if (clock.extended()) {
            throw new IllegalCaseTransition("每个办件只能延期一次，本件已经延期");
        }
        clock = clock.extend();
        refreshDue(today, calendar);
    }

    void startSpecialProcedure(LocalDate today, WorkingDayCalendar calendar) {
        require(EnumSet.of(CaseStatus.IN_REVIEW), "进入特殊环节");
        if (clock.paused()) {
            throw new IllegalCaseTransition("办件已经处于特殊环节中");
        }
        clock = clock.pause(today);
        refreshDue(today, calendar);
    }

    void endSpecialProcedure(LocalDate today, WorkingDayCalendar calendar) {
        if (!clock.paused()) {
            throw new IllegalCaseTransition("办件不在特殊环节中");
        }
        clock = clock.resume(today, calendar);
        refreshDue(today, calendar);
    }

    /**
     * 容缺材料逾期, matter rule SUSPEND: the clock stops (if it runs) until the material arrives. Returns whether
     * this stopped it (a clock not started yet, or stopped by a special procedure, is left alone).
     */
    boolean suspendForDeferral(LocalDate today, WorkingDayCalendar calendar) {
        if (row.status.concluded() || !clock.started() || clock.paused()) {
            return false;
        }
        clock = clock.pause(today);
        refreshDue(today, calendar);
        return true;
    }

    /** The deferred material arrived: the clock this case's deferral stopped runs again. */
    void resumeAfterDeferral(LocalDate today, WorkingDayCalendar calendar) {
        if (clock.paused()) {
            clock = clock.resume(today, calendar);
            refreshDue(today, calendar);
        }
    }

    /** 一件事: the window finds at pre-review that the applicant does not need this member matter. */
    void notRequired(LocalDate today, WorkingDayCalendar calendar) {
        require(EnumSet.of(CaseStatus.SUBMITTED), "标为无需办理");
        concludeOn(today, calendar);
        row.receiptDue = null;
        moveTo(CaseStatus.NOT_REQUIRED, today, calendar);
    }

    /** 终止办理: the case ends where it stands (e.g. a deferred material never arrived and the matter says so). */
    void terminate(LocalDate today, WorkingDayCalendar calendar) {
        if (row.status.concluded() || row.status == CaseStatus.DRAFT) {
            throw new IllegalCaseTransition("办件" + row.caseNumber + "当前状态为“" + label(row.status) + "”，不能终止");
        }
        concludeOn(today, calendar);
        moveTo(CaseStatus.TERMINATED, today, calendar);
    }

    void stepReached(String step, String candidateRole) {
        row.currentStep = step;
        row.candidateRole = candidateRole;
        row.assignee = null;
    }

    void processEnded() {
        row.currentStep = null;
        row.candidateRole = null;
        row.assignee = null;
    }

    void claim(String username) {
        if (row.status.concluded() || row.currentStep == null) {
            throw new IllegalCaseTransition("办件已办结，不能认领");
        }
        if (row.assignee != null && !row.assignee.equals(username)) {
            throw new IllegalCaseTransition("办件已由" + row.assignee + "认领");
        }
        row.assignee = username;
    }

    void assign(String username) {
        if (row.status.concluded() || row.currentStep == null) {
            throw new IllegalCaseTransition("办件已办结，不能分派");
        }
        row.assignee = username;
    }

    void release() {
        row.assignee = null;
    }

    /** The overdue flag a scheduled job keeps current; returns true when it changed. */
    boolean markOverdue(LocalDate today, WorkingDayCalendar calendar) {
        boolean receiptLate = row.status == CaseStatus.SUBMITTED && row.receiptDue != null && today.isAfter(row.receiptDue);
        boolean overdue = !row.status.concluded()
                && (receiptLate || clock.urgency(today, calendar) == CaseClock.Urgency.OVERDUE);
        boolean changed = overdue != row.overdue;
        row.overdue = overdue;
        return changed;
    }

    /** Concluded today; an accepted case keeps the working days it took since acceptance (for the statistics). */
    private void concludeOn(LocalDate today, WorkingDayCalendar calendar) {
        row.concludedOn = today;
        row.workedDays = row.acceptedOn == null ? null
                : row.acceptedOn.equals(today) ? 0 : calendar.workingDaysBetween(row.acceptedOn, today);
    }

    private void moveTo(CaseStatus next, LocalDate today, WorkingDayCalendar calendar) {
        row.status = next;
        refreshDue(today, calendar);
    }

    private void refreshDue(LocalDate today, WorkingDayCalendar calendar) {
        row.pausedDays = clock.pausedDays();
        row.pausedSince = clock.pausedSince();
        row.extensionDays = clock.extensionDays();
        row.promisedDue = clock.promisedDue(today, calendar);
        row.legalDue = clock.legalDue(today, calendar);
    }

    private void require(Set<CaseStatus> allowed, String action) {
        if (!allowed.contains(row.status)) {
            throw new IllegalCaseTransition("办件" + row.caseNumber + "当前状态为“" + label(row.status) + "”，不能" + action);
        }
    }

    static String label(CaseStatus status) {
        return switch (status) {
            case DRAFT -> "草稿";
            case SUBMITTED -> "待受理";
            case CORRECTION_REQUESTED -> "待补正";
            case IN_REVIEW -> "审查中";
            case AWAITING_DECISION -> "待决定";
            case GRANTED -> "准予许可";
            case DENIED -> "不予许可";
            case REFUSED -> "不予受理";
            case DELIVERED -> "已办结";
            case FILED -> "已备案";
            case TERMINATED -> "已终止";
            case NOT_REQUIRED -> "无需办理";
        };
    }

    /** The stored form of a case (one row of oneseal.case_file). */
    static final class CaseRow {
        Long id;
        String caseNumber;
        long matterId;
        long matterVersionId;
        String matterName;
        long regionId;
        long departmentId;
        Long applicantAccountId;
        String applicantKind;
        String applicantName;
        String applicantIdentifier;
        String applicantPhone;
        String channel;
        String intakeStaff;
        CaseStatus status;
        String currentStep;
        String candidateRole;
        String assignee;
        String processInstanceId;
        Instant submittedAt;
        LocalDate acceptedOn;
        int promisedDays;
        int legalDays;
        int pausedDays;
        LocalDate pausedSince;
        int extensionDays;
        LocalDate promisedDue;
        LocalDate legalDue;
        LocalDate receiptDue;
        LocalDate decidedOn;
        LocalDate concludedOn;
        String deliveryMethod;
        String licenceId;
        String decisionDocumentId;
        boolean overdue;
        /** the decision: true granted, false denied, null none (yet) */
        Boolean granted;
        /** of the matter version: the licence a grant issues (营业执照 …) and whom the matter serves */
        String licenceKind;
        String serviceObject;
        /** working days from acceptance to conclusion, once concluded after acceptance */
        Integer workedDays;
        int version;
    }
}

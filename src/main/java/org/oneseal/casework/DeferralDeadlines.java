package org.oneseal.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.oneseal.approval.CaseProcesses;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.calendar.WorkingDayCalendar;
import org.oneseal.matter.DeferralRule;
import org.oneseal.matter.MatterCatalogue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 容缺材料的期限: a daily job (one node per tick) that reminds applicants whose deferred material is due within
 * {@value #REMIND_WORKING_DAYS} working days, and applies the matter's rule to cases whose deferred material is
 * overdue — SUSPEND stops the case's clock until the material arrives, TERMINATE ends the case. Each case moves
 * in a transaction of its own; a run cut off midway leaves the rest to the next one.
 */
@Component
class DeferralDeadlines {

    static final int REMIND_WORKING_DAYS = 2;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeferralDeadlines.class);
    static final String SYSTEM = "system";

    private final DeferredMaterials deferred;
    private final CaseRepository cases;
    private final CaseTimeline timeline;
    private final CaseProcesses processes;
    private final MatterCatalogue catalogue;
    private final CaseworkMessages messages;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<BundleApplications> bundleApplications;

    DeferralDeadlines(DeferredMaterials deferred, CaseRepository cases, CaseTimeline timeline, CaseProcesses processes,
            MatterCatalogue catalogue, CaseworkMessages messages, WorkingDayCalendar calendar, AuditLog audit,
            TransactionTemplate tx, Clock clock,
            org.springframework.beans.factory.ObjectProvider<BundleApplications> bundleApplications) {
        this.bundleApplications = bundleApplications;
        this.deferred = deferred;
        this.cases = cases;
        this.timeline = timeline;
        this.processes = processes;
        this.catalogue = catalogue;
        this.messages = messages;
        this.calendar = calendar;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${oneseal.casework.deferral-cron:0 30 8 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "casework-deferrals",
            lockAtMostFor = "${oneseal.casework.deferral-lock-at-most-for:PT30M}",
            lockAtLeastFor = "${oneseal.casework.deferral-lock-at-least-for:PT1M}")
    public void scheduled() {
        run();
    }

    /** Returns how many cases were reminded and how many acted on. */
    Result run() {
        LocalDate today = LocalDate.now(clock);
        LocalDate until = calendar.addWorkingDays(today, REMIND_WORKING_DAYS);
        int reminded = 0;
        for (long id : deferred.casesToRemind(today, until)) {
            reminded += each(id, () -> tx.execute(s -> remind(id, today, until)));
        }
        int acted = 0;
        for (long id : deferred.casesOverdue(today)) {
            acted += each(id, () -> tx.execute(s -> actOnOverdue(id, today)));
        }
        return new Result(reminded, acted);
    }

    /** One case's move; a failure is logged and leaves the other cases to be done. */
    private int each(long caseId, java.util.function.Supplier<Boolean> move) {
        try {
            return Boolean.TRUE.equals(move.get()) ? 1 : 0;
        } catch (RuntimeException e) {
            log.warn("deferred materials of case {}: {}", caseId, e.toString());
            return 0;
        }
    }

    record Result(int reminded, int acted) {
    }

    private boolean remind(long caseId, LocalDate today, LocalDate until) {
        return cases.lock(caseId).filter(f -> !f.status().concluded()).map(file -> {
            List<DeferredMaterialView> due = deferred.of(caseId).stream().filter(DeferredMaterialView::missing)
                    .filter(d -> !d.dueOn().isAfter(until)).toList();
            if (due.isEmpty()) { // supplied meanwhile
                return false;
            }
            DeferralRule rule = catalogue.version(file.row().matterVersionId).deferralRule();
            timeline.record(file, clock.instant(), SYSTEM, "DEFERRED_MATERIAL_REMINDER", messages.text(
                    "casework.deferral.reminder", names(due), due.getFirst().dueOn().toString(),
                    messages.text("casework.deferral.rule." + rule)));
            deferred.reminded(caseId, today, until);
            return true;
        }).orElse(false);
    }

    private boolean actOnOverdue(long caseId, LocalDate today) {
        return cases.lock(caseId).filter(f -> !f.status().concluded()).map(file -> {
            List<DeferredMaterialView> late = deferred.of(caseId).stream().filter(DeferredMaterialView::missing)
                    .filter(d -> d.dueOn().isBefore(today) && d.overdueOn() == null).toList();
            if (late.isEmpty()) { // supplied meanwhile
                return false;
            }
            DeferralRule rule = catalogue.version(file.row().matterVersionId).deferralRule();
            Instant now = clock.instant();
            String reason = messages.text("casework.deferral.overdue", names(late), late.getFirst().dueOn().toString(),
                    messages.text("casework.deferral.rule." + rule));
            boolean stopped = false;
            if (rule == DeferralRule.TERMINATE) {
                file.terminate(today, calendar);
                processes.terminate(caseId, reason);
                file.processEnded();
                cases.save(file);
                timeline.record(file, now, SYSTEM, "TERMINATED", reason);
                bundleApplications.getObject().decided(caseId); // the last open member of a bundle may end here
            } else {
                stopped = file.suspendForDeferral(today, calendar);
                cases.save(file);
                timeline.record(file, now, SYSTEM, "DEFERRED_MATERIAL_OVERDUE", reason);
            }
            deferred.overdue(caseId, today, rule.name(), stopped);
            audit.record(AuditRecord.of("casework.case.deferral.overdue", "Case", caseId).actor(SYSTEM)
                    .region(file.row().regionId).reason(rule.name()));
            return true;
        }).orElse(false);
    }

    private static String names(List<DeferredMaterialView> materials) {
        return materials.stream().map(DeferredMaterialView::materialName).collect(Collectors.joining("、"));
    }
}

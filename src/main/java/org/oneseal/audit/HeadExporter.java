package org.oneseal.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports the chain head periodically (cron {@code oneseal.audit.head-export-cron}, one node at a time
 * through ShedLock, once per tick across nodes): into {@code audit_head_export} and the head file. A run cut off
 * midway rolls back; the next run exports the head as it then is. A later verification fails when the
 * log no longer reaches an exported head (truncated tail) or holds another hash at its seq.
 */
@Component
class HeadExporter {

    private static final Logger log = LoggerFactory.getLogger(HeadExporter.class);

    private final AuditEntryStore entries;
    private final HeadExportStore exports;
    private final HeadFile file;
    private final TransactionTemplate transaction;
    private final Clock clock;

    HeadExporter(AuditEntryStore entries, HeadExportStore exports, HeadFile file, TransactionTemplate transaction,
            Clock clock) {
        this.entries = entries;
        this.exports = exports;
        this.file = file;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(cron = "${oneseal.audit.head-export-cron:0 */10 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "audit-head-export",
            lockAtMostFor = "${oneseal.audit.head-export-lock-at-most-for:PT5M}",
            lockAtLeastFor = "${oneseal.audit.head-export-lock-at-least-for:PT1M}")
    public void scheduledExport() {
        AuditHead head = export();
        log.info("audit head exported: seq {} hash {} to {}", head.seq(), head.hash(), file.path());
    }

    /** Records the current head in the export table and writes the head file (joins a running transaction). */
    public AuditHead export() {
        return transaction.execute(status -> {
            AuditHead head = entries.head().orElseGet(AuditHead::empty);
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            exports.insert(head, now, file.path().toString());
            file.write(head, now);
            return head;
        });
    }
}

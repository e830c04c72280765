package org.oneseal.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/audit}: the log's entries (same filters as the page) and the chain head, as JSON. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

    /** One entry. */
    record EntryResponse(long seq, OffsetDateTime occurredAt, String actor, String actingFor, String action,
                         String objectType, String objectId, AuditOutcome outcome, String reason, Long regionId,
                         String clientIp, String hash) {

        static EntryResponse of(AuditEntry e) {
            return new EntryResponse(e.seq(), e.occurredAt(), e.actor(), e.actingFor(), e.action(), e.objectType(),
                    e.objectId(), e.outcome(), e.reason(), e.regionId(), e.clientIp(), e.hash());
        }
    }

    /** One page, newest first; pass {@code nextBeforeSeq} as {@code before} for the next page. */
    record EntriesResponse(List<EntryResponse> entries, Long nextBeforeSeq) {
    }

    /** The chain head. */
    record HeadResponse(long seq, String hash, OffsetDateTime occurredAt) {
    }

    private final AuditTrail trail;
    private final CurrentDataScope scope;
    private final MessageSource messages;

    AuditApiController(AuditTrail trail, CurrentDataScope scope, MessageSource messages) {
        this.trail = trail;
        this.scope = scope;
        this.messages = messages;
    }

    @GetMapping("/entries")
    EntriesResponse entries(@ModelAttribute AuditFilterForm filter) {
        AuditFilterForm.Checked checked = filter.check();
        if (!checked.valid()) {
            throw new IllegalArgumentException(describe(checked.errors()));
        }
        AuditPage page = trail.search(checked.query(), scope.get());
        return new EntriesResponse(page.entries().stream().map(EntryResponse::of).toList(), page.nextBeforeSeq());
    }

    @GetMapping("/head")
    HeadResponse head() {
        AuditHead head = trail.head();
        return new HeadResponse(head.seq(), head.hash(), head.occurredAt());
    }

    /** "field: message; ..." in the caller's language, for the problem detail. */
    private String describe(Map<String, String> errors) {
        return String.join("；", errors.entrySet().stream()
                .map(e -> text("audit.filter." + e.getKey()) + "：" + text(e.getValue()))
                .toList());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}

package org.oneseal.audit;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.oneseal.shared.DataScope;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The auditor's facade (审计): search the log, read the chain head, verify the chain. Writing goes through
 * {@link AuditLog}; nothing can change or delete an entry.
 */
@Service
public class AuditTrail {

    private final AuditSearch search;
    private final AuditEntryStore entries;
    private final HeadExportStore exports;
    private final ChainVerifier verifier;
    private final AuditLog auditLog;
    private final Clock clock;

    AuditTrail(AuditSearch search, AuditEntryStore entries, HeadExportStore exports, ChainVerifier verifier,
            AuditLog auditLog, Clock clock) {
        this.search = search;
        this.entries = entries;
        this.exports = exports;
        this.verifier = verifier;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** One page of entries matching the filter, newest first, limited to the caller's data scope. */
    @PreAuthorize("hasAuthority('audit:read')")
    public AuditPage search(AuditQuery query, DataScope scope) {
        return search.search(query, scope);
    }

    /** The current head of the chain (seq 0 and the genesis hash when the log is empty). */
    @PreAuthorize("hasAnyAuthority('audit:read', 'audit:verify')")
    public AuditHead head() {
        return entries.head()
                .map(h -> new AuditHead(h.seq(), h.hash(), h.occurredAt().atZoneSameInstant(clock.getZone())
                        .toOffsetDateTime()))
                .orElseGet(AuditHead::empty);
    }

    /** The newest head export, if there was one. */
    @PreAuthorize("hasAuthority('audit:verify')")
    public Optional<ExportedHead> lastExport() {
        return exports.latest().map(k -> new ExportedHead(k.seq(), k.hash(),
                k.exportedAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime()));
    }

    /**
     * Walks the whole chain and reports the first broken entry, with the reason in the caller's language.
     * The run itself is audited ({@code audit.chain.verify}).
     */
    @PreAuthorize("hasAuthority('audit:verify')")
    public ChainVerification verify() {
        ChainVerification result = verifier.verify(language(LocaleContextHolder.getLocale()));
        auditLog.record(AuditRecord.of("audit.chain.verify", "AuditChain", null)
                .outcome(result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE)
                .reason(result.intact() ? null : abbreviate(result.problem())));
        return result;
    }

    /** zh-CN unless English was asked for. */
    static Locale language(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}

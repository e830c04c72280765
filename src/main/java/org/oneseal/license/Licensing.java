package org.oneseal.license;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.license.LicenceRecord.LicenceContent;
import org.oneseal.seal.Seal;
import org.oneseal.seal.SealSignature;
import org.oneseal.seal.SealUse;
import org.oneseal.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 电子证照: issues licences and decision documents under the bureau's seal, renders them as PDF, and changes,
 * renews and revokes licences (authority {@code license:manage}). Every signature is a seal use (seal
 * ledger + audit log); every status change is audited.
 */
@Service
public class Licensing {

    private final LicenceStore licences;
    private final Decisions decisions;
    private final Seal seal;
    private final LicencePdf pdf;
    private final LicenceMessages messages;
    private final AuditLog audit;
    private final Clock clock;

    Licensing(LicenceStore licences, Decisions decisions, Seal seal, LicencePdf pdf, LicenceMessages messages,
            AuditLog audit, Clock clock) {
        this.licences = licences;
        this.decisions = decisions;
        this.seal = seal;
        this.pdf = pdf;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** Issues a licence for a case that has no current licence yet: identifier, signature, PDF, status VALID. */
    @Transactional
    public LicenceView issue(IssueLicence command) {
        LicenceRules.check(command, messages);
        if (licences.currentOfCase(command.caseId()).isPresent()) {
            throw messages.violation("alreadyIssued", command.caseNumber());
        }
        Instant now = now();
        String id = nextId(command.issuerRegionId(), now);
        LicenceContent content = new LicenceContent(id, command.caseId(), command.caseNumber().strip(),
                command.licenceKind().strip(), command.matterCode().strip(), command.matterName().strip(),
                command.holderName().strip(), command.holderIdentifier().strip(), command.issuerName().strip(),
                command.issuerRegionId(), command.validFrom(), command.validUntil(), null,
                new TreeMap<>(command.particulars()), seal.keyId(), now);
        return signAndStore(content, "license.issue", null);
    }

    /** 变更: a new signed version with new particulars; the old version becomes CHANGED. */
    @Transactional
    @PreAuthorize("hasAuthority('license:manage')")
    public LicenceView change(String licenceId, Map<String, String> particulars, String reason) {
        LicenceRules.checkParticulars(particulars, messages);
        LicenceContent old = current(licenceId, reason).content();
        return successor(old, new TreeMap<>(particulars), old.validFrom(), old.validUntil(), "license.change", reason);
    }

    /** 变更 adding particulars (e.g. 一照含证: the permits a business licence carries); the others stay. */
    @Transactional
    @PreAuthorize("hasAuthority('license:manage')")
    public LicenceView addParticulars(String licenceId, Map<String, String> added, String reason) {
        LicenceContent old = current(licenceId, reason).content();
        java.util.SortedMap<String, String> merged = new TreeMap<>(old.particulars());
        merged.putAll(added);
        LicenceRules.checkParticulars(merged, messages);
        return successor(old, merged, old.validFrom(), old.validUntil(), "license.change", reason);
    }

    /** 延续: a new signed version with a new validity; the old version becomes CHANGED. */
    @Transactional
    @PreAuthorize("hasAuthority('license:manage')")
    public LicenceView renew(String licenceId, LocalDate validFrom, LocalDate validUntil, String reason) {
        if (validFrom == null || (validUntil != null && validUntil.isBefore(validFrom))) {
            throw messages.violation("validityOrder");
        }
        LicenceContent old = current(licenceId, reason).content();
        return successor(old, old.particulars(), validFrom, validUntil, "license.renew", reason);
    }

    /** 注销/撤销: the licence is REVOKED with the reason; verification says so from now on. */
    @Transactional
    @PreAuthorize("hasAuthority('license:manage')")
    public LicenceView revoke(String licenceId, String reason) {
        LicenceRecord record = current(licenceId, reason);
        licences.revoke(licenceId, reason.strip(), now());
        audit.record(AuditRecord.of("license.revoke", "Licence", licenceId).reason(reason.strip())
                .region(record.content().issuerRegionId()));
        return view(licenceId);
    }

    /** Signs a decision document (准予/不予行政许可决定书); a denial needs reasons, legal basis and remedies. */
    @Transactional
    public DecisionView signDecision(IssueDecision command) {
        LicenceRules.check(command, messages);
        return decisions.sign(command, now());
    }

    @Transactional(readOnly = true)
    public Optional<LicenceView> licenceOfCase(long caseId) {
        return licences.currentOfCase(caseId).map(r -> r.view(today()));
    }

    /** The licence as registered (any version), or NotFoundException. */
    @Transactional(readOnly = true)
    public LicenceView licence(String licenceId) {
        return view(licenceId);
    }

    /** The PDF made when the licence version was signed (byte for byte the file handed out). */
    @Transactional(readOnly = true)
    public byte[] licencePdf(String licenceId) {
        return licences.pdf(licenceId).orElseThrow(() -> new NotFoundException("licence " + licenceId));
    }

    @Transactional(readOnly = true)
    public byte[] decisionPdf(String documentId) {
        return decisions.pdf(documentId).orElseThrow(() -> new NotFoundException("decision " + documentId));
    }

    private LicenceView successor(LicenceContent old, java.util.SortedMap<String, String> particulars, LocalDate from,
            LocalDate until, String action, String reason) {
        Instant now = now();
        String id = nextId(old.issuerRegionId(), now);
        licences.supersede(old.licenceId(), id, reason.strip(), now);
        LicenceContent next = new LicenceContent(id, old.caseId(), old.caseNumber(), old.licenceKind(),
                old.matterCode(), old.matterName(), old.holderName(), old.holderIdentifier(), old.issuerName(),
                old.issuerRegionId(), from, until, old.licenceId(), particulars, seal.keyId(), now);
        return signAndStore(next, action, reason.strip());
    }

    private LicenceView signAndStore(LicenceContent content, String action, String reason) {
        byte[] canonical = content.canonicalBytes();
        SealSignature signature = seal.sign(canonical, new SealUse(action, content.caseId(), content.licenceId()));
        byte[] file = pdf.render(content, signature.signature(), seal.holder());
        licences.insert(content, signature.signature(), file, Hashes.sm3(file));
        audit.record(AuditRecord.of(action, "Licence", content.licenceId()).region(content.issuerRegionId())
                .reason(reason == null ? null : content.predecessorId() + ": " + reason));
        return view(content.licenceId());
    }

    private LicenceRecord current(String licenceId, String reason) {
        if (LicenceRules.blank(reason) || reason.length() > 500) {
            throw messages.violation("reasonRequired", "500");
        }
        LicenceRecord record = licences.findForUpdate(licenceId)
                .orElseThrow(() -> new NotFoundException("licence " + licenceId));
        if (record.status() != LicenceRecord.StoredStatus.VALID) {
            throw messages.violation("notCurrent", licenceId);
        }
        return record;
    }

    private LicenceView view(String licenceId) {
        return licences.find(licenceId).orElseThrow(() -> new NotFoundException("licence " + licenceId)).view(today());
    }

    private String nextId(long regionId, Instant now) {
        int year = now.atZone(LicencePdf.ZONE).getYear();
        return LicenceIdentifier.of(year, regionId, licences.nextSequence(year, regionId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(LicencePdf.ZONE));
    }
}

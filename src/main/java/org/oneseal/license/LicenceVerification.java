package org.oneseal.license;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.oneseal.license.Verdict.Outcome;
import org.oneseal.seal.Seal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public verification of a licence from its identifier (the QR code) or from its PDF file. A check by
 * identifier re-computes the canonical bytes from the register and checks the seal's signature; a check of
 * a file checks the signature over the data embedded in the file, then that the file is byte for byte the
 * one issued, then the register's status.
 */
@Service
class LicenceVerification {

    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final LicenceStore licences;
    private final Seal seal;
    private final LicenceMessages messages;
    private final Clock clock;

    LicenceVerification(LicenceStore licences, Seal seal, LicenceMessages messages, Clock clock) {
        this.licences = licences;
        this.seal = seal;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Verdict byId(String candidate) {
        String id = candidate == null ? "" : candidate.strip().toUpperCase(java.util.Locale.ROOT);
        if (!LicenceIdentifier.isWellFormed(id)) {
            return new Verdict(Outcome.UNKNOWN, text("malformed", shortened(candidate)), null);
        }
        Optional<LicenceRecord> record = licences.find(id);
        if (record.isEmpty()) {
            return new Verdict(Outcome.UNKNOWN, text("unknown", id), null);
        }
        LicenceRecord r = record.get();
        if (!seal.verify(r.content().canonicalBytes(), r.signature(), r.content().keyId())) {
            return new Verdict(Outcome.TAMPERED, text("registerTampered", id), null);
        }
        return byStatus(r);
    }

    @Transactional(readOnly = true)
    Verdict byFile(byte[] file) {
        if (file == null || file.length == 0 || file.length > MAX_FILE_BYTES) {
            return unreadable("size", String.valueOf(MAX_FILE_BYTES / 1024 / 1024));
        }
        if (!Arrays.equals(file, 0, Math.min(file.length, PDF_MAGIC.length), PDF_MAGIC, 0, PDF_MAGIC.length)) {
            return unreadable("notPdf");
        }
        Map<String, byte[]> attached;
        try {
            attached = PdfAttachments.extract(file);
        } catch (IOException | RuntimeException e) {
            return unreadable("damaged");
        }
        byte[] data = attached.get(PdfAttachments.DATA);
        byte[] signature = attached.get(PdfAttachments.SIGNATURE);
        Map<String, String> fields = data == null ? null : LicenceRecord.LicenceContent.readFields(data);
        if (fields == null || signature == null || !fields.containsKey("licenceId")) {
            return unreadable("noSignedData");
        }
        return checkSignedFile(file, data, signature, fields);
    }

    private Verdict checkSignedFile(byte[] file, byte[] data, byte[] signature, Map<String, String> fields) {
        String id = fields.get("licenceId");
        if (!seal.verify(data, signature, fields.getOrDefault("keyId", ""))) {
            return new Verdict(Outcome.TAMPERED, text("signatureMismatch", id), null);
        }
        Optional<LicenceRecord> record = licences.find(id);
        if (record.isEmpty()) {
            return new Verdict(Outcome.UNKNOWN, text("unknown", id), null);
        }
        LicenceRecord r = record.get();
        if (!Arrays.equals(data, r.content().canonicalBytes()) || !Arrays.equals(signature, r.signature())) {
            return new Verdict(Outcome.TAMPERED, text("registerMismatch", id), r.view(today()));
        }
        if (!Hashes.sm3(file).equals(r.pdfSm3())) {
            return new Verdict(Outcome.TAMPERED, text("fileChanged", id), r.view(today()));
        }
        return byStatus(r);
    }

    private Verdict byStatus(LicenceRecord r) {
        LicenceView view = r.view(today());
        return switch (view.status()) {
            case VALID -> new Verdict(Outcome.VALID, text("valid", view.licenceId(), view.issuerName()), view);
            case CHANGED -> new Verdict(Outcome.CHANGED, text("changed", view.licenceId(), r.successorId()), view);
            case REVOKED -> new Verdict(Outcome.REVOKED, text("revoked", view.licenceId(), r.statusReason()), view);
            case EXPIRED -> new Verdict(Outcome.EXPIRED,
                    text("expired", view.licenceId(), LicencePdf.chineseDate(view.validUntil())), view);
        };
    }

    private Verdict unreadable(String key, Object... args) {
        return new Verdict(Outcome.UNREADABLE, text(key, args), null);
    }

    private String text(String key, Object... args) {
        return messages.chinese("license.verify.reason." + key, args);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(LicencePdf.ZONE));
    }

    private static String shortened(String value) {
        String text = String.valueOf(value);
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}

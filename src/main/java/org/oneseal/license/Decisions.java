package org.oneseal.license;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.seal.Seal;
import org.oneseal.seal.SealSignature;
import org.oneseal.seal.SealUse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decision documents: id {@code JD} + year + 8-digit number (table oneseal.decision_document), canonical form
 * {@code ONESEAL-DECISION/1}, signed under the seal, rendered once as PDF and kept.
 */
@Component
class Decisions {

    private final JdbcClient jdbc;
    private final Seal seal;
    private final DecisionPdf pdf;
    private final AuditLog audit;

    Decisions(JdbcClient jdbc, Seal seal, DecisionPdf pdf, AuditLog audit) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.pdf = pdf;
        this.audit = audit;
    }

    /** The signed content of a decision document. */
    record DecisionContent(String documentId, IssueDecision decision, String keyId, Instant signedAt) {

        static final String HEADER = "ONESEAL-DECISION/1";

        byte[] canonicalBytes() {
            IssueDecision d = decision;
            return new CanonicalForm(HEADER).add("documentId", documentId).add("caseId", d.caseId())
                    .add("caseNumber", d.caseNumber()).add("matterName", d.matterName())
                    .add("applicantName", d.applicantName()).add("granted", d.granted()).add("reasons", d.reasons())
                    .add("legalBasis", d.legalBasis()).add("remedies", d.remedies()).add("issuerName", d.issuerName())
                    .add("decidedOn", d.decidedOn()).add("keyId", keyId).add("signedAt", signedAt).toBytes();
        }
    }

    DecisionView sign(IssueDecision decision, Instant now) {
        long number = jdbc.sql("select nextval('oneseal.decision_document_seq')").query(Long.class).single();
        String id = String.format("JD%04d%08d", now.atZone(LicencePdf.ZONE).getYear(), number);
        DecisionContent content = new DecisionContent(id, decision, seal.keyId(), now);
        byte[] canonical = content.canonicalBytes();
        String purpose = decision.granted() ? "license.decision.grant" : "license.decision.deny";
        SealSignature signature = seal.sign(canonical, new SealUse(purpose, decision.caseId(), id));
        byte[] file = pdf.render(content, signature.signature(), seal.holder());
        insert(content, signature.signature(), file);
        audit.record(AuditRecord.of(purpose, "DecisionDocument", id).reason(decision.caseNumber()));
        return new DecisionView(id, decision.caseId(), decision.granted(), now);
    }

    Optional<byte[]> pdf(String documentId) {
        return jdbc.sql("select pdf from oneseal.decision_document where document_id = :id").param("id", documentId)
                .query(byte[].class).optional();
    }

    private void insert(DecisionContent c, byte[] signature, byte[] file) {
        IssueDecision d = c.decision();
        jdbc.sql("""
                insert into oneseal.decision_document (document_id, case_id, case_number, matter_name, applicant_name,
                granted, reasons, legal_basis, remedies, issuer_name, decided_on, key_id, signed_at, signature, pdf, pdf_sm3)
                values (:id, :caseId, :caseNumber, :matter, :applicant, :granted, :reasons, :basis, :remedies, :issuer,
                :decidedOn, :keyId, :signedAt, :signature, :pdf, :pdfSm3)""")
                .param("id", c.documentId()).param("caseId", d.caseId()).param("caseNumber", d.caseNumber())
                .param("matter", d.matterName()).param("applicant", d.applicantName()).param("granted", d.granted())
                .param("reasons", d.reasons()).param("basis", d.legalBasis()).param("remedies", d.remedies())
                .param("issuer", d.issuerName()).param("decidedOn", d.decidedOn()).param("keyId", c.keyId())
                .param("signedAt", Timestamp.from(c.signedAt())).param("signature", signature).param("pdf", file)
                .param("pdfSm3", Hashes.sm3(file)).update();
    }
}

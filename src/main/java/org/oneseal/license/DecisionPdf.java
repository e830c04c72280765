package org.oneseal.license;

import org.oneseal.shared.PdfFont;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.oneseal.license.Decisions.DecisionContent;
import org.springframework.stereotype.Component;

/** Renders a decision document (准予/不予行政许可决定书) as an A4 PDF with the seal and the signed data attached. */
@Component
class DecisionPdf {

    private static final float LEFT = 70;
    private static final float WIDTH = 455;
    private final PdfFont fonts;
    private final LicenceMessages messages;

    DecisionPdf(PdfFont fonts, LicenceMessages messages) {
        this.fonts = fonts;
        this.messages = messages;
    }

    byte[] render(DecisionContent content, byte[] signature, String sealHolder) {
        try {
            return fonts.render((document, font) -> {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                    draw(new PdfCanvas(stream, font), content, sealHolder);
                }
                document.getDocumentInformation().setTitle(title(content.decision()) + " " + content.documentId());
                PdfAttachments.embed(document, Map.of(PdfAttachments.DATA, content.canonicalBytes(),
                        PdfAttachments.SIGNATURE, signature));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the decision PDF", e);
        }
    }

    private void draw(PdfCanvas canvas, DecisionContent content, String sealHolder) throws IOException {
        IssueDecision d = content.decision();
        canvas.centred(d.issuerName(), 297, 770, 16);
        canvas.centred(title(d), 297, 735, 22);
        canvas.centred(messages.chinese("license.decision.number", content.documentId()), 297, 710, 11);
        float y = canvas.paragraph(d.applicantName() + "：", LEFT, 670, WIDTH, 12);
        y = canvas.paragraph(messages.chinese(d.granted() ? "license.decision.grantBody" : "license.decision.denyBody",
                d.caseNumber(), d.matterName()), LEFT + 24, y, WIDTH - 24, 12);
        if (!d.granted()) {
            y = section(canvas, "license.decision.reasons", d.reasons(), y);
            y = section(canvas, "license.decision.legalBasis", d.legalBasis(), y);
            y = section(canvas, "license.decision.remedies", d.remedies(), y);
        } else if (d.reasons() != null && !d.reasons().isBlank()) {
            y = canvas.paragraph(d.reasons(), LEFT + 24, y, WIDTH - 24, 12);
        }
        float issuedY = Math.min(y - 40, 220);
        canvas.text(d.issuerName(), 340, issuedY, 13);
        canvas.text(LicencePdf.chineseDate(d.decidedOn()), 350, issuedY - 22, 12);
        canvas.seal(sealHolder, 400, issuedY, 62);
        canvas.paragraph(messages.chinese("license.decision.footer", content.keyId().substring(0, 16)), LEFT, 80, WIDTH, 9);
    }

    private float section(PdfCanvas canvas, String key, String text, float y) throws IOException {
        float next = canvas.paragraph(messages.chinese(key), LEFT, y - 6, WIDTH, 12);
        return canvas.paragraph(text, LEFT + 24, next, WIDTH - 24, 12);
    }

    private String title(IssueDecision d) {
        return messages.chinese(d.granted() ? "license.decision.titleGranted" : "license.decision.titleDenied");
    }
}

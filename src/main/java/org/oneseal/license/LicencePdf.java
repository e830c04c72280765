package org.oneseal.license;

import org.oneseal.shared.PdfFont;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.oneseal.license.LicenceRecord.LicenceContent;
import org.oneseal.shared.Masking;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Renders a licence version as an A4 PDF with the seal, the QR code and the signed data attached. */
@Component
class LicencePdf {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final float LEFT = 60;
    private static final float RIGHT = 535;
    private final PdfFont fonts;
    private final LicenceMessages messages;
    private final String publicBaseUrl;

    LicencePdf(PdfFont fonts, LicenceMessages messages,
            @Value("${oneseal.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.fonts = fonts;
        this.messages = messages;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    String verificationUrl(String licenceId) {
        return publicBaseUrl + "/verify?id=" + licenceId;
    }

    byte[] render(LicenceContent licence, byte[] signature, String sealHolder) {
        try {
            return fonts.render((document, font) -> {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                    draw(new PdfCanvas(stream, font), licence, sealHolder);
                }
                describe(document, licence);
                PdfAttachments.embed(document, Map.of(PdfAttachments.DATA, licence.canonicalBytes(),
                        PdfAttachments.SIGNATURE, signature));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the licence PDF", e);
        }
    }

    private void draw(PdfCanvas canvas, LicenceContent l, String sealHolder) throws IOException {
        canvas.centred(messages.chinese("license.pdf.banner"), 297, 770, 14);
        canvas.centred(l.licenceKind(), 297, 730, 26);
        canvas.text(label("licenceId") + l.licenceId(), LEFT, 690, 11);
        canvas.rule(LEFT, 680, RIGHT);
        float y = 650;
        y = row(canvas, "holderName", l.holderName(), y);
        y = row(canvas, "holderIdentifier", Masking.middle(l.holderIdentifier(), 4, 4), y);
        y = row(canvas, "matterName", l.matterName(), y);
        for (var particular : l.particulars().entrySet()) {
            y = labelledRow(canvas, particular.getKey() + "：", particular.getValue(), y);
        }
        y = row(canvas, "validity", validity(l.validFrom(), l.validUntil()), y);
        y = row(canvas, "caseNumber", l.caseNumber(), y);
        float issuedY = Math.min(y - 20, 250);
        canvas.text(l.issuerName(), 340, issuedY, 13);
        canvas.text(chineseDate(l.signedAt().atZone(ZONE).toLocalDate()), 350, issuedY - 22, 12);
        canvas.seal(sealHolder, 400, issuedY, 62);
        canvas.qrCode(verificationUrl(l.licenceId()), LEFT, 90, 96);
        canvas.text(messages.chinese("license.pdf.scan"), LEFT, 74, 9);
        canvas.paragraph(messages.chinese("license.pdf.footer", l.keyId().substring(0, 16)), 170, 160, RIGHT - 170, 9);
        canvas.paragraph(verificationUrl(l.licenceId()), 170, 110, RIGHT - 170, 9);
    }

    private float row(PdfCanvas canvas, String key, String value, float y) throws IOException {
        return labelledRow(canvas, label(key), value, y);
    }

    private float labelledRow(PdfCanvas canvas, String label, String value, float y) throws IOException {
        canvas.text(label, LEFT, y, 12);
        return canvas.paragraph(value, LEFT + 110, y, RIGHT - LEFT - 110, 12) - 4;
    }

    private String label(String key) {
        return messages.chinese("license.pdf.label." + key);
    }

    String validity(LocalDate from, LocalDate until) {
        return until == null ? messages.chinese("license.pdf.validity.longTerm", chineseDate(from))
                : messages.chinese("license.pdf.validity.range", chineseDate(from), chineseDate(until));
    }

    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private void describe(PDDocument document, LicenceContent l) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(l.licenceKind() + " " + l.licenceId());
        info.setAuthor(l.issuerName());
        info.setSubject(messages.chinese("license.pdf.banner"));
        info.setCreator("OneSeal");
        Calendar signed = GregorianCalendar.from(l.signedAt().atZone(ZONE));
        info.setCreationDate(signed);
    }
}

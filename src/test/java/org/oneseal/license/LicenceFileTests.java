package org.oneseal.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.license.Verdict.Outcome;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class LicenceFileTests {

    @Autowired
    Licensing licensing;
    @Autowired
    LicenceVerification verification;

    private final LocalDate today = LocalDate.now(LicencePdf.ZONE);

    @Test
    void theIssuedPdfVerifiesAndShowsTheLicenceInChineseWithAnEmbeddedFont() throws Exception {
        LicenceView licence = licensing.issue(TestLicences.licence(today, today.plusYears(5)));
        byte[] pdf = licensing.licencePdf(licence.licenceId());

        assertThat(verification.byFile(pdf).outcome()).isEqualTo(Outcome.VALID);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("食品经营许可证", licence.licenceId(), "示范市老张餐饮有限公司", "经营场所", "扫码验证真伪");
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 72);
            Files.createDirectories(Path.of("target/pdf-previews"));
            ImageIO.write(image, "PNG", Path.of("target/pdf-previews/licence.png").toFile());
        }
    }

    @Test
    void aCopyWithOneByteOfTheSignedDataChangedFails() {
        LicenceView licence = licensing.issue(TestLicences.licence(today, today.plusYears(5)));
        byte[] pdf = licensing.licencePdf(licence.licenceId());

        byte[] tampered = changeByteAfter(pdf, "validUntil=");

        Verdict verdict = verification.byFile(tampered);
        assertThat(verdict.outcome()).isEqualTo(Outcome.TAMPERED);
        assertThat(verdict.reason()).contains("与电子印章签名不符");
    }

    @Test
    void aCopyWithOneByteChangedAnywhereElseFails() {
        LicenceView licence = licensing.issue(TestLicences.licence(today, today.plusYears(5)));
        byte[] pdf = licensing.licencePdf(licence.licenceId());

        byte[] tampered = pdf.clone();
        tampered[pdf.length / 3] ^= 0x01;

        assertThat(verification.byFile(tampered).outcome()).isIn(Outcome.TAMPERED, Outcome.UNREADABLE);
        assertThat(verification.byFile(tampered).valid()).isFalse();
    }

    @Test
    void aFileThatIsNoPdfOrTooLargeIsRefusedWithAReason() {
        assertThat(verification.byFile("<html>".getBytes(StandardCharsets.UTF_8)).reason()).contains("不是 PDF");
        assertThat(verification.byFile(new byte[LicenceVerification.MAX_FILE_BYTES + 1]).reason()).contains("超过 5 MB");
        assertThat(verification.byFile("%PDF-1.7 garbage".getBytes(StandardCharsets.US_ASCII)).outcome())
                .isEqualTo(Outcome.UNREADABLE);
    }

    @Test
    void theDecisionPdfShowsItsTitle() throws Exception {
        DecisionView decision = licensing.signDecision(TestLicences.denial("经营场所与住宅未有效隔离",
                "《食品经营许可管理办法》第十条", "如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者六个月内提起行政诉讼。"));

        try (PDDocument document = Loader.loadPDF(licensing.decisionPdf(decision.documentId()))) {
            assertThat(new PDFTextStripper().getText(document)).contains("不予行政许可决定书", "经营场所与住宅未有效隔离");
            Files.createDirectories(Path.of("target/pdf-previews"));
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 72), "PNG",
                    Path.of("target/pdf-previews/decision.png").toFile());
        }
    }

    /** Changes the byte just after the marker (inside the attached, unfiltered signed data). */
    static byte[] changeByteAfter(byte[] pdf, String marker) {
        byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + needle.length < pdf.length; i++) {
            if (java.util.Arrays.equals(pdf, i, i + needle.length, needle, 0, needle.length)) {
                byte[] copy = pdf.clone();
                int at = i + needle.length + 3; // a digit of the year
                copy[at] = (byte) (copy[at] == '9' ? '8' : copy[at] + 1);
                return copy;
            }
        }
        throw new AssertionError("marker not found in the PDF: " + marker);
    }
}

package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;
import org.oneseal.license.IssueLicence;
import org.oneseal.license.LicenceView;
import org.oneseal.license.Licensing;
import org.springframework.beans.factory.annotation.Autowired;

/** A citizen checks a licence from its QR link and uploads a tampered copy, without an account. */
@ServerTest
class LicenceVerificationJourneysTest extends BrowserTest {

    @Autowired
    Licensing licensing;

    @Test
    void theQrLinkShowsAValidLicenceAndATamperedUploadIsExplained() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long caseId = System.nanoTime() % 1_000_000_000L;
        LicenceView licence = licensing.issue(new IssueLicence(caseId, "E2E-" + caseId, "食品经营许可证", "11100000000001",
                "食品经营许可", "示范市小李便利店", "92110000MA0000001X", "示范市行政审批局", 12, today,
                today.plusYears(5), Map.of("经营场所", "示范市和平路 6 号")));

        page.navigate(url("/verify?id=" + licence.licenceId()));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("有效").setExact(true))).isVisible();
        assertThat(page.getByText("示范市小李便利店")).isVisible();

        byte[] tampered = tamper(licensing.licencePdf(licence.licenceId()));
        page.getByLabel("上传电子证照 PDF 文件").setInputFiles(new FilePayload("licence.pdf", "application/pdf", tampered));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传并验证")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("验证失败：已被篡改"))).isVisible();
        assertThat(page.getByText("与电子印章签名不符")).isVisible();
    }

    /** One byte of the signed data attached to the PDF changed (a digit of the validity's end). */
    private static byte[] tamper(byte[] pdf) {
        byte[] needle = "validUntil=".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + needle.length < pdf.length; i++) {
            if (Arrays.equals(pdf, i, i + needle.length, needle, 0, needle.length)) {
                byte[] copy = pdf.clone();
                copy[i + needle.length + 3] ^= 0x01;
                return copy;
            }
        }
        throw new AssertionError("no signed data in the PDF");
    }
}

package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.net.URI;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;
import org.oneseal.identity.DemoAccounts;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.matter.MatterVersionView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole story in a real browser: a citizen applies for a food business permit in 南溪县, the window
 * asks for a correction, the citizen corrects, the case is accepted, reviewed and granted, and the
 * licence verifies on the public page.
 */
@ServerTest
class ApprovalStoryJourneyTest extends BrowserTest {

    @Autowired
    MatterCatalogue catalogue;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCitizenGetsAFoodBusinessPermitThroughCorrectionAndTheLicenceVerifies() throws Exception {
        clock.travelTo(java.time.LocalDate.of(2026, 6, 15)); // deadlines inside 2026, whose holidays are shipped
        MatterVersionView food = foodPermitOfNanxi();
        Path pdf = Files.createTempFile("material", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n% material\n%%EOF\n", StandardCharsets.US_ASCII);

        // the citizen applies
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill("zhangsan");
        page.getByLabel("密码").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        page.navigate(url("/guide/" + food.matterId()));
        assertThat(page.locator("h1")).hasText("食品经营许可");
        page.locator("#apply-online").click();
        food.materials().stream().filter(m -> m.required())
                .forEach(m -> page.locator("#file-" + m.code()).setInputFiles(pdf));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
        assertThat(page.locator("#case-status")).hasText("待受理");
        String caseUrl = page.url();
        String caseNumber = page.locator("#case-number").innerText();

        // the window asks for a correction
        Page window = staffPage("nanxi_window");
        window.navigate(url("/workbench/tasks"));
        window.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(caseNumber)).click();
        window.locator("summary", new Page.LocatorOptions().setHasText("一次性告知补正")).click();
        window.locator("input[name=description]").first().fill("申请书缺少负责人签字");
        window.locator("#request-correction").click();
        assertThat(window.locator("#case-status")).hasText("待补正");

        // the citizen corrects
        page.navigate(caseUrl);
        assertThat(page.locator("#deficiencies")).containsText("申请书缺少负责人签字");
        page.locator("#fix-note").fill("已补签");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交补正")).click();
        assertThat(page.locator("#case-status")).hasText("待受理");

        // accepted, reviewed, granted, delivered
        window.reload();
        window.locator("#accept").click();
        assertThat(window.locator("#case-status")).hasText("审查中");
        assertThat(window.locator("#due")).containsText("承诺办结日期");
        Page chief = staffPage("nanxi_chief");
        chief.navigate(window.url());
        chief.locator("#opinion").fill("材料齐全，现场核查合格");
        chief.locator("#complete-review").click();
        assertThat(chief.locator("#case-status")).hasText("待决定");
        chief.locator("#grant-yes").check();
        chief.locator("#reasons").fill("经审查，申请人符合食品经营许可条件");
        chief.locator("#decide").click();
        assertThat(chief.locator("#case-status")).hasText("准予许可");
        window.reload();
        window.locator("#deliver").click();
        assertThat(window.locator("#case-status")).hasText("已办结");

        // the citizen sees the licence, and it verifies publicly
        page.navigate(caseUrl);
        assertThat(page.locator("#case-status")).hasText("已办结");
        Download download = page.waitForDownload(() -> page.locator("#licence-download").click());
        byte[] licencePdf = Files.readAllBytes(download.path());
        String qrTarget = URI.create(QrOfPdf.decode(licencePdf)).getRawPath() + "?" + URI.create(QrOfPdf.decode(licencePdf)).getRawQuery();
        Page anyone = browser.newContext().newPage();
        anyone.navigate(url(qrTarget));
        assertThat(anyone.locator("#main")).containsText("真实有效");
        byte[] tampered = licencePdf.clone();
        int at = indexOf(tampered, "holderName=".getBytes(StandardCharsets.US_ASCII)) + "holderName=".length();
        tampered[at] ^= 0x01;
        anyone.getByLabel("上传电子证照 PDF 文件").setInputFiles(new FilePayload("licence.pdf", "application/pdf", tampered));
        anyone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传并验证")).click();
        assertThat(anyone.locator("#main")).containsText("验证失败");
        clock.reset();
    }

    private static int indexOf(byte[] data, byte[] needle) {
        for (int i = 0; i + needle.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("the licence PDF carries no signed data");
    }

    private MatterVersionView foodPermitOfNanxi() {
        long region = jdbc.sql("select id from oneseal.region where code = '990121'").query(Long.class).single();
        return catalogue.published(region).stream().filter(m -> m.name().equals("食品经营许可")).findFirst().orElseThrow();
    }
}

package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;

/** 证照分离 in the browser: the public list and its filter, a cancelled approval, a filing done on receipt. */
@ServerTest
class ReformModesJourneysTest extends BrowserTest {

    @Test
    void aVisitorFiltersTheReformListExportsItAndSeesThatACancelledApprovalCannotBeAppliedFor() throws Exception {
        page.navigate(url("/guide"));
        page.locator("#reform-list-link").click();
        assertThat(page.locator("h1")).hasText("证照分离改革事项清单");
        assertThat(page.locator("#reform-list")).containsText("养老机构备案");
        page.getByLabel("证照分离改革方式").selectOption("CANCELLED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("搜索")).click();
        assertThat(page.locator("#reform-list tbody tr")).hasCount(1);
        assertThat(page.locator("#reform-list")).containsText("粮食收购资格认定");
        assertThat(page.locator("#reform-list")).not().containsText("养老机构备案");
        Download download = page.waitForDownload(() -> page.locator("#reform-list-excel").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("reform-list.xlsx");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("粮食收购资格认定")).click();
        assertThat(page.locator("#reform-cancelled")).containsText("不再受理申请");
        assertThat(page.locator("#apply-online")).hasCount(0);
    }

    @Test
    void aCitizenFilesAndHasTheReceiptAtOnce() throws Exception {
        clock.travelTo(java.time.LocalDate.of(2026, 6, 15));
        try {
            fileAnOldPeoplesHome();
        } finally {
            clock.reset();
        }
    }

    private void fileAnOldPeoplesHome() throws Exception {
        Path pdf = Files.createTempFile("filing", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n% filing\n%%EOF\n", StandardCharsets.US_ASCII);
        signInAsCitizen();
        page.navigate(url("/guide/reform-list?mode=FILING"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("养老机构备案")).click();
        assertThat(page.locator("#reform-filing")).containsText("不作实质审查");
        page.locator("#apply-online").click();
        assertThat(page.locator("#matter-filing")).isVisible();
        int files = page.locator("input[type=file]").count();
        for (int i = 0; i < files; i++) {
            page.locator("input[type=file]").nth(i).setInputFiles(pdf);
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
        assertThat(page.locator("#case-status")).hasText("已备案");
        assertThat(page.locator("main")).containsText("收到即备案");
    }

    @Test
    void aCitizenDefersAMaterialOnCommitmentAndSuppliesItLater() throws Exception {
        clock.travelTo(java.time.LocalDate.of(2026, 6, 15));
        try {
            Path pdf = Files.createTempFile("material", ".pdf");
            Files.writeString(pdf, "%PDF-1.4\n% material\n%%EOF\n", StandardCharsets.US_ASCII);
            signInAsCitizen();
            page.navigate(url("/guide?q=食品经营许可&region=1"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("食品经营许可")).first().click();
            page.locator("#apply-online").click();
            com.microsoft.playwright.Locator deferrable = page.locator("input[name=defer]");
            String code = deferrable.first().getAttribute("value");
            for (com.microsoft.playwright.Locator input : page.locator("input[type=file]").all()) {
                String name = input.getAttribute("name");
                if (!name.equals("file." + code)) {
                    input.setInputFiles(pdf);
                }
            }
            deferrable.first().check();
            page.locator("#deferralDue").fill("2026-06-25");
            // without the commitment the form says what is missing, on its field
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
            assertThat(page.locator("#deferralCommitment-error")).containsText("承诺");
            for (com.microsoft.playwright.Locator input : page.locator("input[type=file]").all()) {
                if (!input.getAttribute("name").equals("file." + code)) {
                    input.setInputFiles(pdf);
                }
            }
            page.locator("input[name=defer][value=" + code + "]").check();
            page.locator("#deferralDue").fill("2026-06-25");
            page.locator("#deferralCommitment").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
            assertThat(page.locator("#case-status")).hasText("待受理");
            assertThat(page.locator("#deferred")).containsText("待补交");
            assertThat(page.locator("#deferred")).containsText("2026-06-25");

            page.locator("#supply-" + code).setInputFiles(pdf);
            page.locator("#supply-deferred").click();
            assertThat(page.locator("#deferred")).containsText("已补交");
            assertThat(page.locator("#deferred")).not().containsText("待补交");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aCitizenSignsTheNoticeAndTheChiefRecordsTheCheckAfterTheGrant() throws Exception {
        // staff sign in before the clock moves to June: a TOTP step older than one already used is a replay
        Page window = staffPage("window01");
        Page chief = staffPage("chief01");
        clock.travelTo(java.time.LocalDate.of(2026, 6, 15));
        try {
            Path pdf = Files.createTempFile("material", ".pdf");
            Files.writeString(pdf, "%PDF-1.4\n% material\n%%EOF\n", StandardCharsets.US_ASCII);
            signInAsCitizen();
            page.navigate(url("/guide/reform-list?mode=COMMITMENT&region=1"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("出版物零售业务经营许可")).click();
            page.locator("#apply-online").click();
            assertThat(page.locator("#commitment-notice")).containsText("不实承诺的责任");
            page.locator("#commitment-choice").check();
            page.locator("#file-M01").setInputFiles(pdf);
            page.locator("#file-M02").setInputFiles(pdf);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
            assertThat(page.locator("#case-status")).hasText("待受理");
            assertThat(page.locator("#signed-notice")).containsText("告知承诺书（版本");
            String caseNumber = page.locator("#case-number").innerText();

            window.navigate(url("/workbench/tasks"));
            window.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(caseNumber)).click();
            window.locator("#accept").click();
            assertThat(window.locator("#case-status")).hasText("待决定");
            chief.navigate(window.url());
            chief.locator("#grant-yes").check();
            chief.locator("#reasons").fill("申请人承诺符合许可条件，当场作出决定");
            chief.locator("#decide").click();
            assertThat(chief.locator("#case-status")).hasText("准予许可");

            chief.navigate(url("/workbench/verifications"));
            com.microsoft.playwright.Locator task = chief.locator("#verifications li")
                    .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(caseNumber));
            assertThat(task).containsText("现场核查");
            task.locator("input[name=passed][value=true]").check();
            task.locator("textarea[name=findings]").fill("现场核查：经营场所与承诺一致");
            task.locator("button[type=submit]").click();
            assertThat(chief.locator("#verifications li")
                    .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(caseNumber))
                    .locator(".state")).hasText("核查通过");
        } finally {
            clock.reset();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.oneseal.license.Licensing licensing;

    @Test
    void aCitizenAuthorisesAWindowWhichPullsTheLicenceInsteadOfPaper() {
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.TestingAuthenticationToken("licence-manager", "x",
                        "license:manage", "kind:STAFF"));
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        String licenceId = licensing.issue(new org.oneseal.license.IssueLicence(System.nanoTime() % 1_000_000_000L,
                "SP-E2E-GRANT", "烟草专卖零售许可证", "11990100SF0024000", "烟草专卖零售许可", "张三",
                "11010519491231002X", "示范市行政审批局", 1, today, today.plusYears(5), java.util.Map.of())).licenceId();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();

        signInAsCitizen();
        page.navigate(url("/me/licences"));
        com.microsoft.playwright.Locator card = page.locator("#licences li[data-licence='" + licenceId + "']");
        card.locator("summary").click();
        card.getByLabel("授权窗口").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("综合受理1号窗口"));
        card.getByLabel("用途").fill("办理烟草专卖零售许可延续");
        card.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("生成授权")).click();
        assertThat(page.locator(".alert.ok")).containsText("授权已生成");
        String code = page.locator("#grants .grant-code").first().innerText();
        assertThat(page.locator("#grants .grant-qr").first()).isVisible();

        Page window = staffPage("window01");
        window.navigate(url("/workbench/licence-pull"));
        window.getByLabel("授权码").fill(code);
        window.locator("#pull").click();
        assertThat(window.locator("#pulled")).containsText(licenceId);
        assertThat(window.locator("#pulled")).containsText("办理烟草专卖零售许可延续");
        // the code is spent
        window.getByLabel("授权码").fill(code);
        window.locator("#pull").click();
        assertThat(window.locator("#credential-error")).isVisible();

        page.reload();
        assertThat(page.locator("#pulls")).containsText("综合受理1号窗口");
        assertThat(page.locator("#pulls")).containsText(licenceId);
    }

    private void signInAsCitizen() {
        signInAsApplicant("zhangsan");
    }
}

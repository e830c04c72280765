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
import org.oneseal.identity.DemoAccounts;

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
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill("zhangsan");
        page.getByLabel("密码").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
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
}

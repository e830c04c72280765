package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;

/** Administrators, window staff and auditors at work, in a real browser. */
@ServerTest
class AdministrationJourneysTest extends BrowserTest {

    @Test
    void theAdminReadsTheWorkingDayCalendarOf2026() {
        signInAsStaff("admin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("工作日历").setExact(true)).first().click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("2026").setExact(true)).click();
        assertThat(page.locator("h1")).containsText("2026");
        assertThat(page.locator("#main")).containsText("春节");
        assertThat(page.locator("#main")).containsText("2026-02-14");
        assertThat(page.locator("#main")).containsText("调休上班");
    }

    @Test
    void aCountyAdminAddsAWindowAndIsToldWhatIsMissing() {
        signInAsStaff("nanxi_admin");
        page.navigate(url("/admin/org-units/new"));
        page.getByLabel("名称").fill("南溪县不动产登记窗口");
        page.getByLabel("编码").fill("NX-BDC01");
        page.getByLabel("类型", new Page.GetByLabelOptions().setExact(true)).selectOption("WINDOW");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        assertThat(page.locator("#main")).containsText("窗口必须选择窗口类型");
        page.getByLabel("窗口类型").selectOption("SPECIAL");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        assertThat(page.locator(".alert.ok")).containsText("已保存");
        assertThat(page.locator("#org-units")).containsText("南溪县不动产登记窗口");
    }

    @Test
    void aChiefRevealsPersonalDataAndTheAuditorFindsItAndVerifiesTheChain() {
        signInAsStaff("chief01");
        page.navigate(url("/admin/applicants?q=zhangsan"));
        var row = page.locator("#applicants tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("zhangsan"));
        assertThat(row.locator(".identifier")).hasText("1101**********002X");
        row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("显示完整信息")).click();
        assertThat(page.locator("#applicants")).containsText("11010519491231002X");
        assertThat(page).hasURL(url("/admin/applicants?q=zhangsan"));

        context.clearCookies();
        signInAsStaff("auditor");
        page.navigate(url("/audit?action=identity.personal-data.reveal"));
        assertThat(page.locator("#main")).containsText("identity.personal-data.reveal");
        assertThat(page.locator("#main")).containsText("chief01");
        page.navigate(url("/audit/verify"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("立即校验")).click();
        assertThat(page.locator("#main")).containsText("日志完整");
    }
}

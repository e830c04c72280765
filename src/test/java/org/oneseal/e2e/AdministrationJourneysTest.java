package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;

/**
 * Administrators, chiefs and auditors at work, in a real browser. Each demo staff member signs in once
 * per JVM (a TOTP code is accepted only once).
 */
@ServerTest
class AdministrationJourneysTest extends BrowserTest {

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
        page.navigate(url("/admin/applicants"));
        page.getByLabel("搜索").fill("zhangsan");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选")).click();
        var row = page.locator("#applicants tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("zhangsan"));
        assertThat(row.locator(".identifier")).hasText("1101**********002X");
        row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("显示完整信息")).click();
        assertThat(page.locator("#applicants")).containsText("11010519491231002X");
        assertThat(page).hasURL(url("/admin/applicants"));

        context.clearCookies();
        signInAsStaff("auditor");
        page.navigate(url("/audit?action=identity.personal-data.reveal"));
        assertThat(page.locator("#main")).containsText("identity.personal-data.reveal");
        assertThat(page.locator("#main")).containsText("chief01");
        page.navigate(url("/audit/verify"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("立即校验")).click();
        assertThat(page.locator("#main")).containsText("日志完整");
    }

    @Test
    void theAdminReadsTheCalendarAddsARegionAndAStaffMemberWhoEnrolsTheSecondFactor() {
        signInAsStaff("admin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("工作日历").setExact(true)).first().click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("2026").setExact(true)).click();
        assertThat(page.locator("h1")).containsText("2026");
        assertThat(page.locator("#main")).containsText("春节");
        assertThat(page.locator("#main")).containsText("2026-02-14");
        assertThat(page.locator("#main")).containsText("调休上班");

        page.navigate(url("/admin/regions/new"));
        page.getByLabel("编码").fill("990124");
        page.getByLabel("名称").fill("西江县");
        page.getByLabel("级别").selectOption("COUNTY");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        assertThat(page.locator("#main")).containsText("请选择上级区划");
        page.getByLabel("上级区划").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("示范市（市本级）"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        assertThat(page.locator("#main")).containsText("西江县");

        page.navigate(url("/admin/accounts/new"));
        page.getByLabel("用户名").fill("xijiang01");
        page.getByLabel("姓名").fill("西江县窗口人员");
        page.getByLabel("所属区划").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("西江县"));
        page.getByLabel("窗口人员").check();
        page.getByLabel("初始密码").fill("Xijiang@2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        assertThat(page.locator("#accounts")).containsText("xijiang01");

        context.clearCookies();
        passwordStep("xijiang01", "Xijiang@2026");
        assertThat(page).hasURL(url("/login/totp/enrol"));
        assertThat(page.locator("img.qr")).isVisible();
        String secret = page.locator("#totp-secret").innerText();
        page.getByLabel("验证码").fill(org.oneseal.identity.DemoAccounts.code(secret, clock.instant()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完成绑定")).click();
        assertThat(page.locator("#recovery-codes li")).hasCount(10);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("进入工作台")).click();
        assertThat(page.locator("#scope")).containsText("西江县");
    }
}

package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The foundation's journeys in a real browser, on a phone-sized screen. */
@ServerTest
class FoundationJourneysTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCitizenRegistersAndLogsIn() {
        page.navigate(url("/"));
        assertThat(page.locator("body")).containsText("演示环境");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("注册个人或企业账号")).click();
        page.locator("#register-person").click();
        page.getByLabel("真实姓名").fill("赵小明");
        page.getByLabel("居民身份证号码").fill("110105194912310021");
        page.getByLabel("用户名").fill("zhaoxm");
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("Strong@Pass1");
        page.getByLabel("确认密码").fill("Strong@Pass1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交注册")).click();
        assertThat(page.locator("#idCardNumber-error")).containsText("校验位不正确");

        page.getByLabel("居民身份证号码").fill(org.oneseal.TestIds.idCard("11010519491231003"));
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("Strong@Pass1");
        page.getByLabel("确认密码").fill("Strong@Pass1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交注册")).click();
        assertThat(page.locator(".alert.ok")).containsText("注册成功");

        page.getByLabel("用户名").fill("zhaoxm");
        page.getByLabel("密码").fill("Strong@Pass1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page).hasURL(url("/me"));
        assertThat(page.locator("#identifier")).hasText("1101**********" + org.oneseal.TestIds.idCard("11010519491231003").substring(14));
    }

    @Test
    void aStaffMemberLogsInWithTotpAndReachesTheWorkbench() {
        passwordStep("window01");
        assertThat(page).hasURL(url("/login/totp"));
        page.getByLabel("验证码", new Page.GetByLabelOptions().setExact(true)).fill("123456");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("验证")).click();
        assertThat(page.locator(".field-error")).containsText("验证码不正确");
        totpStep("window01");
        assertThat(page).hasURL(url("/workbench"));
        assertThat(page.locator("#welcome")).containsText("窗口人员");
        page.navigate(url("/?lang=en"));
        page.navigate(url("/workbench"));
        assertThat(page.locator("h1")).hasText("Workbench");
    }

    @Test
    void aCountyAdminCannotOpenAnotherCountysOrgUnit() {
        signInAsStaff("beiling_admin");
        page.navigate(url("/admin/org-units"));
        assertThat(page.locator("#org-units")).containsText("北岭县综合受理窗口");
        assertThat(page.locator("#org-units")).not().containsText("南溪县");
        long nanxi = jdbc.sql("select id from oneseal.org_unit where code = 'NX-XZSPJ'").query(Long.class).single();
        var response = page.navigate(url("/admin/org-units/" + nanxi));
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("页面不存在");
        assertThat(page.locator("body")).not().containsText("南溪县行政审批局");
    }
}

package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;

/** A citizen, without an account, finds and reads a service guide on a phone-sized screen. */
@ServerTest
class ServiceGuideJourneysTest extends BrowserTest {

    @Test
    void anAnonymousCitizenSearchesFoodAndReadsTheGuideWithMaterialsAndLimits() {
        page.navigate(url("/guide"));
        page.getByLabel("关键词").fill("食品");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("搜索")).click();
        assertThat(page.locator("#results")).containsText("食品经营许可");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("食品经营许可")).first().click();
        assertThat(page.locator("h1")).hasText("食品经营许可");
        assertThat(page.locator("#materials")).containsText("食品经营许可申请书");
        assertThat(page.locator("#materials")).containsText("关键材料");
        assertThat(page.locator("#limits")).containsText("法定办结时限");
        assertThat(page.locator("#limits")).containsText("20 个工作日");
        assertThat(page.locator("style#guide-print")).hasCount(1);
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertThat(page.locator("header.site")).isHidden();
        assertThat(page.locator("#materials")).isVisible();
    }
}

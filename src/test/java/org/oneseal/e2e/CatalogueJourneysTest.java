package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A county administrator revises a matter of the county: new version, shorter promise, publication. */
@ServerTest
class CatalogueJourneysTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCountyAdminPublishesAShorterPromiseThatTheGuideShows() {
        long matterId = jdbc.sql("""
                select m.id from oneseal.matter m join oneseal.region r on r.id = m.region_id
                join oneseal.matter_version v on v.matter_id = m.id and v.state = 'PUBLISHED'
                where r.code = '990122' and v.name = '食品经营许可'""").query(Long.class).single();
        signInAsStaff("beiling_admin");
        page.navigate(url("/admin/matters"));
        assertThat(page.locator("#matters")).containsText("食品经营许可");
        assertThat(page.locator("#matters")).not().containsText("药品零售企业经营许可");
        page.navigate(url("/admin/matters/" + matterId));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("新建版本（从已发布版本复制）")).click();
        page.getByLabel("承诺办结时限（工作日）").fill("4");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布")).click();
        page.navigate(url("/guide/" + matterId));
        assertThat(page.locator("#limits")).containsText("4 个工作日");
        assertThat(page.locator("#limits")).not().containsText("7 个工作日");
    }
}

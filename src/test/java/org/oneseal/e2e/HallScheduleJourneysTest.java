package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hall's administration in the browser: the administrator adds a schedule to a hall (a wrong slot length is
 * shown next to its field first) and sees it listed, then sets a window's queue group and clears it (htmx).
 */
@ServerTest
class HallScheduleJourneysTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private long unit(String code) {
        return jdbc.sql("select id from oneseal.org_unit where code = ?").param(code).query(Long.class).single();
    }

    @Test
    void theAdministratorAddsAScheduleAndSeesItListed() {
        long hall = unit("DH-DT"); // 东湖区政务服务中心: no other test uses it
        long window = unit("DH-CK01");
        signInAsStaff("admin");
        Page admin = page; // the phone-sized page, kept as the screenshot
        admin.navigate(url("/workbench"));
        admin.locator("header nav a[href='/workbench/hall/schedules']").click();
        assertThat(admin.locator("h1")).hasText("大厅排班与窗口分组");
        admin.locator("#hall").selectOption(String.valueOf(hall));
        admin.locator("#choose-hall").click();
        assertThat(admin.locator("#schedules")).containsText("GENERAL"); // the demo hours

        admin.locator("#groupCode").fill("WEB_ADM");
        admin.locator("#kind").selectOption("STAGGERED");
        admin.locator("#days").selectOption("WEEKEND");
        admin.locator("#starts").fill("08:00");
        admin.locator("#ends").fill("09:00");
        admin.locator("#slotMinutes").fill("25");
        admin.locator("#capacity").fill("2");
        admin.locator("#schedule-submit").click();
        assertThat(admin.locator("#slotMinutes-error")).containsText("整除");
        assertThat(admin.locator("#groupCode")).hasValue("WEB_ADM");
        assertThat(admin.locator("#schedules tr[data-group=WEB_ADM]")).hasCount(0);

        admin.locator("#slotMinutes").fill("20");
        admin.locator("#schedule-submit").click();
        assertThat(admin.locator("#saved")).containsText("已新增服务时段");
        var row = admin.locator("#schedules tr[data-group=WEB_ADM]");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("08:00–09:00");
        assertThat(row).containsText("错时服务");
        assertThat(row).containsText("周末");

        // the general window takes the new group, in place, then gives it back
        admin.locator("#group-" + window).fill("WEB_ADM");
        admin.locator("#set-group-" + window).click();
        assertThat(admin.locator("#window-" + window + " .serves")).hasText("WEB_ADM");
        admin.locator("#clear-group-" + window).click();
        assertThat(admin.locator("#window-" + window + " .serves")).hasText("GENERAL");
    }
}

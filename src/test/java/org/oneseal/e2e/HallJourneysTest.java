package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The hall in the browser: a Saturday staggered-hours appointment booked, ticketed, called and served. */
@ServerTest
class HallJourneysTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSaturdayStaggeredHoursAppointmentIsBookedTicketedCalledAndServed() {
        // staff sign in before the clock moves: a TOTP step older than one already used is a replay
        Page window = staffPage("window01");
        long hall = jdbc.sql("select id from oneseal.org_unit where code = 'SF-DT'").query(Long.class).single();
        LocalDate friday = LocalDate.of(2026, 7, 10);
        LocalDate saturday = friday.plusDays(1);
        clock.travelTo(friday);
        try {
            signInAsApplicant("zhangsan");
            page.navigate(url("/me/appointments"));
            page.locator("#hall").selectOption(String.valueOf(hall));
            page.locator("#day").fill(saturday.toString());
            page.locator("#show-slots").click();
            var slot = page.locator("#slots tr[data-kind=STAGGERED][data-starts='10:30']").first();
            assertThat(slot).containsText("错时服务");
            slot.locator("button").click();
            assertThat(page.locator("#booked")).containsText("预约成功");
            String code = page.locator("#my-appointments li").first().getAttribute("data-code");
            assertThat(page.locator("#my-appointments li").first()).containsText("已预约");

            // Saturday morning in the hall: the ticket machine, then the display
            clock.travelTo(saturday);
            page.navigate(url("/hall/" + hall + "/kiosk"));
            page.locator("#code").fill(code);
            page.locator("#by-appointment").click();
            assertThat(page.locator("#ticket")).containsText("预约号，优先叫号");
            String number = page.locator("#ticket-number").textContent().strip();

            // the window calls next: the appointment first; then serves it
            window.navigate(url("/workbench/queue"));
            window.locator("#call-next").click();
            assertThat(window.locator("#current-number")).hasText(number);
            page.navigate(url("/hall/" + hall + "/display"));
            assertThat(page.locator("#called")).containsText(number);
            assertThat(page.locator("#called")).containsText("综合受理1号窗口");
            window.locator("#served").click();
            assertThat(window.locator("#current-number")).hasCount(0);

            signInAsApplicant("zhangsan");
            page.navigate(url("/me/appointments"));
            assertThat(page.locator("#my-appointments li[data-code='" + code + "']")).containsText("已办理");
        } finally {
            clock.reset();
        }
    }
}

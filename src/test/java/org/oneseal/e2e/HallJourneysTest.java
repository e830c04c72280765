package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hall in the browser: a Saturday staggered-hours appointment booked, ticketed at an enrolled ticket machine (a
 * phone is none), called and served.
 */
@ServerTest
class HallJourneysTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSaturdayStaggeredHoursAppointmentIsBookedTicketedCalledAndServed() {
        // staff sign in before the clock moves: a TOTP step older than one already used is a replay
        Page window = staffPage("window01");
        Page machine = staffPage("window01"); // the hall's ticket machine, where a staff member signs in to enrol it
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
            // the code is in the confirmation (the list shows the newest slot first: other days may come before it)
            String booked = page.locator("#booked").textContent().replaceAll("(?s).*预约码\\s*([A-Z0-9]{8}).*", "$1");
            // 改约: moved to 10:00 the same morning (a new code; the old one is cancelled)
            page.locator("#my-appointments li[data-code='" + booked + "'] a[id^=change-]").click();
            assertThat(page.locator("#changing")).containsText(booked);
            page.locator("#slots tr[data-kind=STAGGERED][data-starts='10:00'] button").first().click();
            assertThat(page.locator("#booked")).containsText("预约成功");
            String code = page.locator("#booked").textContent().replaceAll("(?s).*预约码\\s*([A-Z0-9]{8}).*", "$1");
            assertThat(page.locator("#my-appointments li[data-code='" + code + "']")).containsText("10:00");
            assertThat(page.locator("#my-appointments li[data-code='" + code + "']")).containsText("已预约");
            assertThat(page.locator("#my-appointments li[data-code='" + booked + "']")).containsText("已取消");

            // the window sees it when the applicant phones (代为预约, found by ID card number)
            window.navigate(url("/workbench/appointments"));
            window.locator("#applicant").fill("11010519491231002X");
            window.locator("#find").click();
            assertThat(window.locator("#applicant-appointments li[data-code='" + code + "']")).containsText("已预约");

            // the applicant's phone is no ticket machine: it gets no ticket
            page.navigate(url("/hall/" + hall + "/kiosk"));
            assertThat(page.locator("#not-enrolled")).containsText("不是本大厅登记的取号机");
            assertThat(page.locator("#by-appointment")).hasCount(0);

            // the hall's staff enrol the ticket machine (signed in on it, then signed out: it keeps its secret)
            machine.navigate(url("/hall/" + hall + "/kiosk"));
            machine.locator("#kiosk-name").fill("东门取号机");
            machine.locator("#enrol").click();
            assertThat(machine.locator("#enrolled")).containsText("东门取号机");
            machine.navigate(url("/workbench"));
            machine.locator("form[action$='/logout'] button").click();
            assertThat(machine).hasURL(java.util.regex.Pattern.compile("/login"));
            window.navigate(url("/workbench/queue"));
            assertThat(window.locator("#kiosks tr[data-kiosk='东门取号机']")).containsText("window01");

            // Saturday morning in the hall: the ticket machine, then the display
            clock.travelTo(saturday);
            machine.navigate(url("/hall/" + hall + "/kiosk"));
            machine.locator("#code").fill(code);
            machine.locator("#by-appointment").click();
            assertThat(machine.locator("#ticket")).containsText("预约号，优先叫号");
            String number = machine.locator("#ticket-number").textContent().strip();

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

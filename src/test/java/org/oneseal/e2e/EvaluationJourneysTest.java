package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;
import org.oneseal.evaluation.EvaluationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 好差评 in the browser: a bad review rectified end to end and shown in the monthly bulletin; a hall visitor rating a
 * window by its QR code on a phone; a paper rating entered at the window; the figures, the QR sheet, a bulletin
 * published and seen by the public.
 */
@ServerTest
class EvaluationJourneysTest extends BrowserTest {

    @Autowired
    EvaluationTestSupport cases;

    @Test
    void aBadReviewIsRectifiedOnTimeAndTheMonthlyBulletinSaysSo() throws Exception {
        // staff sign in before the clock moves back: a TOTP step older than one already used is a replay
        Page window = staffPage("window01");
        Page chief = staffPage("chief01");
        LocalDate monday = LocalDate.of(2026, 5, 18);
        clock.travelTo(monday);
        try {
            long caseId = cases.concludedCase();

            // the citizen rates the conclusion 不满意, with reasons of that level
            signInAsApplicant("zhangsan");
            page.navigate(url("/me/cases/" + caseId));
            page.locator("#rate-link").click();
            assertThat(page.locator("h1")).hasText("评价服务（好差评）");
            page.locator("#s-CONCLUSION-level-2").check();
            assertThat(page.locator("#s-CONCLUSION-reason-R51")).isHidden();
            page.locator("#s-CONCLUSION-reason-R22").check();
            page.locator("#s-CONCLUSION-comment").fill("等了很久才拿到证");
            page.locator("#submit-CONCLUSION").click();
            assertThat(page.locator("#rated-message")).hasText("感谢您的评价");
            assertThat(page.locator("#rated-CONCLUSION")).containsText("不满意");
            assertThat(page.locator("#rated-CONCLUSION")).containsText("已转整改");

            // the chief verifies and classifies it 限期整改, with the ledger and a deadline
            chief.navigate(url("/workbench/rectifications"));
            chief.locator("#rectifications li").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("办理超时")).first().getByRole(AriaRole.LINK).click();
            assertThat(chief.locator("#rater")).containsText("13800138000");
            chief.locator("#verification").fill("核实属实：证照制作后未当日通知领取");
            chief.locator("#classification").selectOption("DEADLINE");
            chief.locator("#ledger").fill("建立证照送达日清台账，制证当日短信通知");
            chief.locator("#deadline").fill(monday.plusDays(7).toString());
            chief.locator("#classify").click();
            assertThat(chief.locator("#rect-state")).hasText("整改中");
            assertThat(chief.locator("#rect-class")).hasText("限期整改");
            String rectification = chief.url();

            // the handler records the fix, without ever seeing who rated them
            window.navigate(rectification);
            assertThat(window.locator("#rect-reasons")).containsText("办理超时");
            assertThat(window.locator("#rater")).hasCount(0);
            assertThat(window.locator("main")).not().containsText("13800138000");
            assertThat(window.locator("main")).not().containsText("张三");
            window.locator("#action").fill("已建立送达日清台账，本件已补发领取通知");
            window.locator("#act").click();
            assertThat(window.locator("#rect-state")).hasText("待回访");

            // the chief calls the citizen back, records it, and closes
            clock.travelTo(monday.plusDays(2));
            chief.navigate(rectification);
            chief.locator("#close").click();
            assertThat(chief.locator("#form-errors")).containsText("回访");
            chief.locator("#result").selectOption("SATISFIED");
            chief.locator("#note").fill("电话回访，申请人对整改满意");
            chief.locator("#callback").click();
            assertThat(chief.locator("#rect-state")).hasText("已回访");
            chief.locator("#close").click();
            assertThat(chief.locator("#rect-state")).hasText("已办结");
            assertThat(chief.locator("#history li")).hasCount(6);

            // the month's bulletin shows it rectified on time, and downloads
            chief.navigate(url("/workbench/evaluation/bulletin?month=2026-05"));
            assertThat(chief.locator("h1")).containsText("好差评月度通报（2026-05）");
            assertThat(chief.locator("#bad-reviews tr.bad-review").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("办理超时")).locator("td.on-time")).hasText("按期整改");
            assertThat(chief.locator("#ranking-staff")).containsText("窗口人员");
            Download pdf = chief.waitForDownload(() -> chief.locator("#download-pdf").click());
            org.assertj.core.api.Assertions.assertThat(pdf.suggestedFilename()).isEqualTo("bulletin-2026-05.pdf");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aHallVisitorRatesAWindowByItsQrCodeAndAPaperRatingIsEntered() throws Exception {
        Page window = staffPage("window01");
        Page leader = staffPage("leader");
        leader.navigate(url("/workbench/evaluation/qr"));
        assertThat(leader.locator("#qr-codes img").first()).isVisible();
        String rateUrl = leader.locator("#qr-codes li a").first().getAttribute("href");
        String path = rateUrl.substring(rateUrl.indexOf("/rate/"));

        // the visitor's phone: no sign-in
        page.navigate(url(path));
        assertThat(page.locator("h1")).containsText("评价");
        page.locator("#hall-level-4").check();
        page.locator("#hall-reason-R41").check();
        clock.advance(Duration.ofSeconds(5)); // a person reads the page before rating
        page.locator("#hall-submit").click();
        assertThat(page.locator("#hall-thanks")).hasText("感谢您的评价");
        page.goBack();
        page.reload();
        page.locator("#hall-level-5").check();
        clock.advance(Duration.ofSeconds(5));
        page.locator("#hall-submit").click();
        assertThat(page.locator("#hall-error")).containsText("已经评价过");

        // a paper rating entered at the window: a mistake is shown on its field, then it is entered
        window.navigate(url("/workbench/ratings/new"));
        window.locator("#object").selectOption("STAFF");
        window.locator("#ref").fill("window01");
        window.locator("#channel").selectOption("PAPER");
        window.locator("#f2f-yes").check();
        window.locator("#enter-level-5").check();
        window.locator("#enter-submit").click();
        assertThat(window.locator("#ref-error")).containsText("本人");
        window.locator("#object").selectOption("HALL");
        window.locator("#ref").fill("1");
        window.locator("#channel").selectOption("PAPER");
        window.locator("#f2f-yes").check();
        window.locator("#enter-level-5").check();
        window.locator("#enter-submit").click();
        assertThat(window.locator("#entered")).containsText("评价已登记");

        // the leader's figures by channel count both
        leader.navigate(url("/workbench/evaluation?by=CHANNEL"));
        assertThat(leader.locator("#figures tbody")).containsText("大厅扫码");
        assertThat(leader.locator("#figures tbody")).containsText("纸质评价表");
    }

    @Test
    void aLeaderPublishesAMonthsBulletinAndThePublicReadsIt() {
        Page leader = staffPage("leader");
        leader.navigate(url("/workbench/evaluation/bulletin?month=2026-08"));
        leader.locator("#publish").click();
        assertThat(leader.locator("#published-now")).containsText("已发布");
        assertThat(leader.locator("#publish")).hasCount(0);

        page.navigate(url("/"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("好差评公示")).first().click();
        page.locator("#public-bulletins a").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("2026-08")).first().click();
        assertThat(page.locator("h1")).containsText("好差评月度通报（2026-08）");
        assertThat(page.locator("#ranking-staff")).hasCount(0);
    }
}

package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 办不成事 in the browser: reported by QR code, routed, chased, answered, called back, closed, followed by its code. */
@ServerTest
class ComplaintJourneysTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aComplaintReportedByQrCodeIsRoutedChasedAnsweredCalledBackClosedAndFollowedByItsCode() {
        Page chief = staffPage("chief01");
        Page window = staffPage("window01");
        long city = jdbc.sql("select id from oneseal.region where code = '990100'").query(Long.class).single();

        // the chief routes system failures of the city to window01
        chief.navigate(url("/workbench/complaint-rules"));
        chief.locator("#position").fill("5");
        chief.locator("#rule-region").selectOption(String.valueOf(city));
        chief.locator("#rule-category").selectOption("SYSTEM_FAILURE");
        chief.locator("#rule-coordinator").fill("window01");
        chief.locator("#rule-submit").click();
        assertThat(chief.locator("#rules")).containsText("window01");

        // a visitor scans the hall's code: no sign-in, a tracking code at the end
        page.navigate(url("/complaints/new?region=" + city + "&via=qr"));
        assertThat(page.locator("h1")).hasText("反映办不成事");
        page.locator("#category").selectOption("SYSTEM_FAILURE");
        page.locator("#description").fill("短");
        page.locator("#report-submit").click();
        assertThat(page.locator("#description-error")).containsText("10到2000字");
        page.locator("#category").selectOption("SYSTEM_FAILURE");
        page.locator("#description").fill("网上申报系统上传材料时一直提示错误，换了三台电脑都不行");
        page.locator("#phone").fill("13600002222");
        page.locator("#report-submit").click();
        assertThat(page.locator("h1")).hasText("已收到您的反映");
        String code = page.locator("#tracking-code").textContent().strip();

        // the coordinator the rule named works it through
        window.navigate(url("/workbench/complaints"));
        window.locator("#complaints li[data-code='" + code + "'] h2 a").click();
        assertThat(window.locator("#complaint-coordinator")).hasText("window01");
        assertThat(window.locator("main")).containsText("扫码反映");
        window.locator("#kind").selectOption("SHOULD_BE_DONE");
        window.locator("#triage-submit").click();
        assertThat(window.locator("#complaint-kind")).containsText("应当办成");
        window.locator("#officeId").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        window.locator("#request").fill("请核查申报系统上传故障并修复");
        window.locator("#chase-submit").click();
        assertThat(window.locator("#complaint-state")).hasText("协调督办中");
        window.locator("#chases input[name=reply]").first().fill("已修复上传组件");
        window.locator("#chases button").first().click();
        assertThat(window.locator("#chases")).containsText("已修复上传组件");
        window.locator("#outcome-resolved").check();
        window.locator("#answer").fill("系统故障已修复，已协助您完成申报");
        window.locator("#answer-submit").click();
        assertThat(window.locator("#complaint-state")).hasText("已答复");
        window.locator("#close").click();
        assertThat(window.locator("#problem, #form-errors").first()).containsText("回访");
        window.locator("#result").selectOption("SATISFIED");
        window.locator("#callback-submit").click();
        assertThat(window.locator("#complaint-state")).hasText("已回访");
        window.locator("#close").click();
        assertThat(window.locator("#complaint-state")).hasText("已办结");

        // the visitor follows it by the code
        page.navigate(url("/complaints/track"));
        page.locator("#code").fill(code);
        page.locator("#track-submit").click();
        assertThat(page.locator("#track-state")).hasText("已办结");
        assertThat(page.locator("#track-answer")).containsText("系统故障已修复");
        assertThat(page.locator("#track-history")).containsText("督促责任部门");
        assertThat(page.locator("main")).not().containsText("window01");
    }
}

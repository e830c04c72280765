package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 帮办代办 in the browser, on 11 March 2024 (a day no other test uses; its holidays are shipped, so case deadlines
 * compute): window01 records a mandate from 张三, who is at the window, for the city's 食品经营许可 (a mistyped name is
 * refused and the form keeps what was typed), applies for it under the mandate (the form says which files are
 * missing, keeping the phone number), and the case's timeline shows window01 acting for 张三; the window asks for a
 * correction and window01 answers it for 张三 from the mandate page. 张三 signs in, finds the mandate and the case
 * under 我的 → 帮办代办授权 (the case's timeline says which steps were taken for him, without staff names) and ends
 * the mandate; window01, whose page still shows the application form, applies again and is told that 张三 ended the
 * mandate — no case is opened. On 13 May 2024 张三, who applied online deferring a material (容缺), has window01 hand
 * it in under a mandate; both sides see it done for him.
 */
@ServerTest
class MandateJourneysTest extends BrowserTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 11);
    private static final LocalDate UNTIL = DAY.plusDays(30);
    private static final String PURPOSE = "申请人年事已高、行动不便，代为办理食品经营许可";
    // after the first journey's mandate has run out: what its staff member did for the applicant on cases of its matter
    // while a mandate ran counts as handled under it, so the two journeys' mandates must not overlap in time
    private static final LocalDate SECOND_DAY = LocalDate.of(2024, 5, 13);
    private static final String SECOND_PURPOSE = "申请人不便再来，代为补交容缺材料";
    private static final String ACTING_FOR = "（帮办代办：代张三办理）";

    @Autowired
    JdbcClient jdbc;
    /** window01's browser in the running journey. */
    private Page staff;

    @Test
    void aWindowStaffMemberAppliesAndCorrectsForAnApplicantUntilTheApplicantEndsTheMandate() {
        Page window = staff = staffPage("window01"); // signs in before the clock moves (a TOTP code is used once)
        clock.travelTo(DAY);
        try {
            String mandate = record(window, PURPOSE, UNTIL, true);
            // (the mandate reaches all of 张三's cases of the matter: other tests' among them, none done under it)
            assertThat(window.locator("#mandate-cases .tag")).hasCount(0);
            String caseNumber = applyUnder(window);
            timelineShowsBothNames(window, caseNumber);
            correctUnder(window, mandate, caseNumber);
            assertThat(window).hasURL(url("/workbench/mandates/" + mandate));

            endAsApplicant(mandate, caseNumber);

            // window01's page still shows the application form: applying again is refused, and says why
            long cases = jdbc.sql("select count(*) from oneseal.case_file").query(Long.class).single();
            assertThat(window.locator("#apply-submit")).isVisible();
            attachAll(window);
            window.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("代为申请")).click();
            assertThat(window.locator("#problem")).hasText("张三已终止这项授权，不能再依授权代办");
            assertThat(window.locator("#mandate .state")).hasText("已被申请人终止");
            assertThat(window.locator("#inactive")).hasText("张三已终止这项授权，不能再依授权代办");
            assertThat(window.locator("#apply")).hasCount(0);
            // now only the case handled under it
            assertThat(window.locator("#mandate-cases li")).hasCount(1);
            assertThat(window.locator("#mandate-cases li[data-case='" + caseNumber + "']")).isVisible();
            org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from oneseal.case_file")
                    .query(Long.class).single()).isEqualTo(cases);
            // among window01's mandates it is an ended one, with nothing left to do under it
            window.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("我的全部授权")).click();
            Locator card = window.locator("#staff-mandates li[data-id='" + mandate + "']");
            assertThat(card).hasAttribute("data-state", "ended");
            assertThat(card.locator(".state")).hasText("已被申请人终止");
            assertThat(card.locator(".cases")).containsText(caseNumber);
            assertThat(card.locator(".actions")).hasCount(0);
        } finally {
            clock.reset();
        }
    }

    @Test
    void underAMandateTheWindowHandsInAMaterialTheApplicantDeferred() {
        Page window = staff = staffPage("window01"); // signs in before the clock moves (a TOTP code is used once)
        clock.travelTo(SECOND_DAY);
        try {
            // 张三 applied online himself, deferring a material on his commitment (容缺)
            signInAsApplicant("zhangsan");
            page.navigate(url("/guide?q=食品经营许可&region=1"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("食品经营许可")).first().click();
            page.locator("#apply-online").click();
            String code = page.locator("input[name=defer]").first().getAttribute("value");
            for (Locator input : page.locator("input[type=file]").all()) {
                if (!input.getAttribute("name").equals("file." + code)) {
                    input.setInputFiles(pdf(input.getAttribute("name").substring(5) + ".pdf"));
                }
            }
            page.locator("#defer-" + code).check();
            page.locator("#deferralDue").fill(SECOND_DAY.plusDays(10).toString());
            page.locator("#deferralCommitment").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
            assertThat(page.locator("#case-status")).hasText("待受理");
            assertThat(page.locator("#deferred li[data-code='" + code + "']")).containsText("待补交");
            String caseNumber = page.locator("#case-number").innerText();
            String material = page.locator("#deferred li[data-code='" + code + "'] strong").innerText();

            // at the window he asks window01 to hand it in for him: the mandate reaches his case of the matter
            String mandate = record(window, SECOND_PURPOSE, SECOND_DAY.plusDays(20), false);
            Locator onCase = window.locator("#mandate-cases li[data-case='" + caseNumber + "']");
            assertThat(onCase).containsText("待受理");
            assertThat(onCase.locator(".tag")).hasCount(0); // nothing done under the mandate yet
            Locator supply = onCase.locator("section[id^=supply-]");
            assertThat(supply.locator("h3")).hasText("代为补交容缺材料（" + caseNumber + "）");
            assertThat(supply).containsText(material);
            assertThat(supply).containsText("补交期限 " + SECOND_DAY.plusDays(10));
            supply.getByLabel(material).setInputFiles(pdf(material + ".pdf"));
            supply.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("补交材料")).click();
            assertThat(window.locator("main [role=status]")).hasText("已代为补交容缺材料，办件编号" + caseNumber);
            assertThat(onCase.locator(".tag")).hasText("依本授权代办");
            assertThat(onCase.locator("section")).hasCount(0);
            // the case's timeline: window01 handed it in for 张三
            onCase.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(caseNumber)).click();
            Locator supplied = window.locator("#timeline li", new Page.LocatorOptions().setHasText("补交容缺材料"));
            assertThat(supplied).containsText("window01");
            assertThat(supplied.locator(".acting-for")).hasText(ACTING_FOR);

            // 张三 sees it handed in, done for him, and the case under the mandate
            page.reload();
            assertThat(page.locator("#deferred li[data-code='" + code + "']")).containsText("已补交");
            assertThat(page.locator("#deferred form")).hasCount(0);
            assertThat(page.locator("#timeline li", new Page.LocatorOptions().setHasText("补交容缺材料")).locator(".acting-for"))
                    .hasText(ACTING_FOR);
            page.navigate(url("/me/mandates"));
            assertThat(page.locator("#mandates li[data-id='" + mandate + "']")).containsText("查看办件" + caseNumber);
        } finally {
            clock.reset();
        }
    }

    @AfterEach
    void noMandateLeftOpen(org.junit.jupiter.api.TestInfo info) {
        if (staff != null) { // window01's last page, next to the applicant's (BrowserTest keeps that one)
            staff.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(java.nio.file.Paths.get(
                    "target/screenshots/" + getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName()
                            + "-window01.png")));
            staff = null;
        }
        // a journey that failed half-way leaves no open mandate behind (one per staff member, applicant and matter)
        jdbc.sql("update oneseal.agent_mandate set ended_at = now(), ended_by = 'test' where ended_at is null and purpose in (?, ?)")
                .param(PURPOSE).param(SECOND_PURPOSE).update();
    }

    /**
     * window01 records a mandate from 张三 for the city's 食品经营许可 on the workbench's 帮办代办 page — first with the
     * name mistyped, if {@code mistype} — and lands on it; returns its id.
     */
    private String record(Page window, String purpose, LocalDate until, boolean mistype) {
        window.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("帮办代办").setExact(true)).click();
        assertThat(window.locator("h1")).hasText("帮办代办（我的授权）");
        window.getByLabel("申请人身份证号码或统一社会信用代码").fill("11010519491231002X");
        window.getByLabel("申请人姓名或名称").fill(mistype ? "张山" : "张三");
        window.getByLabel("事项").selectOption(new SelectOption().setLabel("食品经营许可"));
        window.getByLabel("代办事由").fill(purpose);
        window.getByLabel("有效期至").fill(until.toString());
        window.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记授权")).click();
        if (mistype) {
            assertThat(window.locator("#applicantName-error")).hasText("姓名或名称与该证件号码登记的不一致，请核对申请人身份");
            assertThat(window.locator("#applicantName")).hasAttribute("aria-invalid", "true");
            // what was typed is still there
            assertThat(window.locator("#applicantIdentifier")).hasValue("11010519491231002X");
            assertThat(window.locator("#applicantName")).hasValue("张山");
            assertThat(window.locator("#mandate-matter option:checked")).hasText("食品经营许可");
            assertThat(window.locator("#purpose")).hasValue(purpose);
            assertThat(window.locator("#validUntil")).hasValue(until.toString());
            window.getByLabel("申请人姓名或名称").fill("张三");
            window.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记授权")).click();
        }
        assertThat(window.locator("h1")).hasText("代张三办理：食品经营许可");
        assertThat(window.locator("main [role=status]")).hasText("已登记授权");
        assertThat(window.locator("#mandate")).containsText(purpose);
        assertThat(window.locator("#mandate")).containsText("有效期至" + until);
        assertThat(window.locator("#mandate .state")).hasText("有效");
        return window.locator("#mandate").getAttribute("data-id");
    }

    /** window01 applies under the mandate, first forgetting the files; returns the case number. */
    private String applyUnder(Page window) {
        window.getByLabel("联系电话").fill("13800138000");
        window.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("代为申请")).click();
        assertThat(window.locator("#apply .field-error").first()).isVisible();
        assertThat(window.locator("#phone")).hasValue("13800138000");
        assertThat(window.locator("main [role=status]")).hasCount(0);
        assertThat(window.locator("#mandate-cases .tag")).hasCount(0);

        attachAll(window);
        window.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("代为申请")).click();
        Locator done = window.locator("main [role=status]");
        assertThat(done).hasText(java.util.regex.Pattern.compile("已代为申请，办件编号\\S+"));
        String caseNumber = done.innerText().substring("已代为申请，办件编号".length());
        Locator applied = window.locator("#mandate-cases li[data-case='" + caseNumber + "']");
        assertThat(applied).containsText("待受理");
        assertThat(applied.locator(".tag")).hasText("依本授权代办");
        assertThat(window.locator("#mandate-cases .tag")).hasCount(1);
        return caseNumber;
    }

    /** On the case page: 张三's case, and its submission by window01 acting for 张三. */
    private void timelineShowsBothNames(Page window, String caseNumber) {
        window.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(caseNumber)).click();
        assertThat(window.locator("#case-status")).hasText("待受理");
        assertThat(window.locator("main .card").first()).containsText("张三");
        Locator submitted = window.locator("#timeline li", new Page.LocatorOptions().setHasText("提交申请"));
        assertThat(submitted).containsText("window01");
        assertThat(submitted.locator(".acting-for")).hasText(ACTING_FOR);
    }

    /**
     * The window asks for a correction of the application form (on the case page); window01 answers it for 张三 from
     * the mandate, reached through the list of mandates.
     */
    private void correctUnder(Page window, String mandate, String caseNumber) {
        window.locator("summary", new Page.LocatorOptions().setHasText("一次性告知补正")).click();
        window.getByLabel("补正第1项", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("食品经营许可申请书.pdf"));
        window.getByLabel("补正第1项说明").fill("申请书缺少申请人签字");
        window.locator("#request-correction").click();
        assertThat(window.locator("#case-status")).hasText("待补正");

        window.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("帮办代办").setExact(true)).click();
        Locator card = window.locator("#staff-mandates li[data-id='" + mandate + "']");
        assertThat(card).hasAttribute("data-state", "active");
        assertThat(card.locator(".cases")).containsText(caseNumber + " (待补正)");
        card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("代为提交补正材料（" + caseNumber + "）")).click();
        Locator onCase = window.locator("#mandate-cases li[data-case='" + caseNumber + "']");
        Locator correction = onCase.locator("section[id^=correction-]");
        assertThat(correction).isVisible();
        assertThat(correction.locator(".deficiencies")).hasText("申请书缺少申请人签字");
        correction.locator("input[type=file]").setInputFiles(pdf("食品经营许可申请书（已签字）.pdf"));
        correction.getByLabel("说明").fill("申请人已当面补签");
        correction.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("提交补正")).click();
        assertThat(window.locator("main [role=status]")).hasText("已代为提交补正材料，办件编号" + caseNumber);
        assertThat(onCase).containsText("待受理");
        assertThat(onCase.locator("section")).hasCount(0);
    }

    /** 张三 finds the mandate and the case under 我的 → 帮办代办授权, sees both names on the case, and ends it. */
    private void endAsApplicant(String mandate, String caseNumber) {
        signInAsApplicant("zhangsan");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("我的办件").setExact(true)).click();
        assertThat(page.locator("main")).containsText(caseNumber);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("我的").setExact(true)).click();
        page.locator("#mandates-link").click();
        assertThat(page.locator("h1")).hasText("帮办代办授权");
        Locator item = page.locator("#mandates li[data-id='" + mandate + "']");
        assertThat(item).containsText("食品经营许可");
        assertThat(item).containsText(PURPOSE);
        assertThat(item).containsText("有效期至" + UNTIL);
        assertThat(item.locator(".state")).hasText("有效");

        item.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("查看办件" + caseNumber)).click();
        assertThat(page.locator("#case-number")).hasText(caseNumber);
        assertThat(page.locator("#case-status")).hasText("待受理");
        // the steps taken for him say so (the applicant is not told staff names)
        for (String step : new String[] {"提交申请", "提交补正材料"}) {
            Locator entry = page.locator("#timeline li", new Page.LocatorOptions().setHasText(step)).first();
            assertThat(entry.locator(".acting-for")).hasText(ACTING_FOR);
        }
        assertThat(page.locator("#timeline")).not().containsText("window01");
        page.goBack();

        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("终止授权")).click();
        assertThat(page.locator("main [role=status]")).hasText("已终止授权");
        assertThat(item.locator(".state")).hasText("已终止");
        assertThat(item.getByRole(AriaRole.BUTTON)).hasCount(0);
        assertThat(item).containsText("查看办件" + caseNumber);
    }

    /** A PDF for every material of the application form under the mandate, named after the material. */
    private static void attachAll(Page window) {
        for (Locator input : window.locator("#apply input[type=file]").all()) {
            String material = window.locator("label[for='" + input.getAttribute("id") + "'] span").first().innerText();
            input.setInputFiles(pdf(material + ".pdf"));
        }
    }

    private static FilePayload pdf(String name) {
        return new FilePayload(name, "application/pdf", ("%PDF-1.4\n% " + name + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8));
    }
}

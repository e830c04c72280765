package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;

/**
 * 党建 in the browser, the records not tried elsewhere, in 2021 (a year no other test uses; the organisations were
 * founded in 2019): the organ committee records a session of the party group's central study group (第一议题, the
 * party group's secretary expected, two others 列席) and the party group's secretary reads it; a branch secretary
 * submits their 述职述廉 report with its PDF (an HTML page named .pdf refused, a second report of the year refused); the
 * organ committee records a provincial honour of that secretary, which shows on their record and in the figures; the
 * hall branch's party-affairs worker marks the member's window as a 党员先锋岗 (a second holder refused) and records
 * the member's missed volunteer sign-in with its reason (none, or a shift not begun, refused), and the member reads
 * both on their record.
 */
@ServerTest
class PartyRecordsJourneysTest extends BrowserTest {

    private static final String FIRST = "第一党支部（市场准入）";
    private static final String SECOND = "第二党支部（政务服务大厅）";
    private static final String SECRETARY = "第一党支部书记";
    private static final String WINDOW = "综合受理1号窗口";
    private static final String PLACE = "政务服务大厅导办台（2021年9月）";

    @Test
    void theCentralStudyGroupMeetsASecretaryReportsOnTheirDutyAndAProvincialHonourIsRecorded() throws IOException {
        // every one signs in before the clock moves (a TOTP code is used once)
        Page committee = staffPage("party02"); // the organ committee's deputy secretary: keeps the party group's minutes
        Page leader = staffPage("leader"); // the party group's secretary: reads everything, records nothing
        Page secretary = staffPage("secretary01"); // 第一党支部's secretary
        clock.travelTo(LocalDate.of(2021, 4, 20));
        try {
            String topic = centralStudy(committee);
            readCentralStudy(leader, topic);
            dutyReport(secretary);
            honour(committee);
            // the secretary reads the honour on their own record
            openParty(secretary);
            secretary.locator("#link-my-record").click();
            assertThat(secretary.locator("#recognition")).containsText("2021-04-16 某省五一劳动奖章（省级）· 某省总工会");
            figures(committee);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aWindowBecomesAVanguardPostAndAMissedVolunteerSignInIsRecordedWithItsReason() {
        Page worker = staffPage("party01"); // 第二党支部's party-affairs worker
        Page member = staffPage("window01"); // a member of 第二党支部 at 综合受理1号窗口, no party role
        clock.travelTo(LocalDate.of(2021, 9, 15));
        try {
            vanguardPost(worker);
            // the member reads the post on their own record
            openParty(member);
            member.locator("#link-my-record").click();
            assertThat(member.locator("h1")).hasText("考核、表彰与志愿服务 · 窗口人员");
            assertThat(member.locator("#recognition")).containsText("党员先锋岗：" + WINDOW + " 2021-09-01—至今");

            missedSignIn(worker);
            // the member's record: the shift recorded for them, its hours counted
            member.reload();
            var shift = member.locator("#volunteer li[data-duty='2021-09-14']");
            assertThat(shift).containsText("上午 08:30—12:00 · " + PLACE);
            assertThat(shift.locator(".tag")).hasText("补录");
            assertThat(shift.getByRole(AriaRole.BUTTON)).hasCount(0);
            assertThat(member.locator("#hours")).hasText("已签到1个班次，共3.5小时");
            assertThat(member.locator("#volunteer li[data-duty='2021-09-16'] .tag")).hasText("待上岗");

            // the branch's hours of September
            worker.locator("main p a", new Page.LocatorOptions().setHasText("志愿服务")).click();
            worker.locator("#hours #from").fill("2021-09-01");
            worker.locator("#hours #to").fill("2021-09-30");
            worker.locator("#hours button").click();
            assertThat(worker.locator("#hours tr[data-member='窗口人员'] td")).hasText(new String[] {"窗口人员", "1", "3.5"});

            // the member moves to another window today: the worker ends the post
            openBranch(worker);
            worker.locator("#link-recognition").click();
            var post = worker.locator("#vanguard-posts li[data-window='" + WINDOW + "']");
            post.getByLabel("截止日期").fill("2021-09-15");
            post.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("撤岗")).click();
            assertThat(post).containsText("2021-09-01—2021-09-15");
            assertThat(post.getByRole(AriaRole.BUTTON)).hasCount(0);
            member.reload();
            assertThat(member.locator("#recognition")).containsText("党员先锋岗：" + WINDOW + " 2021-09-01—2021-09-15");
        } finally {
            clock.reset();
        }
    }

    /**
     * The organ committee records the party group's central study of 16 April 2021: refused without attendees (the form
     * kept as filled in), then with the party group's secretary (expected) and two of the committee (列席).
     */
    private String centralStudy(Page p) {
        String topic = "2021年4月党组理论学习中心组学习：党史学习教育";
        openParty(p);
        p.locator("#link-central-study").click();
        assertThat(p.locator("h1")).hasText("党组理论学习中心组");
        assertThat(p.locator("#year")).hasValue("2021");
        assertThat(p.locator("#sessions tr[data-session='" + topic + "']")).hasCount(0);
        assertThat(p.locator("#attendance li[data-candidate='局长'] .tag")).hasCount(0); // expected: the group's secretary
        assertThat(p.locator("#attendance li[data-candidate='机关党委专职副书记'] .tag")).hasText("列席");

        p.locator("#kind").selectOption("SESSION");
        p.locator("#heldOn").fill("2021-04-16");
        p.locator("#topic").fill(topic);
        p.locator("#documents").fill("《论中国共产党历史》\n习近平在党史学习教育动员大会上的讲话");
        p.locator("#record-session input[name=firstAgendaItem]").check();
        p.locator("#guestSpeakers").fill("市委党校张教授");
        p.locator("#record-study").click();
        assertThat(p.locator("#attendance .field-error")).isVisible();
        assertThat(p.locator("h1")).hasText("党组理论学习中心组");
        assertThat(p.locator("#topic")).hasValue(topic);
        assertThat(p.locator("#heldOn")).hasValue("2021-04-16");
        assertThat(p.locator("#documents")).hasValue("《论中国共产党历史》\n习近平在党史学习教育动员大会上的讲话");
        assertThat(p.locator("#record-session input[name=firstAgendaItem]")).isChecked();
        assertThat(p.locator("#guestSpeakers")).hasValue("市委党校张教授");

        for (String name : List.of("局长", "机关党委专职副书记", "市场准入科科长")) {
            p.locator("#attendance li[data-candidate='" + name + "'] input[name=attendees]").check();
        }
        p.locator("#attendance li[data-candidate='局长'] input[name=speakers]").check();
        p.locator("#record-study").click();

        assertThat(p.locator("h1")).hasText(topic);
        assertThat(p.locator("main")).containsText("2021-04-16 · 党组理论学习中心组 · 集体学习");
        assertThat(p.locator("main .tag", new Page.LocatorOptions().setHasText("第一议题")).first()).isVisible();
        assertThat(p.locator("#documents li")).hasText(new String[] {"《论中国共产党历史》", "习近平在党史学习教育动员大会上的讲话"});
        assertThat(p.locator("#present h2")).hasText("参加（3人）");
        assertThat(p.locator("#present li[data-attendee='局长'] .tag")).hasCount(0);
        assertThat(p.locator("#present li[data-attendee='机关党委专职副书记'] .tag")).hasText("列席");
        assertThat(p.locator("#present li[data-attendee='市场准入科科长'] .tag")).hasText("列席");
        assertThat(p.locator("#speakers li")).hasText(new String[] {"局长", "特邀：市委党校张教授"});
        assertThat(p.locator("#absent")).hasCount(0); // the only expected attendee was there
        assertThat(p.locator("main")).containsText("记录人：party02");
        return topic;
    }

    /** The party group's secretary reads the session from 党建; they record nothing. */
    private void readCentralStudy(Page p, String topic) {
        openParty(p);
        p.locator("#link-central-study").click();
        assertThat(p.locator("h1")).hasText("党组理论学习中心组");
        assertThat(p.locator("#record-session")).hasCount(0);
        assertThat(p.locator("#sessions h2")).hasText("2021年学习记录");
        var row = p.locator("#sessions tr[data-session='" + topic + "']");
        assertThat(row.locator("td")).hasText(new String[] {"2021-04-16", "集体学习", topic + " 第一议题", "3"});
        row.locator("a").click();
        assertThat(p.locator("h1")).hasText(topic);
        assertThat(p.locator("#present li[data-attendee]")).hasCount(3);
    }

    /**
     * The secretary's report of 2021 from their record: an HTML page named .pdf is refused (the text kept), the real PDF
     * is taken and can be downloaded; a second report of the year is refused.
     */
    private void dutyReport(Page p) throws IOException {
        String text = "2021年一季度以来，本人履行支部书记第一责任人职责，带头讲党课，严守廉洁纪律。";
        openParty(p);
        p.locator("#link-my-record").click();
        assertThat(p.locator("h1")).hasText("考核、表彰与志愿服务 · " + SECRETARY);
        assertThat(p.locator("#duty-reports article[data-year='2021']")).hasCount(0);
        assertThat(p.locator("#rep-year")).hasValue("2021");
        p.locator("#rep-text").fill(text);
        p.locator("#rep-file").setInputFiles(new FilePayload("述职述廉报告.pdf", "application/pdf",
                "<html><body>not a pdf</body></html>".getBytes(StandardCharsets.UTF_8)));
        p.locator("#submit-report").click();
        assertThat(p.locator("#problem")).hasText("附件须为PDF文件（文件名以 .pdf 结尾，内容为PDF）");
        assertThat(p.locator("#duty-reports article[data-year='2021']")).hasCount(0);
        assertThat(p.locator("#rep-year")).hasValue("2021");
        assertThat(p.locator("#rep-text")).hasValue(text); // only the file needs choosing again

        byte[] pdf = "%PDF-1.4\n% 2021年度述职述廉报告（签字版）\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        p.locator("#rep-file").setInputFiles(new FilePayload("2021年度述职述廉报告.pdf", "application/pdf", pdf));
        p.locator("#submit-report").click();
        assertThat(p.locator("#problem")).hasCount(0);
        var report = p.locator("#duty-reports article[data-year='2021']");
        assertThat(report.locator("h3")).hasText("2021年度述职述廉报告");
        assertThat(report).containsText(text);
        assertThat(report).containsText("本人提交");
        Download download = p.waitForDownload(() -> report.locator("a").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("2021年度述职述廉报告.pdf");
        org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(download.path())).isEqualTo(pdf);

        // a second report of the same year is refused, the first stays
        p.locator("#rep-text").fill("补充报告");
        p.locator("#submit-report").click();
        assertThat(p.locator("#problem")).hasText("2021年度的述职述廉报告已提交，每人每年一份");
        assertThat(p.locator("#duty-reports article[data-year='2021']")).hasCount(1);
        assertThat(p.locator("#duty-reports article[data-year='2021']")).containsText(text);
        assertThat(p.locator("#rep-text")).hasValue("补充报告");
    }

    /**
     * The organ committee records the secretary's provincial honour (a second time refused); it shows on the
     * recognition page and on the secretary's record, with their report.
     */
    private void honour(Page p) {
        openParty(p);
        p.locator("#link-recognition").click();
        assertThat(p.locator("h1")).hasText("表彰与荣誉");
        var form = p.locator("#honour");
        form.locator("#h-subject").selectOption(new SelectOption().setLabel(SECRETARY + "（" + FIRST + "）"));
        form.locator("#h-name").fill("某省五一劳动奖章");
        form.locator("#h-level").selectOption("PROVINCIAL");
        form.locator("#h-body").fill("某省总工会");
        form.locator("#h-on").fill("2021-04-16");
        form.locator("#record-honour").click();
        assertThat(p.locator("#problem")).hasCount(0);
        var row = p.locator("#external-honours tr[data-honour='某省五一劳动奖章']");
        assertThat(row.locator("td")).hasText(new String[] {SECRETARY, "某省五一劳动奖章", "省级", "某省总工会", "2021-04-16"});

        // the same honour of the same member on the same day again: refused, the form kept
        form.locator("#h-subject").selectOption(new SelectOption().setLabel(SECRETARY + "（" + FIRST + "）"));
        form.locator("#h-name").fill("某省五一劳动奖章");
        form.locator("#h-level").selectOption("PROVINCIAL");
        form.locator("#h-body").fill("某省总工会");
        form.locator("#h-on").fill("2021-04-16");
        form.locator("#record-honour").click();
        assertThat(p.locator("#problem")).hasText("已录入过这项荣誉");
        assertThat(row).hasCount(1);
        assertThat(p.locator("#h-subject option:checked")).hasText(SECRETARY + "（" + FIRST + "）");
        assertThat(p.locator("#h-name")).hasValue("某省五一劳动奖章");
        assertThat(p.locator("#h-level")).hasValue("PROVINCIAL");
        assertThat(p.locator("#h-on")).hasValue("2021-04-16");

        // the secretary's record, from their branch: the honour and the report
        openParty(p);
        p.locator("#tree li[data-org='" + FIRST + "'] a").click();
        p.locator("#members tr[data-member='" + SECRETARY + "'] a").click();
        assertThat(p.locator("h1")).hasText(SECRETARY);
        p.locator("#link-member-record").click();
        assertThat(p.locator("h1")).hasText("考核、表彰与志愿服务 · " + SECRETARY);
        assertThat(p.locator("#recognition")).containsText("2021-04-16 某省五一劳动奖章（省级）· 某省总工会");
        assertThat(p.locator("#duty-reports article[data-year='2021']")).containsText("本人提交");
    }

    /** The organ committee's figures of April 2021: one member with a provincial honour. */
    private void figures(Page p) {
        openParty(p);
        p.locator("#link-figures").click();
        assertThat(p.locator("h1")).hasText("考核表彰与志愿服务统计");
        p.locator("#from").fill("2021-04-01");
        p.locator("#to").fill("2021-04-30");
        p.locator("main form button").click();
        assertThat(p.locator("#honours-external td")).hasText("1");
        assertThat(p.locator("#figures tr[data-level=PROVINCIAL] td")).hasText("1 / 0");
        assertThat(p.locator("#figures tr[data-level=NATIONAL] td")).hasText("0 / 0");
    }

    /**
     * The worker marks 综合受理1号窗口 as a vanguard post held by the member from 1 September 2021; 陈静 at the same window
     * from the 10th is refused, naming the holder, the form kept.
     */
    private void vanguardPost(Page p) {
        openBranch(p);
        p.locator("#link-recognition").click();
        assertThat(p.locator("h1")).hasText("表彰与荣誉");
        assertThat(p.locator("#vanguard-posts li[data-window='" + WINDOW + "']")).hasCount(0);
        var form = p.locator("#mark-post");
        form.locator("#p-window").selectOption(new SelectOption().setLabel(WINDOW));
        form.locator("#p-member").selectOption(new SelectOption().setLabel("窗口人员（" + SECOND + "）"));
        form.locator("#p-since").fill("2021-09-01");
        form.locator("#mark").click();
        assertThat(p.locator("#problem")).hasCount(0);
        var post = p.locator("#vanguard-posts li[data-window='" + WINDOW + "']");
        assertThat(post).containsText(WINDOW + " · 窗口人员");
        assertThat(post).containsText("2021-09-01—至今");

        form.locator("#p-window").selectOption(new SelectOption().setLabel(WINDOW));
        form.locator("#p-member").selectOption(new SelectOption().setLabel("陈静（" + SECOND + "）"));
        form.locator("#p-since").fill("2021-09-10");
        form.locator("#mark").click();
        assertThat(p.locator("#problem")).hasText("该窗口已有党员先锋岗（窗口人员，自2021-09-01起），请先撤岗");
        assertThat(post).hasCount(1);
        assertThat(post).containsText("窗口人员");
        assertThat(p.locator("#p-window option:checked")).hasText(WINDOW);
        assertThat(p.locator("#p-member option:checked")).hasText("陈静（" + SECOND + "）");
        assertThat(p.locator("#p-since")).hasValue("2021-09-10");
    }

    /**
     * The branch's roster of September 2021 at the hall; the member was on yesterday morning's shift and did not sign
     * in: the worker records it, first without a reason (refused), then with one.
     */
    private void missedSignIn(Page p) {
        openBranch(p);
        p.locator("#link-rosters").click();
        p.locator("#r-place").fill(PLACE);
        p.locator("#r-kind").selectOption("HALL");
        p.locator("#r-from").fill("2021-09-01");
        p.locator("#r-to").fill("2021-09-30");
        p.locator("#create-roster").click();
        assertThat(p.locator("h1")).hasText(PLACE);
        p.locator("#a-shift").selectOption(new SelectOption().setLabel("上午"));
        p.locator("#a-day").fill("2021-09-14");
        p.locator("#a-member").selectOption(new SelectOption().setLabel("窗口人员"));
        p.locator("#assign-member").click();
        var duty = p.locator("#duties div", new Page.LocatorOptions().setHasText("2021-09-14"))
                .locator("li[data-duty='窗口人员']");
        assertThat(duty.locator(".tag")).hasText("未签到"); // the shift is over, nobody signed in

        duty.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("补录签到")).click();
        assertThat(p.locator("#problem")).hasText("请写明补录原因（200字以内）");
        assertThat(duty.locator(".tag")).hasText("未签到");

        String reason = "当日签到终端故障，以现场纸质签到表为准";
        duty.getByLabel("原因").fill(reason);
        duty.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("补录签到")).click();
        assertThat(p.locator("#problem")).hasCount(0);
        assertThat(duty.locator(".tag")).hasText("补录");
        assertThat(duty).containsText(reason);
        assertThat(duty.getByRole(AriaRole.BUTTON)).hasCount(0);

        // tomorrow's shift cannot be recorded yet: refused, the reason kept in its row
        p.locator("#a-shift").selectOption(new SelectOption().setLabel("上午"));
        p.locator("#a-day").fill("2021-09-16");
        p.locator("#a-member").selectOption(new SelectOption().setLabel("窗口人员"));
        p.locator("#assign-member").click();
        var tomorrow = p.locator("#duties div", new Page.LocatorOptions().setHasText("2021-09-16"))
                .locator("li[data-duty='窗口人员']");
        assertThat(tomorrow.locator(".tag")).hasText("待上岗");
        tomorrow.getByLabel("原因").fill("提前补录");
        tomorrow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("补录签到")).click();
        assertThat(p.locator("#problem")).hasText("班次尚未开始，不能补录签到");
        assertThat(tomorrow.locator(".tag")).hasText("待上岗");
        assertThat(tomorrow.getByLabel("原因")).hasValue("提前补录");
        assertThat(duty.getByLabel("原因")).hasCount(0);
    }

    private static void openParty(Page p) {
        p.locator("header.site nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("党建")
                .setExact(true)).click();
        assertThat(p.locator("h1")).hasText("党建");
    }

    private static void openBranch(Page p) {
        openParty(p);
        p.locator("#tree li[data-org='" + SECOND + "'] a").click();
        assertThat(p.locator("h1")).hasText(SECOND);
    }
}

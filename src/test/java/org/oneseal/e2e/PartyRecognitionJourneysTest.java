package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;

/**
 * 党建 in the browser, assessment, recognition and volunteer duty, on 14 June 2023 (a month no other test uses): the
 * hall branch's party-affairs worker grades the branch's members for May (优秀 without a comment is refused), the
 * organ committee publishes May's notice and commends a member, and the member reads the notice, their grade and the
 * commendation on their own record; the worker plans a volunteer roster and puts the member on two shifts of the day,
 * and the member signs in for each within its window (not before), and the hours show on both sides and in the organ
 * committee's figures.
 */
@ServerTest
class PartyRecognitionJourneysTest extends BrowserTest {

    private static final String SECOND = "第二党支部（政务服务大厅）";
    private static final String COMMITTEE = "中共示范市行政审批局机关委员会";
    private static final String PLACE = "政务服务大厅导办台（2023年6月）";

    @Test
    void aMonthIsGradedAndPublishedAMemberIsCommendedAndSignsInForTheirVolunteerShifts() {
        // every one signs in before the clock moves (a TOTP code is used once)
        Page worker = staffPage("party01"); // 第二党支部's party-affairs worker
        Page committee = staffPage("party02"); // the organ committee's deputy secretary
        Page member = staffPage("window01"); // a member of 第二党支部, no party role
        clock.travelTo(LocalDate.of(2023, 6, 14));
        try {
            grade(worker);
            publish(committee);
            // the sheet of a published month is locked
            worker.reload();
            assertThat(worker.locator("#published")).hasText("已通报，等次已锁定");
            assertThat(worker.locator("#sheet form")).hasCount(0);
            commend(committee);
            readNoticeAndRecord(member);
            roster(worker);
            signIn(member);
            // the roster and the branch's hours show the member's signed-in shifts
            worker.reload();
            assertThat(worker.locator("#duties li[data-duty='窗口人员']")).hasCount(2);
            assertThat(worker.locator("#duties li[data-duty='窗口人员'] .tag")).hasText(new String[] {"已签到", "已签到"});
            worker.locator("main p a", new Page.LocatorOptions().setHasText("志愿服务")).click();
            worker.locator("#hours #from").fill("2023-06-01");
            worker.locator("#hours #to").fill("2023-06-30");
            worker.locator("#hours button").click();
            assertThat(worker.locator("#hours tr[data-member='窗口人员'] td")).hasText(new String[] {"窗口人员", "2", "7.0"});
            figures(committee);
        } finally {
            clock.reset();
        }
    }

    /** May 2023 on 第二党支部's sheet: 窗口人员 优秀 (refused without a comment first), 陈静 良好, 赵磊 一般. */
    private void grade(Page p) {
        openBranch(p);
        p.locator("#link-assessments").click();
        assertThat(p.locator("h1")).hasText("月度考核 · " + SECOND);
        assertThat(p.locator("#month")).hasValue("2023-05"); // last month, by default
        assertThat(p.locator("#sheet h2")).hasText("2023-05");
        for (String name : new String[] {"党务干事", "窗口人员", "陈静", "赵磊"}) {
            assertThat(p.locator("#sheet tr[data-member='" + name + "'] td").nth(1)).hasText("未评定");
        }
        gradeRow(p, "窗口人员", "EXCELLENT", "");
        assertThat(p.locator("#problem")).hasText("评为优秀或较差须写明评语");
        assertThat(p.locator("#sheet tr[data-member='窗口人员'] td").nth(1)).hasText("未评定");

        gradeRow(p, "窗口人员", "EXCELLENT", "窗口服务零差评，群众来信表扬");
        assertThat(p.locator("#problem")).hasCount(0);
        gradeRow(p, "陈静", "GOOD", "");
        gradeRow(p, "赵磊", "FAIR", "");
        assertThat(p.locator("#sheet tr[data-member='窗口人员'] td")).containsText(new String[] {"优秀", "窗口服务零差评，群众来信表扬"});
        assertThat(p.locator("#sheet tr[data-member='陈静'] td").nth(1)).hasText("良好");
        assertThat(p.locator("#sheet tr[data-member='赵磊'] td").nth(1)).hasText("一般");
        assertThat(p.locator("#sheet tr[data-member='党务干事'] td").nth(1)).hasText("未评定");
        // graded rows can still be changed until the notice: their button says so
        assertThat(p.locator("#sheet tr[data-member='陈静'] button")).hasText("修改");
    }

    private static void gradeRow(Page p, String name, String grade, String comment) {
        var row = p.locator("#sheet tr[data-member='" + name + "']");
        row.locator("select[name=grade]").selectOption(grade);
        row.locator("input[name=comment]").fill(comment);
        row.locator("button").click();
        assertThat(p.locator("#sheet h2")).hasText("2023-05");
    }

    /** The organ committee publishes May's notice: per branch the grades counted, the ungraded, the excellent named. */
    private void publish(Page p) {
        openParty(p);
        p.locator("#link-notices").click();
        assertThat(p.locator("h1")).hasText("考核通报");
        assertThat(p.locator("#publish-month")).hasValue("2023-05");
        p.locator("#preview #publish").click();
        assertThat(p.locator("h1")).hasText("2023-05月度考核通报");
        assertThat(p.locator("main")).containsText("2023-06-14发布");
        assertThat(p.locator("#draft")).hasCount(0);
        assertThat(p.locator("#results tr[data-branch='" + SECOND + "'] td"))
                .hasText(new String[] {SECOND, "1", "1", "1", "0", "1", "窗口人员"});
    }

    /** The organ committee commends the member: 2023 优秀共产党员. */
    private void commend(Page p) {
        openParty(p);
        p.locator("#link-recognition").click();
        assertThat(p.locator("h1")).hasText("表彰与荣誉");
        p.locator("#c-kind").selectOption("OUTSTANDING_MEMBER");
        assertThat(p.locator("#c-year")).hasValue("2023");
        p.locator("#c-on").fill("2023-06-14");
        p.locator("#c-body").fill(COMMITTEE);
        p.locator("#c-doc").fill("示审机党〔2023〕7号");
        p.locator("#c-member").selectOption(new SelectOption().setLabel("窗口人员（" + SECOND + "）"));
        p.locator("#record-commendation").click();
        assertThat(p.locator("#problem")).hasCount(0);
        assertThat(p.locator("#commendations tr[data-kind=OUTSTANDING_MEMBER][data-year='2023'] td"))
                .hasText(new String[] {"2023", "优秀共产党员", "窗口人员", COMMITTEE, "示审机党〔2023〕7号", "2023-06-14"});
    }

    /** The member: May's notice names them among the excellent; their record shows the grade and the commendation. */
    private void readNoticeAndRecord(Page p) {
        openParty(p);
        p.locator("#link-notices").click();
        assertThat(p.locator("#preview")).hasCount(0); // a member reads published notices only
        p.locator("#published-notices li[data-month='2023-05'] a").click();
        assertThat(p.locator("h1")).hasText("2023-05月度考核通报");
        assertThat(p.locator("#results tr[data-branch='" + SECOND + "'] td").last()).hasText("窗口人员");
        assertThat(p.locator("#publish")).hasCount(0);

        openParty(p);
        p.locator("#link-my-record").click();
        assertThat(p.locator("h1")).hasText("考核、表彰与志愿服务 · 窗口人员");
        assertThat(p.locator("#grades tr[data-month='2023-05'] td"))
                .hasText(new String[] {"2023-05", "优秀", "窗口服务零差评，群众来信表扬", "已通报，等次已锁定"});
        assertThat(p.locator("#recognition")).containsText("2023 优秀共产党员 · " + COMMITTEE + " 示审机党〔2023〕7号");
    }

    /** 第二党支部's roster for June at the hall, the proposed shifts; the member on the morning and afternoon shift today. */
    private void roster(Page p) {
        openBranch(p);
        p.locator("#link-rosters").click();
        assertThat(p.locator("h1")).hasText("志愿服务 · " + SECOND);
        p.locator("#r-place").fill(PLACE);
        p.locator("#r-kind").selectOption("HALL");
        p.locator("#r-from").fill("2023-06-01");
        p.locator("#r-to").fill("2023-06-30");
        p.locator("#create-roster").click();
        assertThat(p.locator("h1")).hasText(PLACE);
        assertThat(p.locator("#shifts li")).hasText(new String[] {"上午 08:30—12:00", "下午 14:00—17:30", "晚上 18:00—20:30"});
        for (String shift : new String[] {"上午", "下午"}) {
            p.locator("#a-shift").selectOption(new SelectOption().setLabel(shift));
            p.locator("#a-day").fill("2023-06-14");
            p.locator("#a-member").selectOption(new SelectOption().setLabel("窗口人员"));
            p.locator("#assign-member").click();
            assertThat(p.locator("#duties li[data-duty='窗口人员']", new Page.LocatorOptions().setHasText(shift)))
                    .containsText("待上岗");
        }
        assertThat(p.locator("#duties h3")).hasText("2023-06-14");
    }

    /** The member signs in for the morning shift at 10:00; the afternoon one only opens at 13:30, then it works. */
    private void signIn(Page p) {
        openParty(p);
        p.locator("#link-my-record").click();
        var morning = p.locator("#volunteer li[data-duty='2023-06-14']", new Page.LocatorOptions().setHasText("上午"));
        var afternoon = p.locator("#volunteer li[data-duty='2023-06-14']", new Page.LocatorOptions().setHasText("下午"));
        assertThat(morning).containsText("08:30—12:00 · " + PLACE);
        assertThat(p.locator("#hours")).hasText("已签到0个班次，共0小时");
        morning.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("签到")).click();
        assertThat(morning.locator(".tag")).hasText("已签到");
        assertThat(p.locator("#hours")).hasText("已签到1个班次，共3.5小时");

        afternoon.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("签到")).click();
        assertThat(p.locator("#problem")).hasText("签到时间为2023-06-14 13:30至18:00");
        assertThat(afternoon.locator(".tag")).hasText("待上岗");

        clock.advance(Duration.ofHours(4)); // about 14:00: the afternoon shift has begun
        openParty(p);
        p.locator("#link-my-record").click();
        afternoon.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("签到")).click();
        assertThat(afternoon.locator(".tag")).hasText("已签到");
        assertThat(p.locator("#hours")).hasText("已签到2个班次，共7小时");
    }

    /** The organ committee's figures of May and June 2023: the grades, the notice, the commendation, the hours. */
    private void figures(Page p) {
        openParty(p);
        p.locator("#link-figures").click();
        assertThat(p.locator("h1")).hasText("考核表彰与志愿服务统计");
        p.locator("#from").fill("2023-05-01");
        p.locator("#to").fill("2023-06-30");
        p.locator("main form button").click();
        assertThat(p.locator("#honours-members td")).hasText("1");
        assertThat(p.locator("#volunteer-hours td")).hasText("1名党员，2个班次，7小时");
        assertThat(p.locator("#assessments td")).containsText("优秀 1");
        assertThat(p.locator("#assessments td")).containsText("良好 1");
        assertThat(p.locator("#assessments td")).containsText("一般 1");
        assertThat(p.locator("#assessments td")).containsText("较差 0");
        assertThat(p.locator("#assessments td")).containsText("已发布通报1期");
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

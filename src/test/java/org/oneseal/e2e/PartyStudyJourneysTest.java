package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;

/**
 * 党建 in the browser, study (五学联动), in June 2023 (a month no other test uses): a branch secretary records the
 * branch's study with who attended and who spoke, and imports the 学习强国 points of May from the downloaded template —
 * a file with one bad row is refused with the row named and nothing imported, the corrected file is imported; the hall
 * branch's party-affairs worker issues a reading list, and a plain member of that branch confirms receiving it and
 * submits a study reflection on their own study page; the worker records a visit with the member and sees who is behind
 * with their reflections.
 */
@ServerTest
class PartyStudyJourneysTest extends BrowserTest {

    private static final String FIRST = "第一党支部（市场准入）";
    private static final String SECOND = "第二党支部（政务服务大厅）";

    @Test
    void aBranchRecordsItsStudyAndImportsStudyPointsAndAMemberConfirmsAReadingListAndSubmitsAReflection()
            throws IOException {
        // every one signs in before the clock moves (a TOTP code is used once)
        Page secretary = staffPage("secretary01");
        Page worker = staffPage("party01");
        Page member = staffPage("window01");
        clock.travelTo(LocalDate.of(2023, 6, 12));
        try {
            branchStudy(secretary);
            studyPoints(secretary);
            String list = readingList(worker);
            activity(worker);
            ownStudy(member, list);
            // the worker sees the member's receipt, confirmed by the member themselves
            openBranch(worker, SECOND);
            worker.locator("#link-reading-lists").click();
            var listed = worker.locator("#lists tr[data-list='" + list + "']");
            assertThat(listed).containsText("1/4人已签收");
            listed.locator("a").click();
            assertThat(worker.locator("#confirmed li[data-confirmed='窗口人员']")).isVisible();
            assertThat(worker.locator("#confirmed li[data-confirmed='窗口人员']")).not().containsText("党务工作者登记");
            assertThat(worker.locator("#pending li[data-pending='窗口人员']")).hasCount(0);
            assertThat(worker.locator("#pending li[data-pending='陈静']")).isVisible();
            // and who is behind with reflections this year: by the end of May one is owed; the member has written it
            openBranch(worker, SECOND);
            worker.locator("#link-reflections").click();
            assertThat(worker.locator("h1")).hasText(SECOND + "的学习心得");
            var own = worker.locator("#progress tr[data-member='窗口人员']");
            assertThat(own).hasAttribute("data-behind", "false");
            assertThat(own.locator("td")).containsText(new String[] {"窗口人员", SECOND, "1", "1", "4", "正常"});
            assertThat(worker.locator("#progress tr[data-member='陈静']")).hasAttribute("data-behind", "true");
            assertThat(worker.locator("#progress tr[data-member='陈静'] .tag")).hasText("落后");
        } finally {
            clock.reset();
        }
    }

    /** 第一党支部's study of 8 June 2023: three of its members there, the secretary spoke; the others absent. */
    private void branchStudy(Page p) {
        String topic = "2023年6月支部学习：学习贯彻党的二十大精神";
        openBranch(p, FIRST);
        p.locator("#link-study").click();
        assertThat(p.locator("h1")).hasText(FIRST + "的学习");
        assertThat(p.locator("#sessions tr[data-session='" + topic + "']")).hasCount(0);
        p.locator("#kind").selectOption("SESSION");
        p.locator("#heldOn").fill("2023-06-08");
        p.locator("#topic").fill(topic);
        p.locator("#documents").fill("《习近平新时代中国特色社会主义思想专题摘编》\n党的二十大报告");
        p.locator("#record-session input[name=firstAgendaItem]").check();
        for (String name : List.of("第一党支部书记", "李强", "王芳")) {
            p.locator("#attendance li[data-candidate='" + name + "'] input[name=attendees]").check();
        }
        p.locator("#attendance li[data-candidate='第一党支部书记'] input[name=speakers]").check();
        p.locator("#record-study").click();

        assertThat(p.locator("h1")).hasText(topic);
        assertThat(p.locator("main")).containsText("2023-06-08");
        assertThat(p.locator("main .tag", new Page.LocatorOptions().setHasText("第一议题")).first()).isVisible();
        assertThat(p.locator("#documents li")).hasCount(2);
        assertThat(p.locator("#present h2")).hasText("参加（3人）");
        assertThat(p.locator("#present li[data-attendee]")).hasCount(3);
        assertThat(p.locator("#speakers")).containsText("第一党支部书记");
        assertThat(p.locator("#speakers")).not().containsText("李强");
        assertThat(p.locator("#absent")).containsText("市场准入科科长");
        assertThat(p.locator("#absent")).containsText("审查员");
        // back to the branch's study: the session is listed with its three attendees
        p.locator("main p a", new Page.LocatorOptions().setHasText(FIRST)).click();
        var row = p.locator("#sessions tr[data-session='" + topic + "']");
        assertThat(row).containsText("2023-06-08");
        assertThat(row).containsText("集体学习");
        assertThat(row.locator("td").last()).hasText("3");
    }

    /** The points of May 2023 from the downloaded template: one bad row refuses the whole file, the fixed file goes in. */
    private void studyPoints(Page p) throws IOException {
        openBranch(p, FIRST);
        p.locator("#link-study-points").click();
        assertThat(p.locator("h1")).hasText(FIRST + "的学习积分");
        assertThat(p.locator("#points")).containsText("没有积分");
        Download download = p.waitForDownload(() -> p.locator("#template").click());
        String template = Files.readString(download.path(), StandardCharsets.UTF_8);
        List<String> lines = template.replace("\uFEFF", "").lines().filter(l -> !l.isBlank()).toList();
        org.assertj.core.api.Assertions.assertThat(lines.getFirst()).isEqualTo("党员编号,姓名,期间,积分");
        org.assertj.core.api.Assertions.assertThat(lines.subList(1, lines.size()))
                .allMatch(l -> l.endsWith(",2023-05,"))
                .anyMatch(l -> l.contains(",李强,")).anyMatch(l -> l.contains(",王芳,"));

        // the secretary fills in the points; 李强's are written in words: the whole file is refused, that row named
        int badLine = 0;
        List<String> filled = new ArrayList<>(List.of(lines.getFirst()));
        List<String> bad = new ArrayList<>(List.of(lines.getFirst()));
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean li = l.contains(",李强,");
            if (li) {
                badLine = i + 1;
            }
            filled.add(l + (li ? "1260" : String.valueOf(1000 + i)));
            bad.add(l + (li ? "一千二百六十" : String.valueOf(1000 + i)));
        }
        upload(p, bad);
        var problem = p.locator("#import-problems tr[data-line='" + badLine + "']");
        assertThat(p.locator("#import-problems")).containsText("文件有1处问题，未导入任何数据");
        assertThat(problem).containsText("积分");
        assertThat(problem).containsText("积分“一千二百六十”不对");
        assertThat(p.locator("#points")).containsText("没有积分");
        assertThat(p.locator("#imports")).hasCount(0);

        upload(p, filled);
        assertThat(p.locator("#imported")).hasText("已导入" + (lines.size() - 1) + "行（2023-05），替换原有0行");
        assertThat(p.locator("#import-problems")).hasCount(0);
        var liQiang = p.locator("#points tr[data-member='李强']");
        assertThat(liQiang.locator("td")).containsText(new String[] {"李强", "1260", "1260"});
        assertThat(p.locator("#points thead")).containsText("2023-05");
        assertThat(p.locator("#imports li")).hasCount(1);
        assertThat(p.locator("#imports li")).containsText("secretary01导入 2023-05");
    }

    /** 第二党支部's worker issues a list to the branch's members of the day; the list's page shows who has it. */
    private String readingList(Page p) {
        String title = "2023年夏季学习书目";
        openBranch(p, SECOND);
        p.locator("#link-reading-lists").click();
        p.locator("#title").fill(title);
        p.locator("#issuedOn").fill("2023-06-12");
        p.locator("#titles").fill("《习近平著作选读》第一卷\n《中国共产党简史》");
        p.locator("#issue").click();
        assertThat(p.locator("h1")).hasText(title);
        assertThat(p.locator("#titles li")).hasCount(2);
        assertThat(p.locator("#pending li[data-pending='窗口人员']")).isVisible();
        assertThat(p.locator("#confirmed li")).hasCount(0);
        return title;
    }

    /** 第二党支部's visit to the city's party history museum, two members taking part. */
    private void activity(Page p) {
        openBranch(p, SECOND);
        p.locator("#link-activities").click();
        assertThat(p.locator("h1")).hasText(SECOND + "的学习活动");
        p.locator("#kind").selectOption("VISIT");
        p.locator("#heldOn").fill("2023-06-10");
        p.locator("#title").fill("参观示范市党史馆");
        p.locator("#place").fill("示范市党史馆");
        p.locator("#record-activity").getByLabel("窗口人员", new Locator.GetByLabelOptions().setExact(true)).check();
        p.locator("#record-activity").getByLabel("陈静", new Locator.GetByLabelOptions().setExact(true)).check();
        p.locator("#record-activity-button").click();
        var recorded = p.locator("#activities li[data-activity='参观示范市党史馆']");
        assertThat(recorded).containsText("2023-06-10 · 参观学习 · 示范市党史馆");
        assertThat(recorded).containsText("参加2人：");
        assertThat(recorded).containsText("窗口人员");
    }

    /** The member's own study page: the list confirmed; a reflection refused without its text, then submitted. */
    private void ownStudy(Page p, String list) {
        p.locator("header.site nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("党建")
                .setExact(true)).click();
        p.locator("#link-my-study").click();
        assertThat(p.locator("h1")).hasText("窗口人员的学习档案");

        var issued = p.locator("#my-reading-lists li[data-list='" + list + "']");
        assertThat(issued).containsText("《中国共产党简史》");
        issued.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("确认收到")).click();
        assertThat(p.locator("main .alert.ok")).hasText("已确认收到书目");
        assertThat(issued.locator(".tag.ok")).hasText("已签收");
        assertThat(issued.getByRole(AriaRole.BUTTON)).hasCount(0);

        String title = "在窗口服务中践行主题教育的体会";
        var form = p.locator("#reflection-form");
        assertThat(form.locator("#writtenOn")).hasValue("2023-06-12");
        form.locator("#title").fill(title);
        form.locator("#body").fill("   ");
        form.locator("#submit-reflection").click();
        assertThat(p.locator("#reflection-form .field-error")).hasText("请填写正文（20000字以内）");
        assertThat(p.locator("#my-reflections li[data-reflection='" + title + "']")).hasCount(0);
        assertThat(p.locator("#reflection-form #title")).hasValue(title);
        p.locator("#reflection-form #body").fill("以群众办事的难点为镜，查找窗口服务的不足，逐项整改。");
        p.locator("#reflection-form #submit-reflection").click();
        assertThat(p.locator("main .alert.ok")).hasText("学习心得已保存");
        assertThat(p.locator("#my-reflections li[data-reflection='" + title + "']")).containsText("2023-06-12 " + title);
        assertThat(p.locator("#my-reflections p[data-behind]")).containsText("今年已交1篇");
        assertThat(p.locator("#my-activities")).containsText("2023-06-10 参观学习 · 参观示范市党史馆");
    }

    /** 党建 → the branch, from the workbench's navigation. */
    private void openBranch(Page p, String branch) {
        p.locator("header.site nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("党建")
                .setExact(true)).click();
        p.locator("#tree li[data-org='" + branch + "'] a").click();
        assertThat(p.locator("h1")).hasText(branch);
    }

    private void upload(Page p, List<String> lines) {
        p.locator("#file").setInputFiles(new FilePayload("学习强国积分-2023-05.csv", "text/csv",
                (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8)));
        p.locator("#import-points").click();
    }
}

package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 党建 in the browser: a branch secretary's quarter of 三会一课, its compliance (the missing party lesson lapsed), the
 * quarter's figures as the organ committee reads them from the API, and a rectification item closed with evidence.
 */
@ServerTest
class PartyJourneysTest extends BrowserTest {

    private static final List<String> BRANCH = List.of("第一党支部书记", "市场准入科科长", "李强", "审查员", "王芳");
    private static final List<String> COMMITTEE = List.of("第一党支部书记", "市场准入科科长");
    private static final List<String> CELL = List.of("审查员", "王芳");

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBranchSecretaryRecordsAQuartersMeetingsSeesTheMissingLessonAsALapseAndClosesARectificationItemWithEvidence() {
        Page secretary = staffPage("secretary01"); // signed in before the clock moves (a TOTP code is used once)
        Page committee = staffPage("party02"); // the organ committee reads the bureau's party figures
        long branch = jdbc.sql("select id from oneseal.party_org where name = '第一党支部（市场准入）'").query(Long.class).single();
        clock.travelTo(LocalDate.of(2025, 4, 3));
        try {
            secretary.navigate(url("/workbench/party/orgs/" + branch));
            secretary.locator("#link-meetings").click();
            assertThat(secretary.locator("h1")).containsText("三会一课");
            String meetings = secretary.url();
            String quarter = "/api/v1/party/figures?from=2025-01-01&to=2025-03-31";
            // a branch secretary does not read the bureau's figures; the organ committee does (before and after)
            assertThat(secretary.request().get(url(quarter))).not().isOK();
            JsonNode before = figures(committee, quarter);

            // the first quarter of 2025: everything but the party lesson
            record(secretary, meetings, "BRANCH_GENERAL_MEETING", "2025-01-16", "一季度支部党员大会", BRANCH, null);
            for (String month : List.of("01", "02", "03")) {
                record(secretary, meetings, "BRANCH_COMMITTEE_MEETING", "2025-" + month + "-06", month + "月支委会", COMMITTEE, null);
                record(secretary, meetings, "CELL_MEETING", "2025-" + month + "-12", month + "月读书研讨", CELL, "第一党小组（读书研讨小组）");
                record(secretary, meetings, "THEMED_PARTY_DAY", "2025-" + month + "-20", month + "月主题党日", BRANCH, null);
            }
            record(secretary, meetings, "ORGANISATIONAL_LIFE_MEETING", "2025-03-27", "2024年度组织生活会", BRANCH, null);
            // a bad one: the cell meeting without its cell is refused, with the field named
            secretary.navigate(meetings);
            secretary.locator("#kind").selectOption("CELL_MEETING");
            secretary.locator("#heldOn").fill("2025-03-25");
            secretary.locator("#topic").fill("没有选党小组");
            CELL.forEach(n -> secretary.locator("#attendance tr[data-member='" + n + "'] input[type=checkbox]").check());
            secretary.locator("#record-submit").click();
            assertThat(secretary.locator("#cellId-error")).containsText("党小组会须选择党小组");

            // the compliance of the quarter: the party lesson lapsed, the rest met
            secretary.locator("#meeting-links a").first().click();
            secretary.locator("#previous-period").click();
            assertThat(secretary.locator("#summary")).containsText("2025-Q1：逾期未落实1项");
            var lesson = secretary.locator("tr[data-kind=PARTY_LESSON] li[data-window='2025-Q1']");
            assertThat(lesson).hasAttribute("data-state", "LAPSED");
            assertThat(lesson).containsText("逾期未落实");
            assertThat(secretary.locator("tr[data-kind=BRANCH_GENERAL_MEETING] li[data-window='2025-Q1']"))
                    .hasAttribute("data-state", "MET");
            assertThat(secretary.locator("tr[data-kind=BRANCH_COMMITTEE_MEETING] li[data-state=MET]")).hasCount(3);
            assertThat(secretary.locator("tr[data-kind=CELL_MEETING] li[data-state=MET]")).hasCount(3);
            assertThat(secretary.locator("tr[data-kind=THEMED_PARTY_DAY] li[data-state=MET]")).hasCount(3);

            // the figures of the quarter count what was recorded: 1 + 3 + 3 + 3 + 1 meetings, no party lesson
            JsonNode after = figures(committee, quarter);
            java.util.Map<String, Integer> recorded = java.util.Map.of("BRANCH_GENERAL_MEETING", 1,
                    "BRANCH_COMMITTEE_MEETING", 3, "CELL_MEETING", 3, "THEMED_PARTY_DAY", 3,
                    "ORGANISATIONAL_LIFE_MEETING", 1, "PARTY_LESSON", 0);
            recorded.forEach((kind, n) -> org.assertj.core.api.Assertions.assertThat(
                    after.path("meetingsByKind").path(kind).asLong() - before.path("meetingsByKind").path(kind).asLong())
                    .as(kind).isEqualTo(n.longValue()));
            org.assertj.core.api.Assertions.assertThat(after.path("byId").path("party.lessons.branchPersonTimes").asLong())
                    .isEqualTo(before.path("byId").path("party.lessons.branchPersonTimes").asLong());
            org.assertj.core.api.Assertions.assertThat(after.path("byId").has("honours.members")).isTrue();
            // the organ committee's page of every branch: the branch's worst state of each requirement in the quarter
            committee.navigate(url("/workbench/party"));
            committee.locator("#compliance-overview-link a").click();
            committee.locator("#previous-period").click();
            assertThat(committee.locator("#period")).hasValue("2025-Q1");
            var overview = committee.locator("#branches tr[data-branch='第一党支部（市场准入）']");
            assertThat(overview.locator("td[data-kind=PARTY_LESSON]")).hasText("逾期未落实");
            assertThat(overview.locator("td[data-kind=BRANCH_GENERAL_MEETING]")).hasText("已落实");
            assertThat(overview.locator("td[data-kind=THEMED_PARTY_DAY]")).hasText("已落实");

            // the organisational life meeting's rectification list: one item, 10 working days, closed with evidence
            secretary.navigate(url("/workbench/party/orgs/" + branch + "/rectification"));
            secretary.locator("#list-title").fill("2024年度组织生活会整改清单");
            secretary.locator("#meetingId").selectOption(new SelectOption().setIndex(0));
            secretary.locator("#create-list").click();
            var list = secretary.locator("section[data-list='2024年度组织生活会整改清单']");
            assertThat(list).containsText("2024年度组织生活会");
            list.locator("textarea[name=problem]").fill("理论学习与业务工作结合不紧");
            list.locator("textarea[name=measure]").fill("每月围绕审批业务开展一次专题学习");
            list.locator("select[name=ownerId]").selectOption(new SelectOption().setLabel("李强"));
            list.locator("input[name=workingDays]").fill("10");
            list.locator("button[id^=add-item-]").click();
            // 27 March 2025 + 10 working days, across the Qingming holiday (4–6 April)
            var item = secretary.locator("section[data-list='2024年度组织生活会整改清单'] tr[data-item]");
            assertThat(item).containsText("2025-04-11");
            item.locator("a").click();
            secretary.locator("#close-item").click();
            assertThat(secretary.locator("#problem")).containsText("没有整改佐证不能销号");
            assertThat(secretary.locator("#item-state")).hasText("整改中");
            secretary.locator("#close-evidence").fill("已制定年度专题学习计划，2月起每月开展");
            secretary.locator("#close-files").setInputFiles(new FilePayload("学习计划.pdf", "application/pdf",
                    "%PDF-1.4 plan".getBytes(StandardCharsets.US_ASCII)));
            secretary.locator("#close-item").click();
            assertThat(secretary.locator("#item-state")).hasText("已销号");
            assertThat(secretary.locator("#evidence-files")).containsText("学习计划.pdf");
            assertThat(secretary.locator("#item-history li[data-kind=CLOSED]")).hasCount(1);
        } finally {
            clock.reset();
        }
    }

    /** The party figures of a period, as the organ committee's browser gets them from the API. */
    private static JsonNode figures(Page p, String path) {
        var response = p.request().get(p.url().replaceAll("(https?://[^/]+).*", "$1") + path);
        assertThat(response).isOK();
        return JsonMapper.builder().build().readTree(response.text());
    }

    /** Records a meeting on the branch's meetings page: those named are present. */
    private void record(Page p, String meetings, String kind, String day, String topic, List<String> present, String cell) {
        p.navigate(meetings);
        p.locator("#kind").selectOption(kind);
        p.locator("#heldOn").fill(day);
        p.locator("#topic").fill(topic);
        if (cell != null) {
            p.locator("#cellId").selectOption(new SelectOption().setLabel(cell));
        }
        present.forEach(n -> p.locator("#attendance tr[data-member='" + n + "'] input[type=checkbox]").check());
        p.locator("#record-submit").click();
        assertThat(p.locator("h1")).hasText(topic);
    }
}

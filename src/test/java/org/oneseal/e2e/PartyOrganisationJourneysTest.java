package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 党建 in the browser, the organisation: the organ committee's deputy secretary admits a member transferred in to a
 * branch (a refused admission first: the field says why, nothing is saved), gives them a role, moves them to the
 * branch's reading group and transfers them out, and reads the whole history on the member's page. The dates lie in
 * 2022, which no other test uses; the member has left by the end of it.
 */
@ServerTest
class PartyOrganisationJourneysTest extends BrowserTest {

    private static final String BRANCH = "第一党支部（市场准入）";
    private static final String CELL = "第一党小组（读书研讨小组）";
    private static final String NAME = "林晓梅";

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOrganCommitteeAdmitsATransferredInMemberGivesARoleMovesThemToTheReadingGroupAndTransfersThemOut() {
        Page party = staffPage("party02"); // the organ committee's deputy secretary: manages every branch
        party.locator("header.site nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("党建").setExact(true)).click();
        assertThat(party.locator("h1")).hasText("党建");
        party.locator("#tree li[data-org='" + BRANCH + "'] a").click();
        assertThat(party.locator("h1")).hasText(BRANCH);
        assertThat(party.locator("#members tr[data-member='" + NAME + "']")).hasCount(0);

        // a bad admission: joined the party after the day they are received; the field says so, nothing is saved
        party.locator("#m-name").fill(NAME);
        party.locator("#m-category").selectOption("FULL");
        party.locator("#m-joined").fill("2022-05-01");
        party.locator("#m-how").selectOption("TRANSFER_IN");
        party.locator("#m-from").fill("甲县市场监督管理局机关党支部");
        party.locator("#m-since").fill("2022-03-01");
        party.locator("#admit-member").click();
        assertThat(party.locator("#m-joined-error")).hasText("入党日期不能晚于接收日期");
        assertThat(party.locator("h1")).hasText(BRANCH);
        assertThat(party.locator("#members tr[data-member='" + NAME + "']")).hasCount(0);
        assertThat(party.locator("#m-name")).hasValue(NAME); // the form is shown again as it was filled in
        assertThat(party.locator("#m-from")).hasValue("甲县市场监督管理局机关党支部");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from oneseal.party_member where name = ?")
                .param(NAME).query(Long.class).single()).isZero();

        // corrected: admitted, the member's page shows where they came from
        party.locator("#m-joined").fill("2016-07-01");
        party.locator("#admit-member").click();
        assertThat(party.locator("h1")).hasText(NAME);
        assertThat(party.locator("#history tr")).hasCount(1);
        assertThat(party.locator("#history tr[data-org='" + BRANCH + "']"))
                .containsText("2022-03-01 转入（甲县市场监督管理局机关党支部）");
        assertThat(party.locator("#history tr[data-org='" + BRANCH + "']")).containsText("至今");

        // the branch lists them among its members
        party.locator("main a", new Page.LocatorOptions().setHasText("党建")).first().click();
        party.locator("#tree li[data-org='" + BRANCH + "'] a").click();
        var row = party.locator("#members tr[data-member='" + NAME + "']");
        assertThat(row).containsText(BRANCH);
        assertThat(row).containsText("正式党员");
        assertThat(row).containsText("2016-07-01");
        row.locator("a").click();
        assertThat(party.locator("h1")).hasText(NAME);

        // a role from a day still to come is refused, nothing is recorded; from a past day it is
        party.locator("#role-org").selectOption(new SelectOption().setLabel(BRANCH));
        party.locator("#role").selectOption("COMMITTEE_MEMBER");
        party.locator("#role-since").fill("2099-01-01");
        party.locator("#assign-role").click();
        assertThat(party.locator("#problem")).containsText("日期不能晚于今天");
        assertThat(party.locator("#member-roles li")).hasCount(0);
        // the form is shown again as filled in: only the day needs correcting
        assertThat(party.locator("#role-org option:checked")).hasText(BRANCH);
        assertThat(party.locator("#role")).hasValue("COMMITTEE_MEMBER");
        assertThat(party.locator("#role-since")).hasValue("2099-01-01");
        party.locator("#role-since").fill("2022-04-01");
        party.locator("#assign-role").click();
        var role = party.locator("#member-roles li[data-role=COMMITTEE_MEMBER]");
        assertThat(role).containsText(BRANCH + " 委员 2022-04-01—");
        assertThat(role).hasAttribute("data-current", "true");

        // moved to the branch's reading group
        party.locator("#move-org").selectOption(new SelectOption().setLabel(CELL));
        party.locator("#move-on").fill("2022-06-01");
        party.locator("#move").click();
        assertThat(party.locator("#history tr")).hasCount(2);
        // one organisation a day: the branch's stay ends the day before the move
        assertThat(party.locator("#history tr[data-org='" + BRANCH + "']")).containsText("2022-05-31 内部调整");
        assertThat(party.locator("#history tr[data-org='" + CELL + "']")).containsText("2022-06-01 内部调整");
        assertThat(party.locator("#history tr[data-org='" + CELL + "']")).containsText("至今");

        // transferred out: the stay ends, and so does the role, the same day
        party.locator("#went-to").fill("乙市行政审批局机关党支部");
        party.locator("#transfer-on").fill("2022-09-30");
        party.locator("#transfer-out").click();
        assertThat(party.locator("#history tr[data-org='" + CELL + "']"))
                .containsText("2022-09-30 转出（乙市行政审批局机关党支部）");
        assertThat(party.locator("#history")).not().containsText("至今");
        assertThat(role).containsText(BRANCH + " 委员 2022-04-01—2022-09-30");
        assertThat(role).hasAttribute("data-current", "false");

        // and the branch no longer lists them
        party.locator("main a", new Page.LocatorOptions().setHasText("党建")).first().click();
        party.locator("#tree li[data-org='" + CELL + "'] a").click();
        assertThat(party.locator("h1")).hasText(CELL);
        assertThat(party.locator("#members tr[data-member='" + NAME + "']")).hasCount(0);
    }
}

package org.oneseal.partybuilding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Recognition from the outside: commendations by the organ committee (a branch, a vanguard post at a service window,
 * a party worker, a member), external honours and vanguard posts by whoever manages the member's branch, each bad
 * input refused on its field with nothing saved; members see their own; the figures of a period.
 */
@IntegrationTest
class PartyRecognitionTests extends PartyRecordsTestSupport {

    @Autowired VanguardPosts vanguardPosts;

    private static String commendation(String kind, int year, String on, String subject) {
        return """
                {"kind":"%s","year":%d,"awardedOn":"%s","awardingBody":"中共示范市行政审批局机关委员会",
                 "documentNo":"示审机党〔%d〕8号",%s}""".formatted(kind, year, on, year, subject);
    }

    @Test
    void theOrganCommitteeCommendsAndEachBadInputIsRefused() throws Exception {
        clock.travelTo(LocalDate.of(2025, 6, 30));
        long second = org("第二党支部");
        long window = member("窗口人员");
        long windowUnit = unit("SF-CK01");
        String path = "/api/v1/party/commendations";
        postJson("/api/v1/party/orgs/" + org("第三党支部") + "/members", "party02", """
                {"name":"林华","category":"FULL","joinedPartyOn":"2015-07-01","since":"2025-06-01","how":"TRANSFER_IN","cameFrom":"甲局机关党支部"}""")
                .andExpect(status().isCreated());
        long before = count("party_commendation");
        postJson(path, "party02", commendation("OUTSTANDING_MEMBER", 2025, "2025-06-28", "\"memberId\":" + member("林华")))
                .andExpect(status().isCreated());
        postJson(path, "party02", commendation("OUTSTANDING_MEMBER", 2025, "2025-06-29", "\"memberId\":" + member("林华")))
                .andExpect(status().isConflict()); // the same commendation, the same year
        postJson(path, "party02", commendation("OUTSTANDING_MEMBER", 2024, "2025-05-20", "\"memberId\":" + member("林华")))
                .andExpect(status().isBadRequest()) // not yet a member on its date
                .andExpect(jsonPath("$.errors.memberId").value("2025-05-20时不是本机关党员"));
        postJson(path, "party02", commendation("VANGUARD_POST", 2025, "2025-06-28",
                "\"memberId\":" + window + ",\"windowId\":" + unit("SF-DT")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.windowId", Matchers.containsString("服务窗口")));
        postJson(path, "party02", commendation("OUTSTANDING_PARTY_WORKER", 2025, "2025-06-28", "\"memberId\":" + member("陈静")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.memberId", Matchers.containsString("党内职务")));
        postJson(path, "party02", commendation("ADVANCED_BRANCH", 2025, "2025-06-28", "\"orgId\":" + org("第一党小组")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.orgId").exists());
        postJson(path, "party02", commendation("ADVANCED_BRANCH", 2023, "2025-06-28", "\"orgId\":" + second))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.year").exists());
        postJson(path, "party02", commendation("BEST_BRANCH", 2025, "2025-07-01", "\"orgId\":" + second))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.kind").exists())
                .andExpect(jsonPath("$.errors.awardedOn").value("日期不能晚于今天"));
        postJson(path, "party01", commendation("ADVANCED_BRANCH", 2025, "2025-06-28", "\"orgId\":" + second))
                .andExpect(status().isNotFound()); // a branch's worker does not manage the organ committee
        postJson(path, "leader", commendation("ADVANCED_BRANCH", 2025, "2025-06-28", "\"orgId\":" + second))
                .andExpect(status().isForbidden());
        postJson(path, "zhangsan", commendation("ADVANCED_BRANCH", 2025, "2025-06-28", "\"orgId\":" + second))
                .andExpect(status().isForbidden());
        assertThat(count("party_commendation")).isEqualTo(before + 1);

        postJson(path, "party02", commendation("ADVANCED_BRANCH", 2025, "2025-06-28", "\"orgId\":" + second))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.orgName").value("第二党支部（政务服务大厅）"));
        postJson(path, "party02", commendation("VANGUARD_POST", 2025, "2025-06-28",
                "\"memberId\":" + window + ",\"windowId\":" + windowUnit))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.windowName").value("综合受理1号窗口"));
        postJson(path, "party02", commendation("OUTSTANDING_PARTY_WORKER", 2025, "2025-06-28", "\"memberId\":" + member("党务干事")))
                .andExpect(status().isCreated());
        // the member sees their own; another branch's secretary does not see these
        getAs("/api/v1/party/me/recognition", "window01").andExpect(status().isOk())
                .andExpect(jsonPath("$.commendations[*].kind", Matchers.hasItem("VANGUARD_POST")));
        getAs(path, "secretary01").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].memberName", Matchers.not(Matchers.hasItem("窗口人员"))));
        getAs(path, "zhangsan").andExpect(status().isForbidden());
        getAs("/workbench/party/recognition", "party02").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"record-commendation\"")))
                .andExpect(content().string(Matchers.containsString("综合受理1号窗口")));
    }

    @Test
    void honoursAndVanguardPostsAreRecordedByTheMembersBranch() throws Exception {
        clock.travelTo(LocalDate.of(2025, 7, 15));
        long second = org("第二党支部");
        long window = member("窗口人员");
        long windowUnit = unit("SF-CK02");
        long honours = count("party_external_honour");
        postJson("/api/v1/party/external-honours", "party01", """
                {"memberId":%d,"orgId":%d,"honour":"省级青年文明号","level":"PROVINCIAL","awardingBody":"共青团某省委","receivedOn":"2025-05-10"}"""
                .formatted(window, second)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.memberId").exists());
        postJson("/api/v1/party/external-honours", "party01", """
                {"memberId":%d,"honour":"省级青年文明号","level":"GALACTIC","awardingBody":" ","receivedOn":"2025-05-10"}"""
                .formatted(window)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.level").exists())
                .andExpect(jsonPath("$.errors.awardingBody").exists());
        postJson("/api/v1/party/external-honours", "secretary01", """
                {"memberId":%d,"honour":"省级青年文明号","level":"PROVINCIAL","awardingBody":"共青团某省委","receivedOn":"2025-05-10"}"""
                .formatted(window)).andExpect(status().isNotFound());
        assertThat(count("party_external_honour")).isEqualTo(honours);
        postJson("/api/v1/party/external-honours", "party01", """
                {"memberId":%d,"honour":"省级青年文明号","level":"PROVINCIAL","awardingBody":"共青团某省委","receivedOn":"2025-05-10"}"""
                .formatted(window)).andExpect(status().isCreated()).andExpect(jsonPath("$.memberName").value("窗口人员"));
        postJson("/api/v1/party/external-honours", "party01", """
                {"orgId":%d,"honour":"市级文明窗口","level":"CITY","awardingBody":"示范市文明委","receivedOn":"2025-06-01"}"""
                .formatted(second)).andExpect(status().isCreated());
        getAs("/api/v1/party/me/recognition", "window01").andExpect(jsonPath("$.honours[0].level").value("PROVINCIAL"));

        // a vanguard post at a window: a service window, one holder at a time, ended with a day not before its start
        String posts = "/api/v1/party/vanguard-posts";
        postJson(posts, "party01", "{\"windowId\":%d,\"memberId\":%d,\"since\":\"2025-07-01\"}".formatted(unit("SF-DT"), window))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.windowId").exists());
        postJson(posts, "secretary01", "{\"windowId\":%d,\"memberId\":%d,\"since\":\"2025-07-01\"}".formatted(windowUnit, window))
                .andExpect(status().isNotFound());
        long post = id(postJson(posts, "party01", "{\"windowId\":%d,\"memberId\":%d,\"since\":\"2025-07-01\"}"
                .formatted(windowUnit, window)).andExpect(status().isCreated()));
        postJson(posts, "party01", "{\"windowId\":%d,\"memberId\":%d,\"since\":\"2025-07-10\"}"
                .formatted(windowUnit, member("陈静"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors.windowId", Matchers.containsString("窗口人员")));
        assertThat(vanguardPosts.vanguardPostOf(windowUnit)).contains("窗口人员");
        assertThat(vanguardPosts.vanguardPostOf(unit("SF-BBCS"))).isEmpty();
        getAs("/workbench/party/recognition", "window01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("综合受理2号窗口")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"mark\""))));
        postJson(posts + "/" + post + "/end", "party01", "{\"until\":\"2025-06-30\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.until").exists());
        postJson(posts + "/" + post + "/end", "party01", "{\"until\":\"2025-07-14\"}").andExpect(status().isOk());
        assertThat(vanguardPosts.vanguardPostOf(windowUnit)).isEmpty();
        getAs("/workbench/party/members/" + window + "/record", "window01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("省级青年文明号")));
    }

    @Test
    void theFiguresOfAPeriodCountTheBureausRecords() throws Exception {
        clock.travelTo(LocalDate.of(2024, 12, 5));
        long third = org("第三党支部");
        long zhou = member("周敏");
        long wu = member("吴刚");
        postJson("/api/v1/party/commendations", "party02", commendation("ADVANCED_BRANCH", 2024, "2024-11-20", "\"orgId\":" + third))
                .andExpect(status().isCreated());
        postJson("/api/v1/party/commendations", "party02", commendation("OUTSTANDING_MEMBER", 2024, "2024-11-20", "\"memberId\":" + zhou))
                .andExpect(status().isCreated());
        for (String honour : new String[] {
            "{\"memberId\":%d,\"honour\":\"省级优秀志愿者\",\"level\":\"PROVINCIAL\",\"awardingBody\":\"某省文明办\",\"receivedOn\":\"2024-11-10\"}".formatted(zhou),
            "{\"memberId\":%d,\"honour\":\"省级岗位能手\",\"level\":\"PROVINCIAL\",\"awardingBody\":\"某省总工会\",\"receivedOn\":\"2024-11-11\"}".formatted(zhou),
            "{\"memberId\":%d,\"honour\":\"全国巾帼建功标兵\",\"level\":\"NATIONAL\",\"awardingBody\":\"全国妇联\",\"receivedOn\":\"2024-11-12\"}".formatted(zhou),
            "{\"memberId\":%d,\"honour\":\"省级优秀公务员\",\"level\":\"PROVINCIAL\",\"awardingBody\":\"某省人社厅\",\"receivedOn\":\"2024-11-13\"}".formatted(wu),
            "{\"orgId\":%d,\"honour\":\"市级五星党支部\",\"level\":\"CITY\",\"awardingBody\":\"示范市直机关工委\",\"receivedOn\":\"2024-11-14\"}".formatted(third),
            "{\"memberId\":%d,\"honour\":\"省级优秀公务员\",\"level\":\"PROVINCIAL\",\"awardingBody\":\"某省人社厅\",\"receivedOn\":\"2024-10-31\"}".formatted(wu)}) {
            postJson("/api/v1/party/external-honours", "party02", honour).andExpect(status().isCreated());
        }
        long roster = id(postJson("/api/v1/party/orgs/" + third + "/volunteer-rosters", "party02", """
                {"place":"东城社区","placeKind":"COMMUNITY","startsOn":"2024-11-01","endsOn":"2024-11-30",
                 "shifts":[{"name":"上午","start":"09:00","end":"11:30"}]}""").andExpect(status().isCreated()));
        long shift = jdbc.sql("select id from oneseal.party_volunteer_shift where roster_id = ?").param(roster)
                .query(Long.class).single();
        long duty = id(postJson("/api/v1/party/volunteer-rosters/" + roster + "/duties", "party02",
                "{\"shiftId\":%d,\"day\":\"2024-11-16\",\"memberId\":%d}".formatted(shift, zhou)).andExpect(status().isCreated()));
        postJson("/api/v1/party/volunteer-duties/" + duty + "/missed-sign-in", "party02", "{\"reason\":\"手机没电，现场签到表为证\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RECORDED"));
        postJson("/api/v1/party/orgs/" + third + "/assessments", "party02",
                "{\"month\":\"2024-11\",\"memberId\":%d,\"grade\":\"GOOD\"}".formatted(wu)).andExpect(status().isCreated());

        String figures = "/api/v1/party/recognition-figures";
        getAs(figures + "?from=2024-11-01&to=2024-11-30", "party02").andExpect(status().isOk())
                .andExpect(jsonPath("$.externalProvincialMembers").value(2))
                .andExpect(jsonPath("$.externalMembersByLevel.NATIONAL").value(1))
                .andExpect(jsonPath("$.externalMembersByLevel.COUNTY").value(0))
                .andExpect(jsonPath("$.externalOrgsByLevel.CITY").value(1))
                .andExpect(jsonPath("$.advancedBranches").value(1))
                .andExpect(jsonPath("$.outstandingMembers").value(1))
                .andExpect(jsonPath("$.vanguardPosts").value(0))
                .andExpect(jsonPath("$.volunteerShifts").value(1))
                .andExpect(jsonPath("$.volunteers").value(1))
                .andExpect(jsonPath("$.volunteerHours").value(2.5))
                .andExpect(jsonPath("$.assessments").value(1))
                .andExpect(jsonPath("$.assessmentsByGrade.GOOD").value(1));
        getAs(figures + "?from=2024-11-30&to=2024-11-01", "party02").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.from").value("起始日期不能晚于截止日期"));
        getAs(figures + "?from=2024-11-01", "party02").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.to").exists());
        getAs(figures + "?from=2024-11-01&to=2024-13-01", "party02").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.to").exists());
        getAs(figures + "?from=2024-11-01&to=2024-11-30", "leader").andExpect(status().isOk());
        getAs(figures + "?from=2024-11-01&to=2024-11-30", "secretary01").andExpect(status().isForbidden());
        getAs(figures + "?from=2024-11-01&to=2024-11-30", "window01").andExpect(status().isForbidden());
        getAs(figures + "?from=2024-11-01&to=2024-11-30", "zhangsan").andExpect(status().isForbidden());
        getAs("/workbench/party/recognition-figures?from=2024-11-01&to=2024-11-30", "party02").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("获评省级荣誉人数")));
        getAs("/workbench/party/recognition-figures?from=2024-11-30&to=2024-11-01", "party02").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("起始日期不能晚于截止日期")));
    }
}

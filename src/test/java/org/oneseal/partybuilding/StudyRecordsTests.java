package org.oneseal.partybuilding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reflections (submitted by the member or recorded by the worker) and who is behind for the year, pro rata; reading
 * lists handed out with their receipts (confirmed by the member, or a paper receipt recorded by the worker).
 */
@IntegrationTest
class StudyRecordsTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;
    StudyTestSupport t;

    @BeforeEach
    void setUp() {
        t = new StudyTestSupport(mvc, jdbc, users);
        clock.travelTo(LocalDate.of(2025, 12, 15));
    }

    @AfterEach
    void back() {
        clock.reset();
    }

    private static String reflection(String day, String title, String body) {
        return """
                {"writtenOn":"%s","title":"%s","body":"%s"}""".formatted(day, title, body);
    }

    @Test
    void whoIsBehindIsCountedProRataForTheYearSoFarAndInFullForAFinishedYear() throws Exception {
        long branch = t.branch();
        long jia = t.member("学员甲");
        long yi = t.member("学员乙");
        for (String day : new String[] {"2025-02-01", "2025-05-01", "2025-09-01"}) {
            t.postJson("/api/v1/party/members/" + jia + "/reflections", "party02", reflection(day, "心得" + day, "正文"))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.byMember").value(false));
        }
        for (String day : new String[] {"2025-03-01", "2025-06-01"}) {
            t.postJson("/api/v1/party/members/" + yi + "/reflections", "party02", reflection(day, "心得" + day, "正文"))
                    .andExpect(status().isCreated());
        }
        // 15 December: 11 months completed, 4 a year → 3 owed so far; 学员丙 came on 15 October: one whole month → 0
        t.getAs("/api/v1/party/orgs/" + branch + "/reflections/progress?year=2025", "party02").andExpect(status().isOk())
                .andExpect(jsonPath("$.perYear").value(4))
                .andExpect(jsonPath("$.members[0].name").value("学员乙"))
                .andExpect(jsonPath("$.members[?(@.name == '学员甲')].expectedSoFar").value(Matchers.contains(3)))
                .andExpect(jsonPath("$.members[?(@.name == '学员甲')].behind").value(Matchers.contains(false)))
                .andExpect(jsonPath("$.members[?(@.name == '学员乙')].behind").value(Matchers.contains(true)))
                .andExpect(jsonPath("$.members[?(@.name == '学员丙')].expectedSoFar").value(Matchers.contains(0)))
                .andExpect(jsonPath("$.members[?(@.name == '学员丙')].behind").value(Matchers.contains(false)));
        t.getAs("/workbench/party/orgs/" + branch + "/reflections?year=2025", "party02").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-behind=\"true\"")))
                .andExpect(content().string(Matchers.containsString("学员乙")));
        // once the year is over every member owes the full minimum (学员丙 from November: one of four)
        clock.travelTo(LocalDate.of(2026, 1, 10));
        t.getAs("/api/v1/party/orgs/" + branch + "/reflections/progress?year=2025", "party02")
                .andExpect(jsonPath("$.asOf").value("2025-12-31"))
                .andExpect(jsonPath("$.members[?(@.name == '学员甲')].expectedSoFar").value(Matchers.contains(4)))
                .andExpect(jsonPath("$.members[?(@.name == '学员甲')].behind").value(Matchers.contains(true)))
                .andExpect(jsonPath("$.members[?(@.name == '学员丙')].minimum").value(Matchers.contains(0)));
        // only who sees the branch
        t.getAs("/api/v1/party/orgs/" + branch + "/reflections/progress?year=2025", "secretary01").andExpect(status().isNotFound());
        t.getAs("/api/v1/party/orgs/" + branch + "/reflections/progress?year=2025", "zhangsan").andExpect(status().isForbidden());
    }

    @Test
    void aMemberSubmitsTheirOwnReflectionsAndSeesOnlyTheirOwn() throws Exception {
        long window = t.memberOf("window01");
        long jia = t.member("陈静");
        long reflections = t.count("select count(*) from oneseal.party_reflection");
        t.postJson("/api/v1/party/me/reflections", "window01", reflection("2025-12-16", "明天", "正文"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.writtenOn").exists());
        t.postJson("/api/v1/party/me/reflections", "window01", reflection("2025-04-01", " ", " "))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.title").exists())
                .andExpect(jsonPath("$.errors.body").exists());
        t.postJson("/api/v1/party/me/reflections", "window01", reflection("2019-01-01", "入局前", "正文"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.writtenOn", Matchers.containsString("2019-01-01")));
        // a plain member records for nobody else; another branch's secretary neither; the party group's secretary: 403
        t.postJson("/api/v1/party/members/" + jia + "/reflections", "window01", reflection("2025-04-01", "代交", "正文"))
                .andExpect(status().isNotFound());
        t.postJson("/api/v1/party/members/" + jia + "/reflections", "secretary01", reflection("2025-04-01", "代交", "正文"))
                .andExpect(status().isNotFound());
        t.postJson("/api/v1/party/members/" + jia + "/reflections", "leader", reflection("2025-04-01", "代交", "正文"))
                .andExpect(status().isForbidden());
        t.postJson("/api/v1/party/me/reflections", "zhangsan", reflection("2025-04-01", "心得", "正文"))
                .andExpect(status().isForbidden());
        assertThat(t.count("select count(*) from oneseal.party_reflection")).isEqualTo(reflections);

        long own = StudyTestSupport.id(t.postJson("/api/v1/party/me/reflections", "window01",
                reflection("2025-04-01", "学习二十届三中全会精神的体会", "改革要落到窗口服务上。"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.byMember").value(true)), "$.id");
        long other = StudyTestSupport.id(t.postJson("/api/v1/party/members/" + jia + "/reflections", "party01",
                reflection("2025-04-02", "陈静的心得", "纸质稿录入")).andExpect(status().isCreated()), "$.id");
        t.getAs("/api/v1/party/reflections/" + own, "window01").andExpect(status().isOk());
        t.getAs("/api/v1/party/reflections/" + other, "window01").andExpect(status().isNotFound());
        t.getAs("/api/v1/party/reflections/" + own, "party01").andExpect(status().isOk()); // the branch's worker
        t.getAs("/api/v1/party/members/" + jia + "/study", "window01").andExpect(status().isNotFound());
        t.getAs("/api/v1/party/me/study", "window01").andExpect(status().isOk())
                .andExpect(jsonPath("$.own").value(true))
                .andExpect(jsonPath("$.reflections[*].title", Matchers.hasItem("学习二十届三中全会精神的体会")))
                .andExpect(jsonPath("$.reflections[*].title", Matchers.not(Matchers.hasItem("陈静的心得"))))
                .andExpect(jsonPath("$.standing.minimum").value(4));
        // the member's own page: submitting there, a bad one shows its message
        t.getAs("/workbench/party/me/study", "window01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("学习二十届三中全会精神的体会")))
                .andExpect(content().string(Matchers.containsString("id=\"reflection-form\"")));
        t.postForm("/workbench/party/me/reflections", "window01", "writtenOn", "2025-04-05", "title", "", "body", "x")
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("class=\"field-error\"")));
        t.postForm("/workbench/party/me/reflections", "window01", "writtenOn", "2025-04-05", "title", "页面提交", "body", "x")
                .andExpect(status().is3xxRedirection());
        t.getAs("/workbench/party/members/" + window, "window01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/workbench/party/members/" + window + "/study")));
        t.getAs("/workbench/party/members/" + window + "/study", "party01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("页面提交")));
    }

    @Test
    void readingListsGoToTheMembersOfTheDayWhoConfirmReceipt() throws Exception {
        long second = t.org("第二党支部");
        String path = "/api/v1/party/orgs/" + second + "/reading-lists";
        long lists = t.count("select count(*) from oneseal.party_reading_list");
        t.postJson(path, "party01", """
                {"title":"2025年度学习书目","issuedOn":"2025-04-01","titles":[" ",""]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.titles").exists());
        t.postJson(path, "party01", """
                {"title":"2025年度学习书目","issuedOn":"2025-12-16","titles":["《习近平谈治国理政》"]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.issuedOn").exists());
        t.postJson(path, "leader", """
                {"title":"2025年度学习书目","issuedOn":"2025-04-01","titles":["《习近平谈治国理政》"]}""")
                .andExpect(status().isForbidden());
        t.postJson(path, "secretary01", """
                {"title":"2025年度学习书目","issuedOn":"2025-04-01","titles":["《习近平谈治国理政》"]}""")
                .andExpect(status().isNotFound());
        assertThat(t.count("select count(*) from oneseal.party_reading_list")).isEqualTo(lists);

        long list = StudyTestSupport.id(t.postJson(path, "party01", """
                {"title":"2025年度学习书目","issuedOn":"2025-04-01","titles":["《习近平谈治国理政》第五卷","《中国共产党章程》"]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.list.titles.length()").value(2))
                .andExpect(jsonPath("$.pending[*].memberName", Matchers.hasItems("窗口人员", "陈静", "赵磊"))), "$.list.id");
        String confirmedAt = com.jayway.jsonpath.JsonPath.read(t.postJson("/api/v1/party/me/reading-lists/" + list + "/receipt",
                "window01", "").andExpect(status().isOk()).andExpect(jsonPath("$.byMember").value(true))
                .andReturn().getResponse().getContentAsString(), "$.confirmedAt");
        clock.travelTo(LocalDate.of(2025, 12, 16));
        t.postJson("/api/v1/party/me/reading-lists/" + list + "/receipt", "window01", "").andExpect(status().isOk())
                .andExpect(jsonPath("$.confirmedAt").value(confirmedAt)); // confirming again changes nothing
        t.postJson("/api/v1/party/reading-lists/" + list + "/receipts/" + t.member("陈静"), "party01", "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.byMember").value(false));
        t.postJson("/api/v1/party/me/reading-lists/" + list + "/receipt", "secretary01", "").andExpect(status().isNotFound());
        t.postJson("/api/v1/party/reading-lists/" + list + "/receipts/" + t.member("赵磊"), "secretary01", "")
                .andExpect(status().isNotFound());
        t.getAs("/api/v1/party/reading-lists/" + list, "party01").andExpect(status().isOk())
                .andExpect(jsonPath("$.confirmed[*].memberName", Matchers.containsInAnyOrder("窗口人员", "陈静")))
                .andExpect(jsonPath("$.pending[*].memberName", Matchers.hasItem("赵磊")))
                .andExpect(jsonPath("$.pending[*].memberName", Matchers.not(Matchers.hasItem("窗口人员"))));
        t.getAs("/api/v1/party/reading-lists/" + list, "window01").andExpect(status().isNotFound());
        t.getAs("/api/v1/party/me/study", "window01")
                .andExpect(jsonPath("$.readingLists[?(@.list.id == " + list + ")].receipt.confirmedAt").value(Matchers.contains(Matchers.notNullValue())));
        // pages: the lists, who has not confirmed, and the member's own confirmation
        t.getAs("/workbench/party/orgs/" + second + "/reading-lists", "party01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("2025年度学习书目")));
        t.getAs("/workbench/party/reading-lists/" + list, "party01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-pending=\"赵磊\"")));
        t.postForm("/workbench/party/me/reading-lists/" + list + "/receipt", "window01")
                .andExpect(status().is3xxRedirection());
    }
}

package org.oneseal.partybuilding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
 * Importing external study points from CSV: every bad row reported with its line and column, nothing imported when any
 * row is bad, a re-import of a month replacing it, the template, and who may import.
 */
@IntegrationTest
class StudyPointsTests {

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

    private long points(long branch) {
        return t.count("select count(*) from oneseal.party_study_points where org_id = ?", branch);
    }

    @Test
    void aFileWithOneBadRowImportsNothingAndEveryProblemIsReportedWithItsLine() throws Exception {
        long branch = t.branch();
        long jia = t.member("学员甲");
        long yi = t.member("学员乙");
        String path = "/api/v1/party/orgs/" + branch + "/study-points";
        String header = "党员编号,姓名,期间,积分\n";
        long before = points(branch);
        // one good row, one bad number: nothing imported, line 3 named
        t.upload(path, "party02", header + jia + ",学员甲,2025-03,120\n" + yi + ",学员乙,2025-03,abc\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems.length()").value(1))
                .andExpect(jsonPath("$.problems[0].line").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("points"))
                .andExpect(jsonPath("$.problems[0].message", Matchers.containsString("abc")))
                .andExpect(jsonPath("$.errors['line3.points']").exists());
        assertThat(points(branch)).isEqualTo(before);
        // each kind of bad row, all reported at once
        t.upload(path, "party02", header
                        + "987654321,某人,2025-03,10\n"      // 2 unknown member
                        + jia + ",学员乙,2025-03,10\n"        // 3 name not the member's
                        + yi + ",学员乙,2025-13,10\n"         // 4 period malformed
                        + yi + ",学员乙,2025-04,-5\n"         // 5 bad number
                        + yi + ",学员乙,2025-05\n"            // 6 a column missing
                        + yi + ",学员乙,2025-06,10\n"
                        + yi + ",学员乙,2025/6,20\n"          // 8 the same member and month as line 7
                        + t.member("学员丙") + ",学员丙,2025-09,10\n" // 9 not yet in the branch in September
                        + "x1,学员乙,2025-07,10\n")           // 10 member number not a number
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[*].line", Matchers.contains(2, 3, 4, 5, 6, 8, 9, 10)))
                .andExpect(jsonPath("$.problems[0].column").value("memberId"))
                .andExpect(jsonPath("$.problems[1].column").value("name"))
                .andExpect(jsonPath("$.problems[2].column").value("period"))
                .andExpect(jsonPath("$.problems[3].column").value("points"))
                .andExpect(jsonPath("$.problems[5].message", Matchers.containsString("第7行")))
                .andExpect(jsonPath("$.problems[6].message", Matchers.containsString("学员丙")));
        // a wrong header: the columns named, nothing else read
        t.upload(path, "party02", "编号,姓名,月份,积分\n" + jia + ",学员甲,2025-03,1\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[*].line", Matchers.everyItem(Matchers.is(1))))
                .andExpect(jsonPath("$.problems[*].message", Matchers.hasItem(Matchers.containsString("编号"))))
                .andExpect(jsonPath("$.problems[*].message", Matchers.hasItem(Matchers.containsString("党员编号"))));
        // not UTF-8, empty, no file
        t.upload(path, "party02", (header + jia + ",学员甲,2025-03,1\n").getBytes(Charset.forName("GBK")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].message", Matchers.containsString("UTF-8")));
        t.upload(path, "party02", "").andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].line").value(0));
        t.upload(path, "party02", header).andExpect(status().isBadRequest());
        assertThat(points(branch)).isEqualTo(before);
        // the page shows the problems in a table by line
        t.upload("/workbench/party/orgs/" + branch + "/study-points", "party02",
                header + jia + ",学员甲,2025-03,120\n" + yi + ",学员乙,2025-03,abc\n").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-line=\"3\"")));
        assertThat(points(branch)).isEqualTo(before);
    }

    @Test
    void aGoodFileIsImportedAndReimportingAMonthReplacesIt() throws Exception {
        long branch = t.branch();
        long jia = t.member("学员甲");
        long yi = t.member("学员乙");
        String path = "/api/v1/party/orgs/" + branch + "/study-points";
        // with a byte order mark and Windows line ends, English header names in another order
        t.upload(path, "party02", ("\uFEFFname,member_id,period,points\r\n学员甲," + jia + ",2025-01,300\r\n"
                        + "学员乙," + yi + ",2025-01,250\r\n\"学员甲\"," + jia + ",2025-02,310\r\n")
                        .getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.rows").value(3))
                .andExpect(jsonPath("$.periods", Matchers.contains("2025-01", "2025-02")))
                .andExpect(jsonPath("$.replaced").value(0));
        // January again, without 学员乙: 学员甲's figure replaced, 学员乙's January gone, February untouched
        t.upload(path, "party02", "党员编号,姓名,期间,积分\n" + jia + ",学员甲,2025年1月,320\n")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.replaced").value(2));
        t.getAs(path + "?year=2025", "party02").andExpect(status().isOk())
                .andExpect(jsonPath("$.months", Matchers.contains("2025-01", "2025-02")))
                .andExpect(jsonPath("$.members[?(@.name == '学员甲')].total").value(Matchers.contains(630)))
                .andExpect(jsonPath("$.members[?(@.name == '学员乙')]").isEmpty())
                .andExpect(jsonPath("$.imports.length()").value(2));
        // who may import: not another branch's secretary (404), not the party group's secretary (403)
        String one = "党员编号,姓名,期间,积分\n" + jia + ",学员甲,2025-03,1\n";
        t.upload(path, "secretary01", one).andExpect(status().isNotFound());
        t.upload(path, "leader", one).andExpect(status().isForbidden());
        t.upload(path, "zhangsan", one).andExpect(status().isForbidden());
        // the template lists the branch's members with the month to fill in
        t.getAs("/workbench/party/orgs/" + branch + "/study-points/template.csv?period=2025-11", "party02")
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition", Matchers.containsString("attachment")))
                .andExpect(result -> {
                    String csv = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
                    assertThat(csv).startsWith("\uFEFF党员编号,姓名,期间,积分").contains(jia + ",学员甲,2025-11,");
                });
        t.getAs("/workbench/party/orgs/" + branch + "/study-points?year=2025", "party02").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-member=\"学员甲\"")))
                .andExpect(content().string(Matchers.containsString("id=\"import\"")));
    }

    @Test
    void aMemberSeesTheirOwnPoints() throws Exception {
        long second = t.org("第二党支部");
        long window = t.memberOf("window01");
        t.upload("/api/v1/party/orgs/" + second + "/study-points", "party01",
                "党员编号,姓名,期间,积分\n" + window + ",窗口人员,2025-03,456\n").andExpect(status().isCreated());
        t.getAs("/api/v1/party/me/study", "window01").andExpect(status().isOk())
                .andExpect(jsonPath("$.points[?(@.period == '2025-03')].points").value(Matchers.contains(456)));
        t.getAs("/api/v1/party/orgs/" + second + "/study-points", "window01").andExpect(status().isNotFound());
        t.getAs("/workbench/party/me/study", "window01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("456")));
    }
}

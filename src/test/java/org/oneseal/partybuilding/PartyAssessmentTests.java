package org.oneseal.partybuilding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Monthly assessment from the outside: the branch records one grade per member and month (twice is refused, a
 * correction is a change), bad input is refused field by field with nothing saved, the organ committee publishes the
 * month's notice, which freezes it and which every member of the tree reads; year-end duty and integrity reports.
 */
@IntegrationTest
class PartyAssessmentTests extends PartyRecordsTestSupport {

    private static String grade(String month, long member, String grade, String comment) {
        return """
                {"month":"%s","memberId":%d,"grade":"%s","comment":%s}""".formatted(month, member, grade,
                comment == null ? "null" : "\"" + comment + "\"");
    }

    @Test
    void theBranchGradesItsMembersOnceAMonthAndBadInputSavesNothing() throws Exception {
        clock.travelTo(LocalDate.of(2025, 4, 10));
        long second = org("第二党支部");
        long window = member("窗口人员");
        String sheet = "/api/v1/party/orgs/" + second + "/assessments";
        long before = count("party_assessment");
        postJson(sheet, "party01", grade("2025-05", window, "GOOD", null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.month").value("不能是今后的月份"));
        postJson(sheet, "party01", grade("2025-13", window, "GOOD", null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.month").exists());
        postJson(sheet, "party01", grade("2025-03", member("李强"), "GOOD", null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.memberId", Matchers.containsString("不在第二党支部")));
        postJson(sheet, "party01", grade("2025-03", window, "EXCELLENT", null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.comment").value("评为优秀或较差须写明评语"));
        postJson(sheet, "party01", grade("2025-03", window, "GREAT", "好")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.grade").exists());
        postJson(sheet, "party01", grade("2025-03", window, "GOOD", "意".repeat(201))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.comment", Matchers.containsString("200")));
        // access: another branch's secretary does not see it, the party group's secretary reads but does not record
        postJson(sheet, "secretary01", grade("2025-03", window, "GOOD", null)).andExpect(status().isNotFound());
        postJson(sheet, "leader", grade("2025-03", window, "GOOD", null)).andExpect(status().isForbidden());
        postJson(sheet, "zhangsan", grade("2025-03", window, "GOOD", null)).andExpect(status().isForbidden());
        assertThat(count("party_assessment")).isEqualTo(before);

        long id = id(postJson(sheet, "party01", grade("2025-03", window, "GOOD", "按时完成窗口任务"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.month").value("2025-03"))
                .andExpect(jsonPath("$.published").value(false)));
        // twice for the same member and month: refused; the grade is corrected by changing it
        postJson(sheet, "party01", grade("2025-03", window, "FAIR", null)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors.memberId", Matchers.containsString("已评定")));
        putJson("/api/v1/party/assessments/" + id, "party01", "{\"grade\":\"POOR\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.comment").exists());
        putJson("/api/v1/party/assessments/" + id, "secretary01", "{\"grade\":\"FAIR\"}").andExpect(status().isNotFound());
        putJson("/api/v1/party/assessments/" + id, "party01", "{\"grade\":\"EXCELLENT\",\"comment\":\"群众点名表扬3次\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.grade").value("EXCELLENT"));
        assertThat(count("party_assessment")).isEqualTo(before + 1);
        // the leader reads the sheet; the member does not see an unpublished grade
        getAs(sheet + "?month=2025-03", "leader").andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.memberName == '窗口人员')].grade.grade").value("EXCELLENT"))
                .andExpect(jsonPath("$.rows[*].memberName", Matchers.hasItems("陈静", "赵磊", "党务干事")));
        getAs("/api/v1/party/me/assessments", "window01").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.month == '2025-03')]").isEmpty());
        getAs("/api/v1/party/me/assessments", "zhangsan").andExpect(status().isForbidden());
        getAs("/workbench/party/orgs/" + second + "/assessments?month=2025-03", "party01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("群众点名表扬3次")));
        // a page form with a bad grade shows the message and saves nothing
        postForm("/workbench/party/orgs/" + second + "/assessments", "party01", "month", "2025-03", "memberId",
                String.valueOf(member("赵磊")), "grade", "POOR").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("评为优秀或较差须写明评语")));
        assertThat(count("party_assessment")).isEqualTo(before + 1);
    }

    @Test
    void theNoticeFreezesTheMonthAndEveryMemberReadsIt() throws Exception {
        clock.travelTo(LocalDate.of(2025, 3, 5));
        long second = org("第二党支部");
        String sheet = "/api/v1/party/orgs/" + second + "/assessments";
        long id = id(postJson(sheet, "party01", grade("2025-02", member("窗口人员"), "EXCELLENT", "窗口服务零差评"))
                .andExpect(status().isCreated()));
        postJson(sheet, "party01", grade("2025-02", member("陈静"), "GOOD", null)).andExpect(status().isCreated());
        // only the organ committee's managers publish, once the month is over, once
        postJson("/api/v1/party/assessment-notices", "party01", "{\"month\":\"2025-02\"}").andExpect(status().isNotFound());
        postJson("/api/v1/party/assessment-notices", "leader", "{\"month\":\"2025-02\"}").andExpect(status().isForbidden());
        postJson("/api/v1/party/assessment-notices", "party02", "{\"month\":\"2025-03\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.month", Matchers.containsString("尚未结束")));
        getAs("/api/v1/party/assessment-notices/2025-02", "window01").andExpect(status().isNotFound());
        getAs("/api/v1/party/assessment-notices/2025-02", "party02").andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(false));
        postJson("/api/v1/party/assessment-notices", "party02", "{\"month\":\"2025-02\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.published").value(true))
                .andExpect(jsonPath("$.branches[?(@.orgName =~ /第二党支部.*/)].counts.EXCELLENT").value(1))
                .andExpect(jsonPath("$.branches[?(@.orgName =~ /第二党支部.*/)].counts.GOOD").value(1))
                .andExpect(jsonPath("$.branches[?(@.orgName =~ /第二党支部.*/)].notGraded").value(2))
                .andExpect(jsonPath("$.branches[?(@.orgName =~ /第二党支部.*/)].excellent[0]").value("窗口人员"));
        postJson("/api/v1/party/assessment-notices", "party02", "{\"month\":\"2025-02\"}").andExpect(status().isConflict());
        // frozen: neither a change nor a new grade
        long before = count("party_assessment");
        putJson("/api/v1/party/assessments/" + id, "party01", "{\"grade\":\"GOOD\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("2025-02的考核已通报，等次已锁定，不能再评定或修改"));
        postJson(sheet, "party01", grade("2025-02", member("赵磊"), "GOOD", null)).andExpect(status().isUnprocessableEntity());
        assertThat(count("party_assessment")).isEqualTo(before);
        assertThat(jdbc.sql("select grade from oneseal.party_assessment where id = ?").param(id).query(String.class)
                .single()).isEqualTo("EXCELLENT");
        // every member of the tree reads the notice; the member sees their own published grade
        getAs("/api/v1/party/me/assessments", "window01").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.month == '2025-02')].grade").value("EXCELLENT"));
        getAs("/api/v1/party/assessment-notices/2025-02", "window01").andExpect(status().isOk())
                .andExpect(jsonPath("$.branches[*].excellent[*]", Matchers.hasItem("窗口人员")));
        getAs("/api/v1/party/assessment-notices/2025-02", "secretary01").andExpect(status().isOk());
        getAs("/api/v1/party/assessment-notices", "window01").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].month", Matchers.hasItem("2025-02")));
        getAs("/api/v1/party/assessment-notices/2025-02", "zhangsan").andExpect(status().isForbidden());
        getAs("/api/v1/party/assessment-notices/2025-02", "admin").andExpect(status().isForbidden());
        getAs("/workbench/party/assessment-notices/2025-02", "window01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("窗口人员")));
        getAs("/workbench/party/assessment-notices", "party02").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"publish\"")));
        getAs("/workbench/party", "window01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/workbench/party/assessment-notices")));
    }

    private ResultActions report(String path, String username, String year, String text, MockMultipartFile file)
            throws Exception {
        var request = multipart(path).param("year", year).param("text", text);
        if (file != null) {
            request.file(file);
        }
        return mvc.perform(request.with(csrf()).with(user(users.loadUserByUsername(username))));
    }

    @Test
    void dutyReportsAreOnePerMemberAndYearFromThoseWhoHeldARole() throws Exception {
        clock.travelTo(LocalDate.of(2025, 12, 20));
        var pdf = new MockMultipartFile("file", "2025述职述廉.pdf", "application/pdf",
                "%PDF-1.4\n% report\n".getBytes(StandardCharsets.US_ASCII));
        var html = new MockMultipartFile("file", "report.pdf", "application/pdf",
                "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8));
        long before = count("party_duty_report");
        report("/api/v1/party/me/duty-reports", "party01", "2027", "述职", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.year").exists());
        report("/api/v1/party/me/duty-reports", "party01", "2025", " ", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.text").exists());
        report("/api/v1/party/me/duty-reports", "party01", "2025", "述职", html).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value("附件须为PDF文件（文件名以 .pdf 结尾，内容为PDF）"));
        report("/api/v1/party/me/duty-reports", "window01", "2025", "述职", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.year", Matchers.containsString("没有担任党内职务")));
        report("/api/v1/party/members/" + member("陈静") + "/duty-reports", "party01", "2025", "述职", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.year").exists());
        report("/api/v1/party/members/" + member("党务干事") + "/duty-reports", "secretary01", "2025", "述职", null)
                .andExpect(status().isNotFound());
        report("/api/v1/party/me/duty-reports", "zhangsan", "2025", "述职", null).andExpect(status().isForbidden());
        assertThat(count("party_duty_report")).isEqualTo(before);

        long id = id(report("/api/v1/party/me/duty-reports", "party01", "2025", "一年来履行党务工作者职责……", pdf)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.own").value(true))
                .andExpect(jsonPath("$.attachmentName").value("2025述职述廉.pdf")));
        report("/api/v1/party/me/duty-reports", "party01", "2025", "再交一份", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors.year", Matchers.containsString("每人每年一份")));
        report("/api/v1/party/members/" + member("第一党支部书记") + "/duty-reports", "party02", "2025", "支部书记述职述廉", null)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.own").value(false));
        assertThat(count("party_duty_report")).isEqualTo(before + 2);
        // who reads it: the member, whoever sees their branch; not another member of it
        getAs("/api/v1/party/duty-reports/" + id + "/attachment", "party02").andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));
        getAs("/api/v1/party/duty-reports/" + id + "/attachment", "window01").andExpect(status().isNotFound());
        getAs("/api/v1/party/me/duty-reports", "party01").andExpect(jsonPath("$[0].year").value(2025));
        getAs("/workbench/party/members/" + member("党务干事") + "/record", "party01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("一年来履行党务工作者职责")))
                .andExpect(content().string(Matchers.containsString("id=\"submit-report\"")));
        getAs("/workbench/party/members/" + member("党务干事"), "party01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/record")));
    }
}

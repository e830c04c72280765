package org.oneseal.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.oneseal.calendar.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 差评整改 over HTTP: verify → classify → act → call back → close, with the rater's identity kept from the rated staff
 * member; the deadline cap; no closing without a callback; escalation when overdue; an appeal that excludes a rating
 * from the good-rate; the region's limits.
 */
@IntegrationTest
class RectificationTests {

    @Autowired EvaluationTestSupport support;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired WorkingDayCalendar calendar;
    @Autowired EvaluationJobs jobs;

    @AfterEach
    void back() {
        clock.reset();
    }

    @Test
    void aBadReviewIsVerifiedClassifiedFixedCalledBackAndClosedWithoutTheRatedStaffEverLearningWhoRatedThem()
            throws Exception {
        LocalDate monday = LocalDate.of(2026, 6, 29); // a day no other test rates on
        clock.travelTo(monday);
        long caseId = support.concludedCase();
        long id = support.rate(caseId, "CONCLUSION", 2, "\"R22\",\"R24\"");
        assertThat(id).isPositive();
        String path = "/api/v1/evaluation/rectifications/" + id;

        // the rated staff member (who delivered) sees the review and its reasons, not who wrote it
        String handlersView = support.getAs(path, "window01").andExpect(status().isOk())
                .andExpect(jsonPath("$.responsible").value("window01")).andExpect(jsonPath("$.state").value("OPEN"))
                .andExpect(jsonPath("$.reasons[0]").value("办理超时")).andExpect(jsonPath("$.raterName").doesNotExist())
                .andExpect(jsonPath("$.raterPhone").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(handlersView).doesNotContain("张三", "13800138000", "zhangsan");
        // not even the case, whose page names its applicant
        assertThat(handlersView).doesNotContain("\"caseId\":" + caseId, "\"caseNumber\":\"SP");
        support.getAs("/api/v1/evaluation/rectifications", "window01").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].raterPhone").value(Matchers.contains((Object) null)));
        // the chief who calls back sees the rater
        support.getAs(path, "chief01").andExpect(jsonPath("$.raterName").value("张三"))
                .andExpect(jsonPath("$.raterPhone").value("13800138000"));

        // classify: a 限期整改 needs its ledger and a deadline within 15 working days
        LocalDate cap = calendar.addWorkingDays(monday, 15);
        support.postJson(path + "/classification", "chief01", "{\"verification\":\"核实属实，送达超时\","
                + "\"classification\":\"DEADLINE\",\"deadline\":\"" + cap.plusDays(1) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.ledger").exists())
                .andExpect(jsonPath("$.errors.deadline", Matchers.containsString(cap.toString())));
        support.postJson(path + "/classification", "window01", "{\"verification\":\"我觉得没问题\",\"classification\":\"EXPLAIN\"}")
                .andExpect(status().isForbidden());
        LocalDate deadline = calendar.addWorkingDays(monday, 8);
        support.postJson(path + "/classification", "chief01", "{\"verification\":\"核实属实，送达超时\","
                + "\"classification\":\"DEADLINE\",\"ledger\":\"优化送达流程，按日清点待送达证照\",\"deadline\":\"" + deadline + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CLASSIFIED"))
                .andExpect(jsonPath("$.dueOn").value(deadline.toString()));

        // the handler records the fix; closing needs the callback first (a named rating)
        support.postJson(path + "/action", "window01", "{\"action\":\"已建立待送达证照日清台账\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ACTED"));
        long failures = support.audits("evaluation.rectification.close", "FAILURE");
        support.postJson(path + "/closure", "chief01", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.callback", Matchers.containsString("回访")));
        assertThat(support.audits("evaluation.rectification.close", "FAILURE")).isEqualTo(failures + 1);
        support.postJson(path + "/callback", "window01", "{\"result\":\"SATISFIED\"}").andExpect(status().isForbidden());
        support.postJson(path + "/callback", "chief01", "{\"result\":\"MAYBE\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.result").exists());
        clock.travelTo(calendar.addWorkingDays(monday, 3));
        support.postJson(path + "/callback", "chief01", "{\"result\":\"SATISFIED\",\"note\":\"申请人对整改表示满意\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CALLED_BACK"));
        support.postJson(path + "/closure", "chief01", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CLOSED"))
                .andExpect(jsonPath("$.history[*].kind").value(Matchers.contains("OPENED", "VERIFIED", "CLASSIFIED",
                        "ACTED", "CALLED_BACK", "CLOSED")));
        support.postJson(path + "/action", "window01", "{\"action\":\"再记一次\"}").andExpect(status().isUnprocessableEntity());

        // the figures: one bad review of window01, rectified on time, called back
        support.getAs("/api/v1/evaluation/statistics?from=" + monday + "&to=" + monday
                        + "&by=STAFF&staff=window01", "chief01").andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].label").value("窗口人员"))
                .andExpect(jsonPath("$.rows[0].bad").value(1))
                .andExpect(jsonPath("$.rows[0].timelyRate").value(1.0))
                .andExpect(jsonPath("$.rows[0].callbackRate").value(1.0));
    }

    @Test
    void anOverdueRectificationIsWarnedThenEscalatedToTheLeaders() throws Exception {
        LocalDate monday = LocalDate.of(2026, 6, 22);
        clock.travelTo(monday);
        long caseId = support.concludedCase();
        long id = support.rate(caseId, "CONCLUSION", 1, "\"R13\"");
        LocalDate due = calendar.addWorkingDays(monday, 5);
        support.getAs("/api/v1/evaluation/rectifications/" + id, "leader").andExpect(status().isNotFound());

        clock.travelTo(calendar.addWorkingDays(monday, 4));
        jobs.deadlines();
        clock.travelTo(due.plusDays(1));
        jobs.deadlines();
        jobs.deadlines(); // once each
        support.getAs("/api/v1/evaluation/rectifications/" + id, "leader").andExpect(status().isOk())
                .andExpect(jsonPath("$.overdue").value(true)).andExpect(jsonPath("$.escalated").value(true))
                .andExpect(jsonPath("$.history[*].kind").value(Matchers.contains("OPENED", "WARNED", "ESCALATED")));
        support.getAs("/api/v1/evaluation/rectifications", "leader")
                .andExpect(jsonPath("$[*].id").value(Matchers.hasItem((int) id)));
    }

    @Test
    void anAppealUpheldExcludesTheRatingFromTheGoodRateButKeepsIt() throws Exception {
        LocalDate day = LocalDate.of(2026, 7, 6);
        clock.travelTo(day);
        long caseId = support.concludedCase();
        support.rate(caseId, "RECEPTION", 5, "\"R51\"");
        long id = support.rate(caseId, "CONCLUSION", 1, "\"R12\"");
        String stats = "/api/v1/evaluation/statistics?from=" + day + "&to=" + day + "&by=NONE";
        support.getAs(stats, "chief01").andExpect(jsonPath("$.total.goodRate").value(0.5))
                .andExpect(jsonPath("$.total.bad").value(1));

        String path = "/api/v1/evaluation/rectifications/" + id;
        support.postJson(path + "/classification", "chief01",
                "{\"verification\":\"系统日志显示当日已按时送达，评价与事实不符\",\"classification\":\"APPEAL\"}")
                .andExpect(jsonPath("$.state").value("APPEALED"));
        // the rated staff member and the chief who appealed do not decide it; a reviewer does, with a reason
        support.postJson(path + "/appeal-decision", "window01", "{\"exclude\":true,\"reason\":\"自己说了算\"}")
                .andExpect(status().isForbidden());
        support.postJson(path + "/appeal-decision", "reviewer01", "{\"exclude\":true}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").exists());
        long excluded = support.audits("evaluation.rating.exclude", "SUCCESS");
        support.postJson(path + "/appeal-decision", "reviewer01", "{\"exclude\":true,\"reason\":\"经核查系误评\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("EXCLUDED"))
                .andExpect(jsonPath("$.excluded").value(true)).andExpect(jsonPath("$.excludedReason").value("经核查系误评"));
        assertThat(support.audits("evaluation.rating.exclude", "SUCCESS")).isEqualTo(excluded + 1);

        support.getAs(stats, "chief01").andExpect(jsonPath("$.total.goodRate").value(1.0))
                .andExpect(jsonPath("$.total.bad").value(0)).andExpect(jsonPath("$.total.excluded").value(1))
                .andExpect(jsonPath("$.total.total").value(2));
        // the same after the day is rolled up
        clock.travelTo(day.plusDays(1));
        jobs.rollup();
        support.getAs(stats, "chief01").andExpect(jsonPath("$.total.goodRate").value(1.0))
                .andExpect(jsonPath("$.total.excluded").value(1));
        assertThat(jdbc.sql("select count(*) from oneseal.rating where case_id = ?").param(caseId).query(Long.class)
                .single()).isEqualTo(2);
    }

    @Test
    void theRatedStaffMemberDecidesNothingAboutTheirReviewNorDoesTheChiefWhoFiledTheAppeal() throws Exception {
        clock.travelTo(LocalDate.of(2026, 7, 20));
        long caseId = support.concludedNanxiCase();
        long id = support.rate(caseId, "CONCLUSION", 1, "\"R14\"");
        String path = "/api/v1/evaluation/rectifications/" + id;
        support.postJson(path + "/classification", "nanxi_chief",
                "{\"verification\":\"录像显示服务规范，评价与事实不符\",\"classification\":\"APPEAL\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("APPEALED"));
        // nanxi_chief is a reviewer too, but filed this appeal: the decision belongs to someone else
        long denied = support.audits("evaluation.appeal.decide", "DENIED");
        support.postJson(path + "/appeal-decision", "nanxi_chief", "{\"exclude\":true,\"reason\":\"自己复核自己\"}")
                .andExpect(status().isUnprocessableEntity());
        support.postJson(path + "/appeal-decision", "leader", "{\"exclude\":false,\"reason\":\"证据不足，驳回申诉\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("OPEN"));

        // a paper rating of chief01 themselves: chief01 may neither classify it nor see who gave it
        support.postJson("/api/v1/evaluation/ratings", "window01", "{\"object\":\"STAFF\",\"ref\":\"chief01\","
                + "\"channel\":\"PHONE\",\"faceToFace\":false,\"level\":2,\"reasons\":[\"R23\"],"
                + "\"raterName\":\"王五\",\"raterPhone\":\"13911112222\"}").andExpect(status().isCreated());
        long own = jdbc.sql("""
                select x.id from oneseal.rectification x join oneseal.rating r on r.id = x.rating_id
                where r.object_type = 'STAFF' and r.object_id = 'chief01' order by x.id desc limit 1""")
                .query(Long.class).single();
        String view = support.getAs("/api/v1/evaluation/rectifications/" + own, "chief01").andExpect(status().isOk())
                .andExpect(jsonPath("$.responsible").value("chief01")).andReturn().getResponse().getContentAsString();
        assertThat(view).doesNotContain("王五", "13911112222");
        support.postJson("/api/v1/evaluation/rectifications/" + own + "/classification", "chief01",
                "{\"verification\":\"我没有问题\",\"classification\":\"EXPLAIN\"}")
                .andExpect(status().isUnprocessableEntity());
        assertThat(support.audits("evaluation.appeal.decide", "DENIED")).isEqualTo(denied + 1);
    }

    @Test
    void anOverdueRectificationCannotBeGivenALaterDeadline() throws Exception {
        LocalDate monday = LocalDate.of(2026, 8, 10);
        clock.travelTo(monday);
        long caseId = support.concludedCase();
        long id = support.rate(caseId, "CONCLUSION", 2, "\"R21\"");
        clock.travelTo(calendar.addWorkingDays(monday, 6));
        support.postJson("/api/v1/evaluation/rectifications/" + id + "/classification", "chief01",
                "{\"verification\":\"核实属实\",\"classification\":\"DEADLINE\",\"ledger\":\"优化送达流程\","
                        + "\"deadline\":\"" + calendar.addWorkingDays(monday, 10) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.deadline", Matchers.containsString("已超过整改期限")));
    }

    @Test
    void anotherRegionsStaffNeitherSeeNorCountTheCitysRectifications() throws Exception {
        clock.travelTo(LocalDate.of(2026, 7, 13));
        long caseId = support.concludedCase();
        long id = support.rate(caseId, "CONCLUSION", 2, "\"R23\"");
        long denied = support.audits("evaluation.rectification.read", "DENIED");
        support.getAs("/api/v1/evaluation/rectifications/" + id, "nanxi_chief").andExpect(status().isNotFound());
        assertThat(support.audits("evaluation.rectification.read", "DENIED")).isEqualTo(denied + 1);
        support.postJson("/api/v1/evaluation/rectifications/" + id + "/classification", "nanxi_chief",
                "{\"verification\":\"越权核实\",\"classification\":\"EXPLAIN\"}").andExpect(status().isNotFound());
        support.getAs("/api/v1/evaluation/rectifications", "nanxi_chief")
                .andExpect(jsonPath("$[*].id").value(Matchers.not(Matchers.hasItem((int) id))));
        support.getAs("/api/v1/evaluation/statistics?from=2026-07-13&to=2026-07-13&region=" + support.region("990100"),
                "nanxi_chief").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.region").exists());
        support.getAs("/api/v1/evaluation/statistics?from=2026-07-13&to=2026-07-13", "nanxi_chief")
                .andExpect(jsonPath("$.total.total").value(0));
    }
}

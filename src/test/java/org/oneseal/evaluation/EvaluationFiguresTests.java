package org.oneseal.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The invitation to rate, the monthly bulletin (its downloads, its publication without personal data), the cap. */
@IntegrationTest
class EvaluationFiguresTests {

    @Autowired EvaluationTestSupport support;
    @Autowired EvaluationJobs jobs;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired MockMvc mvc;

    @AfterEach
    void back() {
        clock.reset();
    }

    @Test
    void aConcludedCaseWithoutARatingIsAnInvitationAfterThreeDaysOnce() throws Exception {
        LocalDate day = LocalDate.of(2026, 9, 7);
        clock.travelTo(day);
        long unrated = support.concludedCase();
        long rated = support.concludedCase();
        support.rate(rated, "CONCLUSION", 5, "");
        clock.travelTo(day.plusDays(2));
        jobs.invitations();
        assertThat(invitations(unrated)).isZero();
        clock.travelTo(day.plusDays(3));
        jobs.invitations();
        jobs.invitations();
        assertThat(invitations(unrated)).isOne();
        assertThat(invitations(rated)).isZero();
        long messages = org.oneseal.Eventually.nonZero(() -> jdbc.sql(
                "select count(*) from oneseal.notification_message where case_id = ? and kind = 'RATING_INVITED'")
                .param(unrated).query(Long.class).single());
        assertThat(messages).isOne();
        assertThat(jdbc.sql("select link from oneseal.notification_message where case_id = ? and kind = 'RATING_INVITED'")
                .param(unrated).query(String.class).single()).isEqualTo("/me/cases/" + unrated + "/rate");
    }

    private long invitations(long caseId) {
        return jdbc.sql("select count(*) from oneseal.rating_invitation where case_id = ?").param(caseId)
                .query(Long.class).single();
    }

    @Test
    void aMonthsBulletinRanksDownloadsAndIsPublishedOnceWithoutPersonalData() throws Exception {
        clock.travelTo(LocalDate.of(2026, 10, 12));
        long caseId = support.concludedCase();
        support.rate(caseId, "RECEPTION", 5, "\"R51\"");
        support.rate(caseId, "CONCLUSION", 2, "\"R22\"");
        clock.travelTo(LocalDate.of(2026, 11, 3));

        support.getAs("/api/v1/evaluation/bulletins/2026-10", "leader").andExpect(status().isOk())
                .andExpect(jsonPath("$.total.counted").value(Matchers.greaterThanOrEqualTo(2)))
                .andExpect(jsonPath("$.staff[*].label").value(Matchers.hasItem("窗口人员")))
                .andExpect(jsonPath("$.badReviews[*].reasons[0]").value(Matchers.hasItem("办理超时")));
        byte[] xlsx = support.getAs("/workbench/evaluation/bulletin/2026-10.xlsx", "leader").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var bad = book.getSheet("差评及整改情况");
            assertThat(java.util.stream.IntStream.rangeClosed(1, bad.getLastRowNum())
                    .mapToObj(i -> bad.getRow(i).getCell(4).getStringCellValue())).anyMatch(r -> r.contains("办理超时"));
            assertThat(book.getSheet("工作人员排名")).isNotNull();
        }
        byte[] pdf = support.getAs("/workbench/evaluation/bulletin/2026-10.pdf", "leader").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("好差评月度通报", "办理超时");
        }

        // publication: the leader's, once, of a month that is over; the public copy names no staff
        support.postJson("/api/v1/evaluation/bulletins/2026-11/publication", "leader", "{}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.month").exists());
        support.postJson("/api/v1/evaluation/bulletins/2026-10/publication", "chief01", "{}")
                .andExpect(status().isForbidden());
        support.postJson("/api/v1/evaluation/bulletins/2026-10/publication", "leader", "{}")
                .andExpect(status().isCreated());
        support.postJson("/api/v1/evaluation/bulletins/2026-10/publication", "leader", "{}")
                .andExpect(status().isConflict());
        long city = support.region("990100");
        mvc.perform(get("/api/v1/public/evaluation-bulletins")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.month == '2026-10')].regionId").value(Matchers.hasItem((int) city)));
        String published = mvc.perform(get("/api/v1/public/evaluation-bulletins/2026-10/" + city))
                .andExpect(status().isOk()).andExpect(jsonPath("$.staff").isEmpty())
                .andExpect(jsonPath("$.badReviews[0].responsible").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(published).doesNotContain("window01", "窗口人员", "张三", "13800138000");
        mvc.perform(get("/evaluation-bulletins/2026-10/" + city)).andExpect(status().isOk());
        mvc.perform(get("/evaluation-bulletins/2026-10/" + city + "/bulletin.pdf")).andExpect(status().isOk());
        mvc.perform(get("/evaluation-bulletins/2026-09/" + city)).andExpect(status().isNotFound());
    }

    @Test
    void theRectificationDeadlineCannotBeConfiguredPastFifteenWorkingDays() {
        assertThatThrownBy(() -> new RatingStore(jdbc, null, null, clock, 16))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("15");
        assertThatThrownBy(() -> new RatingStore(jdbc, null, null, clock, 0)).isInstanceOf(IllegalStateException.class);
        assertThat(new RatingStore(jdbc, null, null, clock, 15).rectificationDays()).isEqualTo(15);
    }
}

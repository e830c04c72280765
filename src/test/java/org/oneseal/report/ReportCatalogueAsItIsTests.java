package org.oneseal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.statistics.Statistics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The default reports with the metric catalogue as the application has it (no test source): whatever modules have
 * registered their figures, both generate, every figure has a trace, and a figure no module provides yet reads
 * “（暂无数据）” with that reason — never 0, never a refusal of the platform's own template.
 */
@IntegrationTest
class ReportCatalogueAsItIsTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Statistics statistics;

    private final int year = LocalDate.now().getYear() - 1;

    @Test
    void theDefaultReportsGenerateWithWhateverTheCatalogueHolds() throws Exception {
        for (String path : List.of("/api/v1/reports/annual?year=" + year + "&area=all",
                "/api/v1/reports/bulletin?month=" + year + "-06&area=city")) {
            byte[] docx = mvc.perform(get(path).with(user(users.loadUserByUsername("leader"))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            assertThat(ReportFiles.allText(docx)).doesNotContain("${");
            List<ReportFiles.Source> sources = ReportFiles.appendix(docx);
            assertThat(sources).isNotEmpty();
            for (ReportFiles.Source s : sources) {
                if (!statistics.exists(s.id())) {
                    assertThat(s.records()).as(s.id()).isEqualTo("—");
                    assertThat(s.note()).as(s.id()).contains("尚未接入统计指标目录");
                }
            }
        }
        assertThat(ReportFiles.templateMetrics(ReportKind.ANNUAL)).containsAll(ReportTestMetrics.DOCUMENTED);
    }
}

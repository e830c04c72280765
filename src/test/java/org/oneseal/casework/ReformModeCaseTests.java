package org.oneseal.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.matter.MatterVersionView;
import org.oneseal.matter.ReformMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** 证照分离 in casework: a cancelled approval is not applied for; an approval turned into a filing is filed on receipt. */
@IntegrationTest
class ReformModeCaseTests {

    @Autowired MockMvc mvc;
    @Autowired MatterCatalogue catalogue;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;

    @BeforeEach
    void inJune2026() {
        clock.travelTo(LocalDate.of(2026, 6, 15));
    }

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void aCancelledApprovalIsRefusedWithWhatReplacedItAndNothingIsCreated() throws Exception {
        MatterVersionView grain = cityMatter("粮食收购资格认定");
        assertThat(grain.reformMode()).isEqualTo(ReformMode.CANCELLED);
        long casesBefore = count("case_file");
        long refusalsBefore = refusals(grain);

        mvc.perform(application(grain, "zhangsan"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.matterId", Matchers.containsString("已直接取消审批")))
                .andExpect(jsonPath("$.errors.matterId", Matchers.containsString("改为备案")));
        // nor at a window
        mvc.perform(multipart("/workbench/intake").param("matterId", "" + grain.matterId())
                        .param("applicantIdentifier", "110101199003077777").param("applicantName", "张三")
                        .with(user(users.loadUserByUsername("window01"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("已直接取消审批")));

        assertThat(count("case_file")).isEqualTo(casesBefore);
        assertThat(refusals(grain)).isEqualTo(refusalsBefore + 2);
        // the applicant's form says so too, and offers nothing to submit
        mvc.perform(get("/apply/" + grain.matterId()).with(user(users.loadUserByUsername("zhangsan"))))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.allOf(Matchers.containsString("id=\"matter-cancelled\""),
                                Matchers.not(Matchers.containsString("name=\"submissionKey\"")))));
    }

    @Test
    void aFilingIsFiledOnReceiptWithoutReviewAndConcludedAtOnce() throws Exception {
        MatterVersionView filing = cityMatter("养老机构备案");
        assertThat(filing.reformMode()).isEqualTo(ReformMode.FILING);

        String body = mvc.perform(application(filing, "zhangsan"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("FILED"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));

        var row = jdbc.sql("select status, current_step, accepted_on, concluded_on, receipt_due from oneseal.case_file "
                + "where id = ?").param(id).query().singleRow();
        assertThat(row.get("status")).isEqualTo("FILED");
        assertThat(row.get("current_step")).as("no step waits for anybody").isNull();
        assertThat(row.get("concluded_on")).isNotNull().isEqualTo(row.get("accepted_on"));
        assertThat(row.get("receipt_due")).isNull();
        assertThat(jdbc.sql("select kind from oneseal.case_event where case_id = ? order by id").param(id)
                .query(String.class).list()).containsExactly("SUBMITTED", "FILED");
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where action = 'casework.case.filed' "
                + "and object_id = ?").param(String.valueOf(id)).query(Long.class).single()).isOne();
        // the applicant reads the receipt on the case page; no window sees a task for it
        mvc.perform(get("/me/cases/" + id).with(user(users.loadUserByUsername("zhangsan"))))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.allOf(Matchers.containsString("已备案"), Matchers.containsString("收到即备案"))));
        mvc.perform(get("/api/v1/workbench/tasks").with(user(users.loadUserByUsername("window01"))))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.not(Matchers.containsString("\"caseId\":" + id + ","))));
    }

    private MatterVersionView cityMatter(String name) {
        long city = jdbc.sql("select id from oneseal.region where code = '990100'").query(Long.class).single();
        return catalogue.published(city).stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private MockMultipartHttpServletRequestBuilder application(MatterVersionView matter, String username) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/cases").param("matterId", "" + matter.matterId());
        CaseworkTestSupport.requiredFiles(matter).forEach(f -> request.file(new MockMultipartFile(
                "file." + f.requirementCode(), f.fileName(), MediaType.APPLICATION_PDF_VALUE, f.content())));
        return request.with(user(users.loadUserByUsername(username))).with(csrf());
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from oneseal." + table).query(Long.class).single();
    }

    private long refusals(MatterVersionView matter) {
        return jdbc.sql("select count(*) from oneseal.audit_entry where action = 'casework.case.apply' "
                + "and outcome = 'FAILURE' and object_id = ?").param(String.valueOf(matter.matterId()))
                .query(Long.class).single();
    }
}

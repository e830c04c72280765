package org.oneseal.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** 全市通办: any hall receives and forwards; both offices see the case; only the competent one decides. */
@IntegrationTest
class CrossRegionTests {

    @Autowired MockMvc mvc;
    @Autowired CaseworkTestSupport support;
    @Autowired TestClock clock;
    @Autowired CaseIntake intake;
    @Autowired CaseHandling handling;
    @Autowired CaseDecisions decisions;
    @Autowired CaseQueries queries;
    @Autowired MatterCatalogue catalogue;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void inJune2026() {
        clock.travelTo(LocalDate.of(2026, 6, 15));
    }

    @AfterEach
    void back() {
        support.signOut();
        clock.reset();
    }

    @Test
    void theCityHallReceivesANanxiCaseOnlyNanxiDecidesAndTheCityHallDeliversWhereTheApplicantChose() throws Exception {
        MatterVersionView nanxiFood = support.foodPermit("990121");
        assertThat(nanxiFood.receivableElsewhere()).isTrue();
        support.as("window01"); // a window of the city hall
        CaseView received = intake.intake(new WindowIntake(nanxiFood.matterId(), "11010519491231002X", "张三", null,
                "RECEIVING"), CaseworkTestSupport.requiredFiles(nanxiFood));
        long id = received.id();
        long nanxi = jdbc.sql("select id from oneseal.region where code = '990121'").query(Long.class).single();
        assertThat(received.regionId()).as("the competent office's case").isEqualTo(nanxi);
        var tongban = jdbc.sql("select mode, receiving_staff, deliver_at from oneseal.case_tongban where case_id = ?")
                .param(id).query().singleRow();
        assertThat(tongban).containsEntry("mode", "RECEIVE_ELSEWHERE").containsEntry("receiving_staff", "window01")
                .containsEntry("deliver_at", "RECEIVING");

        // the receiving office sees it, and is told clearly that it cannot handle it
        assertThat(queries.detail(id).tongban().mode()).isEqualTo("RECEIVE_ELSEWHERE");
        long denials = denials();
        mvc.perform(post("/api/v1/cases/" + id + "/acceptance").with(user(users.loadUserByUsername("window01"))).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", Matchers.containsString("主管部门")));
        assertThat(denials()).isEqualTo(denials + 1);
        // an office that neither received nor is competent does not even see it
        mvc.perform(get("/api/v1/cases/" + id).with(user(users.loadUserByUsername("beiling_admin"))))
                .andExpect(status().is4xxClientError());

        support.as("nanxi_window");
        handling.accept(id);
        support.as("nanxi_chief");
        handling.completeReview(id, "材料齐全");
        support.as("chief01"); // the city's chief is not the competent office either
        assertThatThrownBy(() -> decisions.decide(id, new Decision(true, "同意", null, null)))
                .isInstanceOf(IllegalCaseTransition.class).hasMessageContaining("主管部门");
        support.as("nanxi_chief");
        assertThat(decisions.decide(id, new Decision(true, "符合条件", null, null)).status()).isEqualTo(CaseStatus.GRANTED);

        // the applicant chose the city hall: Nanxi's window does not deliver, the city hall does
        support.as("nanxi_window");
        assertThatThrownBy(() -> handling.deliver(id, "PICKUP")).isInstanceOf(IllegalCaseTransition.class)
                .hasMessageContaining("代收窗口");
        support.as("window01");
        assertThat(queries.myTasks()).as("the city hall's task list").extracting(WorkItem::caseId).contains(id);
        assertThat(handling.deliver(id, "PICKUP").status()).isEqualTo(CaseStatus.DELIVERED);
    }

    @Test
    void aMatterThatIsNotCityWideIsTakenInOnlyByItsOwnRegion() throws Exception {
        long city = jdbc.sql("select id from oneseal.region where code = '990100'").query(Long.class).single();
        MatterVersionView signs = catalogue.published(city).stream().filter(m -> m.name().equals("户外广告设施设置审批"))
                .findFirst().orElseThrow();
        assertThat(signs.receivableElsewhere()).isFalse();
        long cases = support.count("case_file");
        support.as("nanxi_window");
        assertThatThrownBy(() -> intake.intake(new WindowIntake(signs.matterId(), "11010519491231002X", "张三", null),
                CaseworkTestSupport.requiredFiles(signs))).isInstanceOf(org.oneseal.shared.InvalidInputException.class)
                .hasMessageContaining("不在您所在区划");
        assertThat(support.count("case_file")).isEqualTo(cases);
    }

    private long denials() {
        return jdbc.sql("select count(*) from oneseal.audit_entry where action = 'casework.case.act' and outcome = 'DENIED'")
                .query(Long.class).single();
    }

}

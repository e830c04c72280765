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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.oneseal.matter.MatterVersionView;
import org.oneseal.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Who may see and do what around a case: the guards a second reading of the code asked for. */
@IntegrationTest
class CaseGuardTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseworkTestSupport support;
    @Autowired
    UserDetailsService users;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseHandling handling;
    @Autowired
    CaseQueries queries;
    @Autowired
    CaseDecisions decisions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

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
    void materialsAreForCaseHandlersAndApiDenialsAreAudited() throws Exception {
        long id = applied("990100");
        support.as("window01");
        long material = queries.detail(id).materials().getFirst().id();
        support.signOut();
        mvc.perform(get("/workbench/cases/" + id + "/materials/" + material).with(user(users.loadUserByUsername("auditor"))))
                .andExpect(status().isForbidden());
        long denials = denials();
        mvc.perform(post("/api/v1/cases/" + id + "/decision").with(user(users.loadUserByUsername("window01"))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grant\": true, \"reasons\": \"越权\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value("您没有执行此操作的权限"));
        assertThat(denials()).isEqualTo(denials + 1);
    }

    @Test
    void overlongTextsAndNullDeficienciesAreFieldErrorsNotServerErrors() throws Exception {
        long id = applied("990100");
        var window = user(users.loadUserByUsername("window01"));
        mvc.perform(post("/api/v1/cases/" + id + "/correction-request").with(window).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("[null]")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/cases/" + id + "/refusal").with(window).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"" + "长".repeat(1950) + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/workbench/cases/" + id + "/refuse").with(window).with(csrf()).param("reason", "长".repeat(2500)))
                .andExpect(status().isOk());
        support.as("window01");
        assertThat(queries.detail(id).summary().status()).isEqualTo(CaseStatus.SUBMITTED);
    }

    @Test
    void draftsStayWithTheApplicantAndSubmittingStampsTheTime() {
        MatterVersionView food = support.foodPermit("990100");
        support.as("zhangsan");
        CaseView draft = intake.saveDraft(new Application(food.matterId(), null, null), List.of(), null);
        support.as("window01");
        assertThatThrownBy(() -> queries.detail(draft.id())).isInstanceOf(NotFoundException.class);
        assertThat(queries.search(CaseSearch.none())).extracting(WorkItem::caseId).doesNotContain(draft.id());
        clock.travelTo(LocalDate.of(2026, 6, 17));
        support.as("zhangsan");
        CaseView submitted = intake.submitDraft(draft.id(), CaseworkTestSupport.requiredFiles(food));
        assertThat(submitted.submittedAt()).isAfter(draft.submittedAt().plusSeconds(86_400));
        assertThat(jdbc.sql("select submitted_at from oneseal.case_file where id = :id").param("id", draft.id())
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(submitted.submittedAt());
    }

    @Test
    void onlyTheStepsRoleClaimsAndTheApplicantSeesNoInternalSteps() {
        long id = applied("990100");
        support.as("reviewer01");
        assertThatThrownBy(() -> handling.claim(id)).isInstanceOf(IllegalCaseTransition.class);
        support.as("window01");
        handling.claim(id);
        support.as("zhangsan");
        CaseDetail mine = queries.myCase(id);
        assertThat(mine.timeline()).extracting(CaseEventView::kind).containsExactly("SUBMITTED");
        assertThat(mine.timeline()).allSatisfy(e -> assertThat(e.actor()).isNull());
        assertThat(mine.summary().assignee()).isNull();
    }

    @Test
    void aChiefOfAnotherCountyCannotOpenOrRevokeTheLicence() throws Exception {
        MatterVersionView food = support.foodPermit("990121");
        support.as("zhangsan");
        long id = intake.apply(new Application(food.matterId(), null, null), CaseworkTestSupport.requiredFiles(food),
                null).id();
        support.as("nanxi_window");
        handling.accept(id);
        support.as("nanxi_chief");
        handling.completeReview(id, "符合要求");
        String licence = decisions.decide(id, new Decision(true, "符合条件", null, null)).licenceId();
        support.signOut();
        mvc.perform(get("/admin/licences/" + licence).with(user(users.loadUserByUsername("chief01"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/licences/" + licence + "/revoke").with(user(users.loadUserByUsername("chief01")))
                .with(csrf()).param("reason", "越权注销")).andExpect(status().isNotFound());
        mvc.perform(get("/admin/licences/" + licence + "/pdf").with(user(users.loadUserByUsername("party01"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/licences/" + licence).with(user(users.loadUserByUsername("nanxi_chief"))))
                .andExpect(status().isOk());
    }

    private long applied(String region) {
        return support.applied(region, intake);
    }

    private long denials() {
        return jdbc.sql("select count(*) from oneseal.audit_entry where outcome = 'DENIED'").query(Long.class).single();
    }
}

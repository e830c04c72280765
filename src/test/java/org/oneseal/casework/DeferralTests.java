package org.oneseal.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.oneseal.approval.CaseProcesses;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.matter.MatterVersionView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** 容缺受理: what may be deferred, the grant waiting for it, reminders, and the matter's rule when it is late. */
@IntegrationTest
class DeferralTests {

    static final LocalDate MONDAY = LocalDate.of(2026, 6, 15);

    @Autowired MockMvc mvc;
    @Autowired CaseworkTestSupport support;
    @Autowired TestClock clock;
    @Autowired CaseIntake intake;
    @Autowired CaseHandling handling;
    @Autowired CaseDecisions decisions;
    @Autowired CaseDeferrals deferrals;
    @Autowired CaseQueries queries;
    @Autowired DeferralDeadlines deadlines;
    @Autowired CaseProcesses processes;
    @Autowired MatterCatalogue catalogue;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void inJune2026() {
        clock.travelTo(MONDAY);
    }

    @AfterEach
    void back() {
        support.signOut();
        clock.reset();
    }

    @Test
    void aKeyMaterialIsNeverDeferredAndTheAttemptChangesNothingButTheAuditLog() throws Exception {
        MatterVersionView food = support.foodPermit("990100");
        String key = food.materials().getFirst().code(); // 食品经营许可申请书, a key material
        long cases = support.count("case_file");
        long attempts = auditCount("casework.case.deferral", "FAILURE");

        mvc.perform(application(food, Set.of(key), MONDAY.plusDays(10).toString(), true))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['materials[" + key + "]']", Matchers.containsString("关键材料，不能容缺")));
        // nor without a date or without the applicant's commitment
        String deferrable = deferrable(food).getFirst().code();
        mvc.perform(application(food, Set.of(deferrable), "", false))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.deferralDue", Matchers.containsString("补交期限")))
                .andExpect(jsonPath("$.errors.deferralCommitment", Matchers.containsString("承诺")));
        mvc.perform(application(food, Set.of(deferrable), MONDAY.plusDays(40).toString(), true))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.deferralDue", Matchers.containsString("30天之内")));

        assertThat(support.count("case_file")).isEqualTo(cases);
        assertThat(auditCount("casework.case.deferral", "FAILURE")).isEqualTo(attempts + 1);
    }

    @Test
    void theGrantWaitsForTheDeferredMaterialUntilItArrives() throws Exception {
        MatterVersionView food = support.foodPermit("990100");
        var deferred = deferrable(food).getFirst();
        long id = applyDeferring(food, deferred.code(), MONDAY.plusDays(10));
        support.as("zhangsan");
        assertThat(queries.myCase(id).deferredMaterials()).singleElement().satisfies(d -> {
            assertThat(d.materialName()).isEqualTo(deferred.name());
            assertThat(d.missing()).isTrue();
            assertThat(d.dueOn()).isEqualTo(MONDAY.plusDays(10));
        });
        toDecision(id);

        support.as("chief01");
        assertThatThrownBy(() -> decisions.decide(id, new Decision(true, "符合条件", null, null)))
                .isInstanceOf(IllegalCaseTransition.class).hasMessageContaining(deferred.name());
        assertThat(queries.detail(id).summary().status()).isEqualTo(CaseStatus.AWAITING_DECISION);
        assertThat(queries.detail(id).summary().licenceId()).isNull();

        support.as("zhangsan");
        assertThatThrownBy(() -> deferrals.supply(id, List.of(new SubmittedFile("M01", "a.pdf", "application/pdf",
                CaseworkTestSupport.pdf("x"))))).isInstanceOf(org.oneseal.shared.InvalidInputException.class);
        deferrals.supply(id, List.of(new SubmittedFile(deferred.code(), "制度.pdf", "application/pdf",
                CaseworkTestSupport.pdf("食品安全管理制度"))));
        assertThat(queries.myCase(id).deferredMaterials()).allMatch(d -> !d.missing());
        assertThat(queries.myCase(id).timeline()).extracting(CaseEventView::kind)
                .contains("MATERIAL_DEFERRED", "DEFERRED_MATERIAL_SUPPLIED");

        support.as("chief01");
        CaseView granted = decisions.decide(id, new Decision(true, "符合条件", null, null));
        assertThat(granted.status()).isEqualTo(CaseStatus.GRANTED);
        assertThat(granted.licenceId()).isNotNull();
    }

    @Test
    void theApplicantIsRemindedAndALateMaterialSuspendsTheCaseUntilItArrives() {
        MatterVersionView food = support.foodPermit("990100");
        LocalDate due = MONDAY.plusDays(4); // Friday
        String code = deferrable(food).getLast().code();
        long id = applyDeferring(food, code, due);
        support.as("window01");
        handling.accept(id);
        support.signOut();

        clock.travelTo(due.minusDays(1));
        assertThat(deadlines.run().reminded()).isPositive();
        assertThat(events(id)).contains("DEFERRED_MATERIAL_REMINDER");
        assertThat(deadlines.run().reminded()).as("once").isZero();
        assertThat(CaseworkTestSupport.eventually(() -> jdbc.sql("select count(*) from oneseal.notification_message where case_id = ? "
                + "and kind = 'DEFERRED_MATERIAL_REMINDER'").param(id).query(Long.class).single()))
                .as("the applicant's message (written after the commit)").isOne();

        clock.travelTo(due.plusDays(3)); // Monday after
        assertThat(deadlines.run().acted()).isPositive();
        assertThat(events(id)).contains("DEFERRED_MATERIAL_OVERDUE");
        assertThat(pausedSince(id)).isEqualTo(due.plusDays(3));
        assertThat(queries.detail(asWindow(id)).summary().status()).isEqualTo(CaseStatus.IN_REVIEW);
        assertThat(deadlines.run().acted()).as("once").isZero();
        support.as("reviewer01"); // that pause is not a special procedure anybody can end
        assertThatThrownBy(() -> handling.endSpecialProcedure(id, "结束")).isInstanceOf(IllegalCaseTransition.class)
                .hasMessageContaining("容缺材料逾期");
        support.signOut();

        clock.travelTo(due.plusDays(5));
        support.as("zhangsan");
        deferrals.supply(id, List.of(new SubmittedFile(code, "身份证明.pdf", "application/pdf",
                CaseworkTestSupport.pdf("身份证明"))));
        assertThat(pausedSince(id)).as("the clock runs again").isNull();
        assertThat(jdbc.sql("select paused_days from oneseal.case_file where id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(2);
    }

    @Test
    void aLateMaterialTerminatesTheCaseWhenTheMatterSaysSo() {
        long city = jdbc.sql("select id from oneseal.region where code = '990100'").query(Long.class).single();
        MatterVersionView tobacco = catalogue.published(city).stream().filter(m -> m.name().equals("烟草专卖零售许可"))
                .findFirst().orElseThrow();
        assertThat(tobacco.deferralRule()).isEqualTo(org.oneseal.matter.DeferralRule.TERMINATE);
        String code = deferrable(tobacco).getFirst().code();
        long id = applyDeferring(tobacco, code, MONDAY.plusDays(2));
        support.as("window01");
        handling.accept(id);
        support.signOut();

        clock.travelTo(MONDAY.plusDays(3));
        deadlines.run();

        var row = jdbc.sql("select status, concluded_on, current_step from oneseal.case_file where id = ?").param(id)
                .query().singleRow();
        assertThat(row.get("status")).isEqualTo("TERMINATED");
        assertThat(row.get("concluded_on")).isNotNull();
        assertThat(row.get("current_step")).isNull();
        assertThat(processes.activeSteps(id)).isEmpty();
        assertThat(events(id)).contains("TERMINATED");
        support.as("zhangsan");
        assertThatThrownBy(() -> deferrals.supply(id, List.of(new SubmittedFile(code, "场所.pdf", "application/pdf",
                CaseworkTestSupport.pdf("场所"))))).isInstanceOf(IllegalCaseTransition.class);
    }

    private static List<org.oneseal.matter.MaterialRequirementView> deferrable(MatterVersionView matter) {
        var list = matter.materials().stream().filter(m -> m.required() && !m.keyMaterial()).toList();
        assertThat(list).as("a required material that is not a key material").isNotEmpty();
        return list;
    }

    private long applyDeferring(MatterVersionView matter, String code, LocalDate due) {
        support.as("zhangsan");
        List<SubmittedFile> files = CaseworkTestSupport.requiredFiles(matter).stream()
                .filter(f -> !f.requirementCode().equals(code)).toList();
        long id = intake.apply(new Application(matter.matterId(), null, null), files, null,
                new CaseDeferrals.Deferral(Set.of(code), due, true), CaseCommitments.Choice.NONE).id();
        support.signOut();
        return id;
    }

    private void toDecision(long id) {
        support.as("window01");
        handling.accept(id);
        support.as("reviewer01");
        handling.completeReview(id, "材料齐全");
        support.signOut();
    }


    private long asWindow(long id) {
        support.as("window01");
        return id;
    }

    private List<String> events(long id) {
        return jdbc.sql("select kind from oneseal.case_event where case_id = ? order by id").param(id)
                .query(String.class).list();
    }

    private LocalDate pausedSince(long id) {
        return jdbc.sql("select paused_since from oneseal.case_file where id = ?").param(id)
                .query(LocalDate.class).optional().orElse(null);
    }

    private long auditCount(String action, String outcome) {
        return jdbc.sql("select count(*) from oneseal.audit_entry where action = ? and outcome = ?")
                .params(action, outcome).query(Long.class).single();
    }

    private MockMultipartHttpServletRequestBuilder application(MatterVersionView matter, Set<String> defer,
            String due, boolean committed) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/cases").param("matterId", "" + matter.matterId());
        CaseworkTestSupport.requiredFiles(matter).stream().filter(f -> !defer.contains(f.requirementCode()))
                .forEach(f -> request.file(new MockMultipartFile("file." + f.requirementCode(), f.fileName(),
                        MediaType.APPLICATION_PDF_VALUE, f.content())));
        defer.forEach(code -> request.param("defer", code));
        request.param("deferralDue", due).param("deferralCommitment", String.valueOf(committed));
        return request.with(user(users.loadUserByUsername("zhangsan"))).with(csrf());
    }
}

package org.oneseal.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.oneseal.calendar.WorkingDayCalendar;
import org.oneseal.license.LicenceStatus;
import org.oneseal.license.Licensing;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.matter.MatterVersionView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** 告知承诺制: notice signed instead of proof, eligibility, decision on the spot, the check and a false commitment. */
@IntegrationTest
class CommitmentTests {

    static final String ZHANGSAN = "11010519491231002X";
    static final LocalDate MONDAY = LocalDate.of(2026, 6, 15);

    @Autowired MockMvc mvc;
    @Autowired CaseworkTestSupport support;
    @Autowired TestClock clock;
    @Autowired CaseHandling handling;
    @Autowired CaseDecisions decisions;
    @Autowired CaseCommitments commitments;
    @Autowired Licensing licensing;
    @Autowired MatterCatalogue catalogue;
    @Autowired WorkingDayCalendar calendar;
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
        // the records these tests make would close the route for every later test of zhangsan
        jdbc.sql("delete from oneseal.credit_record where subject_identifier = ?").param(ZHANGSAN).update();
    }

    @Test
    void theNoticeReplacesTheProofTheCaseIsDecidedOnTheSpotAndAFalseCommitmentRevokesTheLicence() throws Exception {
        MatterVersionView books = bookshop();
        CommitmentNotice notice = commitments.notice(books.matterId()).orElseThrow();
        assertThat(notice.version()).isEqualTo(books.implementationCode() + "-V" + books.versionNumber() + "-T1");
        assertThat(notice.waivedNames()).containsExactly("经营场所使用证明");
        assertThat(notice.text()).contains("不实承诺的责任", "经营场所使用证明", "有确定的经营场所");

        // the applicant signs instead of uploading the proof of premises
        String body = mvc.perform(application(books, notice.version(), true)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        var signed = jdbc.sql("select notice_version, notice_text, signed_by from oneseal.case_commitment where case_id = ?")
                .param(id).query().singleRow();
        assertThat(signed.get("notice_version")).isEqualTo(notice.version());
        assertThat(signed.get("notice_text")).isEqualTo(notice.text());
        assertThat(signed.get("signed_by")).isEqualTo("zhangsan");
        assertThat(jdbc.sql("select count(*) from oneseal.case_material where case_id = ? and requirement_code = 'M03'")
                .param(id).query(Long.class).single()).isZero();

        // accepted and, with no substantive review, straight to the chief
        support.as("window01");
        assertThat(handling.accept(id).status()).isEqualTo(CaseStatus.AWAITING_DECISION);
        support.as("chief01");
        CaseView granted = decisions.decide(id, new Decision(true, "申请人承诺符合条件", null, null));
        assertThat(granted.licenceId()).isNotNull();
        CommitmentVerification check = commitments.verificationOf(id).orElseThrow();
        assertThat(check.method()).isEqualTo("ONSITE");
        assertThat(check.state()).isEqualTo("OPEN");
        assertThat(check.dueOn()).isEqualTo(calendar.addWorkingDays(MONDAY, 20));

        // the on-site check finds no premises
        mvc.perform(post("/api/v1/commitment-verifications/" + check.id()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"passed\":false,\"findings\":\"现场核查：承诺的经营场所不存在\",\"consequence\":\"REVOKE\"}")
                        .with(user(users.loadUserByUsername("chief01"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("FAILED"))
                .andExpect(jsonPath("$.consequence").value("REVOKE"));
        assertThat(licensing.licence(granted.licenceId()).status()).isEqualTo(LicenceStatus.REVOKED);
        assertThat(jdbc.sql("select kind from oneseal.credit_record where subject_identifier = ? and case_id = ?")
                .params(ZHANGSAN, id).query(String.class).list()).containsExactly("FALSE_COMMITMENT");
        assertThat(jdbc.sql("select kind from oneseal.case_event where case_id = ? order by id").param(id)
                .query(String.class).list()).contains("COMMITMENT_SIGNED", "COMMITMENT_CHECK_PLANNED", "COMMITMENT_FALSE");
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where action = 'casework.commitment.verify' "
                + "and object_id = ? and reason = 'FAILED REVOKE'").param(String.valueOf(id)).query(Long.class).single()).isOne();

        // and the route is closed to this applicant from now on, with the reason
        mvc.perform(application(books, notice.version(), true))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.commitment", Matchers.containsString("不实承诺记录")));
        mvc.perform(get("/apply/" + books.matterId()).with(user(users.loadUserByUsername("zhangsan"))))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("id=\"commitment-barred\""),
                        Matchers.not(Matchers.containsString("id=\"commitment-choice\"")))));
    }

    @Test
    void aSeriousDishonestyRecordOrAnOutdatedNoticeIsRefusedAndNothingIsCreated() throws Exception {
        MatterVersionView books = bookshop();
        String version = commitments.notice(books.matterId()).orElseThrow().version();
        long cases = support.count("case_file");
        mvc.perform(application(books, "11990100SF0015000-V0-T1", true))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.commitment", Matchers.containsString("请重新阅读")));
        jdbc.sql("insert into oneseal.credit_record (subject_identifier, kind, reason, recorded_at, recorded_by) "
                + "values (?, 'SERIOUS_DISHONESTY', '列入严重失信主体名单（示范）', now(), 'credit-platform')")
                .param(ZHANGSAN).update();
        long denials = jdbc.sql("select count(*) from oneseal.audit_entry where action = 'casework.case.commitment' "
                + "and outcome = 'DENIED'").query(Long.class).single();
        mvc.perform(application(books, version, true))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.commitment", Matchers.containsString("严重失信")));
        // without the proof and without the route, the proof is missing
        mvc.perform(application(books, null, false))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['materials[M03]']", Matchers.containsString("经营场所使用证明")));
        assertThat(support.count("case_file")).isEqualTo(cases);
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where action = 'casework.case.commitment' "
                + "and outcome = 'DENIED'").query(Long.class).single()).isEqualTo(denials + 1);
    }

    @Test
    void aCheckNeedsItsConsequenceAndOnlyTheRegionsChiefRecordsIt() throws Exception {
        MatterVersionView books = bookshop();
        String version = commitments.notice(books.matterId()).orElseThrow().version();
        String body = mvc.perform(application(books, version, true)).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        support.as("window01");
        handling.accept(id);
        support.as("chief01");
        decisions.decide(id, new Decision(true, "符合条件", null, null));
        long check = commitments.verificationOf(id).orElseThrow().id();
        support.signOut();

        mvc.perform(post("/api/v1/commitment-verifications/" + check).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"passed\":false,\"findings\":\"场所面积不足\",\"consequence\":\"CORRECTION_ORDER\"}")
                        .with(user(users.loadUserByUsername("chief01"))).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.correctionDue", Matchers.containsString("整改期限")));
        long denied = jdbc.sql("select count(*) from oneseal.audit_entry where action = 'casework.commitment.verify' "
                + "and outcome = 'DENIED'").query(Long.class).single();
        mvc.perform(post("/api/v1/commitment-verifications/" + check).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"passed\":true,\"findings\":\"属实\"}")
                        .with(user(users.loadUserByUsername("nanxi_chief"))).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where action = 'casework.commitment.verify' "
                + "and outcome = 'DENIED'").query(Long.class).single()).isEqualTo(denied + 1);
        mvc.perform(get("/api/v1/commitment-verifications").with(user(users.loadUserByUsername("nanxi_chief"))))
                .andExpect(jsonPath("$[*].id", Matchers.not(Matchers.hasItem((int) check))));

        mvc.perform(post("/api/v1/commitment-verifications/" + check).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"passed\":false,\"findings\":\"场所面积不足\",\"consequence\":\"CORRECTION_ORDER\","
                                + "\"correctionDue\":\"" + MONDAY.plusDays(30) + "\"}")
                        .with(user(users.loadUserByUsername("chief01"))).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.correctionDue").value(MONDAY.plusDays(30).toString()));
        assertThat(jdbc.sql("select state from oneseal.commitment_verification where id = ?").param(check)
                .query(String.class).single()).isEqualTo("FAILED");
        support.as("chief01");
        assertThatThrownBy(() -> commitments.conclude(check, new CaseCommitments.Outcome(true, "再次", null, null)))
                .isInstanceOf(IllegalCaseTransition.class);
    }

    private MatterVersionView bookshop() {
        long city = jdbc.sql("select id from oneseal.region where code = '990100'").query(Long.class).single();
        return catalogue.published(city).stream().filter(m -> m.name().equals("出版物零售业务经营许可")).findFirst()
                .orElseThrow();
    }

    /** zhangsan applies; with the route chosen, the proof the notice waives is left out. */
    private MockMultipartHttpServletRequestBuilder application(MatterVersionView matter, String noticeVersion,
            boolean commitment) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/cases").param("matterId", "" + matter.matterId());
        matter.materials().stream().filter(m -> m.required() && !m.replaceableByCommitment())
                .forEach(m -> request.file(new MockMultipartFile("file." + m.code(), m.code() + ".pdf",
                        MediaType.APPLICATION_PDF_VALUE, CaseworkTestSupport.pdf(m.name()))));
        if (commitment) {
            request.param("commitment", "true").param("commitmentNotice", noticeVersion);
        }
        return request.with(user(users.loadUserByUsername("zhangsan"))).with(csrf());
    }
}

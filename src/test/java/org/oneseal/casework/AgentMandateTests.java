package org.oneseal.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.oneseal.matter.MatterVersionView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 帮办代办 over HTTP: a mandate recorded at the window, an application under it that is the applicant's and shows both
 * names in the case and the audit log, the applicant ending it, and nothing done under an ended or expired mandate.
 */
@IntegrationTest
class AgentMandateTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired CaseworkTestSupport support;
    @Autowired TestClock clock;

    @AfterEach
    void back() {
        clock.reset();
    }

    private ResultActions postJson(String path, String username, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json).with(csrf())
                .with(user(users.loadUserByUsername(username))));
    }

    private String mandate(long matterId, LocalDate until) {
        return "{\"applicantIdentifier\":\"11010519491231002X\",\"applicantName\":\"张三\",\"matterId\":" + matterId
                + ",\"purpose\":\"申请人行动不便，代为办理\",\"validUntil\":\"" + until + "\"}";
    }

    private ResultActions applyUnder(long mandateId, String username, MatterVersionView food) throws Exception {
        var request = multipart("/api/v1/mandates/" + mandateId + "/applications");
        CaseworkTestSupport.requiredFiles(food).forEach(f -> request.file(new MockMultipartFile("file." + f.requirementCode(),
                f.fileName(), "application/pdf", f.content())));
        return mvc.perform(request.with(csrf()).with(user(users.loadUserByUsername(username))));
    }

    private long audits(String action, String outcome) {
        return jdbc.sql("select count(*) from oneseal.audit_entry where action = ? and outcome = ?").param(action)
                .param(outcome).query(Long.class).single();
    }

    @Test
    void aMandatedApplicationIsTheApplicantsShowsBothNamesAndEndsWithTheMandate() throws Exception {
        LocalDate day = LocalDate.of(2026, 6, 15);
        clock.travelTo(day);
        MatterVersionView food = support.foodPermit("990100");
        postJson("/api/v1/mandates", "window01", mandate(food.matterId(), day.plusDays(100))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.validUntil").exists());
        postJson("/api/v1/mandates", "window01", mandate(food.matterId(), day.plusDays(10)).replace("张三", "李四"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.applicantName").exists());
        postJson("/api/v1/mandates", "reviewer01", mandate(food.matterId(), day.plusDays(10))).andExpect(status().isForbidden());
        String created = postJson("/api/v1/mandates", "window01", mandate(food.matterId(), day.plusDays(10)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.applicantName").value("张三")).andReturn().getResponse().getContentAsString();
        long mandate = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+).*", "$1"));

        // the application under it: zhangsan's case, submitted by window01 for 张三
        String applied = applyUnder(mandate, "window01", food).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long caseId = Long.parseLong(applied.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(get("/api/v1/cases/mine").with(user(users.loadUserByUsername("zhangsan"))))
                .andExpect(jsonPath("$[*].id").value(Matchers.hasItem((int) caseId)));
        var submitted = jdbc.sql("select actor, acting_for from oneseal.case_event where case_id = ? and kind = 'SUBMITTED'")
                .param(caseId).query().singleRow();
        assertThat(submitted.get("actor")).isEqualTo("window01");
        assertThat(submitted.get("acting_for")).isEqualTo("张三");
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where action = 'casework.mandate.apply' and actor = 'window01' and acting_for = '张三'")
                .query(Long.class).single()).isOne();
        mvc.perform(get("/me/cases/" + caseId).with(user(users.loadUserByUsername("zhangsan")))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("帮办代办：代张三办理")));
        mvc.perform(get("/me/mandates").with(user(users.loadUserByUsername("zhangsan")))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("申请人行动不便，代为办理")));
        // only the mandated staff member acts under it
        applyUnder(mandate, "nanxi_window", food).andExpect(status().isNotFound());

        // the applicant sees it and ends it; nothing more under it (refused, audited)
        mvc.perform(get("/api/v1/me/mandates").with(user(users.loadUserByUsername("zhangsan"))))
                .andExpect(jsonPath("$[?(@.id == " + mandate + ")].staff").value(Matchers.hasItem("window01")));
        postJson("/api/v1/me/mandates/" + mandate + "/end", "zhangsan", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false)).andExpect(jsonPath("$.endedBy").value("zhangsan"));
        postJson("/api/v1/me/mandates/" + mandate + "/end", "shifan_food", "{}").andExpect(status().isNotFound());
        long denied = audits("casework.mandate.use", "DENIED");
        long cases = jdbc.sql("select count(*) from oneseal.case_file").query(Long.class).single();
        applyUnder(mandate, "window01", food).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail", Matchers.containsString("终止")));
        assertThat(audits("casework.mandate.use", "DENIED")).isEqualTo(denied + 1);
        assertThat(jdbc.sql("select count(*) from oneseal.case_file").query(Long.class).single()).isEqualTo(cases);

        // an expired one allows nothing either
        String other = postJson("/api/v1/mandates", "window01", mandate(food.matterId(), day))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        clock.travelTo(day.plusDays(1));
        applyUnder(Long.parseLong(other.replaceAll("^\\{\"id\":(\\d+).*", "$1")), "window01", food)
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/api/v1/mandate-figures?from=" + day + "&to=" + day).with(user(users.loadUserByUsername("chief01"))))
                .andExpect(jsonPath("$.mandates").value(Matchers.greaterThanOrEqualTo(2)))
                .andExpect(jsonPath("$.cases").value(Matchers.greaterThanOrEqualTo(1)));
    }
}

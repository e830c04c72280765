package org.oneseal.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.oneseal.license.IssueLicence;
import org.oneseal.license.Licensing;
import org.oneseal.matter.MatterVersionView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** 免证办 on the form: the applicant's own valid electronic licence stands for the material of its name. */
@IntegrationTest
class ElectronicLicenceUseTests {

    @Autowired MockMvc mvc;
    @Autowired CaseworkTestSupport support;
    @Autowired Licensing licensing;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void back() {
        SecurityContextHolder.clearContext();
        clock.reset();
    }

    @Test
    void anEnterprisesBusinessLicenceStandsForTheUploadAndOnlyItsOwnValidOneDoes() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String own = issue("示范美食餐饮有限公司", "91350100M000100Y43", today);
        String others = issue("别家公司", "91350100MA0000000X", today);
        SecurityContextHolder.clearContext();
        MatterVersionView food = support.foodPermit("990100");
        String code = food.materials().stream().filter(m -> m.name().equals("营业执照")).findFirst().orElseThrow().code();

        mvc.perform(get("/apply/" + food.matterId()).with(user(users.loadUserByUsername("shifan_food"))))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("useLicence." + code),
                        Matchers.containsString(own), Matchers.not(Matchers.containsString(others)))));

        mvc.perform(application(food, code, others)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['materials[" + code + "]']", Matchers.containsString("本人持有")));
        clock.travelTo(LocalDate.of(2026, 6, 15));
        String body = mvc.perform(application(food, code, own)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        var stored = jdbc.sql("select file_name, content_type from oneseal.case_material where case_id = ? and "
                + "requirement_code = ?").params(id, code).query().singleRow();
        assertThat(stored).containsEntry("file_name", own + ".pdf").containsEntry("content_type", "application/pdf");
    }

    private String issue(String holder, String identifier, LocalDate from) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("licence-manager", "x",
                "license:manage", "kind:STAFF"));
        return licensing.issue(new IssueLicence(System.nanoTime() % 1_000_000_000L, "SP-T-" + System.nanoTime(),
                "营业执照", "000111009000", "企业设立登记", holder, identifier, "示范市行政审批局", 1, from,
                from.plusYears(30), Map.of())).licenceId();
    }

    private MockMultipartHttpServletRequestBuilder application(MatterVersionView matter, String code, String licenceId) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/cases").param("matterId", "" + matter.matterId());
        CaseworkTestSupport.requiredFiles(matter).stream().filter(f -> !f.requirementCode().equals(code))
                .forEach(f -> request.file(new MockMultipartFile("file." + f.requirementCode(), f.fileName(),
                        MediaType.APPLICATION_PDF_VALUE, f.content())));
        request.param("useLicence." + code, licenceId);
        return request.with(user(users.loadUserByUsername("shifan_food"))).with(csrf());
    }
}

package org.oneseal.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The public verification page and API answer without login; the staff page needs license:manage to act. */
@IntegrationTest
class VerificationWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Licensing licensing;

    private final LocalDate today = LocalDate.now(LicencePdf.ZONE);

    @Test
    void theApiVerifiesByIdWithoutLogin() throws Exception {
        LicenceView licence = licensing.issue(TestLicences.licence(today, today.plusYears(1)));

        mvc.perform(get("/api/v1/public/licenses/{id}/verification", licence.licenceId())).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("VALID")).andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.holderName").value("示范市老张餐饮有限公司"));
        mvc.perform(get("/api/v1/public/licenses/{id}/verification", "OS123")).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("UNKNOWN"));
    }

    @Test
    void theApiVerifiesAnUploadedFileWithoutLoginAndRefusesATamperedOne() throws Exception {
        LicenceView licence = licensing.issue(TestLicences.licence(today, today.plusYears(1)));
        byte[] pdf = licensing.licencePdf(licence.licenceId());

        mvc.perform(multipart("/api/v1/public/licenses/verification")
                        .file(new MockMultipartFile("file", "licence.pdf", "application/pdf", pdf)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("VALID"));
        mvc.perform(multipart("/api/v1/public/licenses/verification").file(new MockMultipartFile("file", "licence.pdf",
                        "application/pdf", LicenceFileTests.changeByteAfter(pdf, "validUntil="))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("TAMPERED"));
    }

    @Test
    void thePublicPageAnswersTheQrLinkWithoutLogin() throws Exception {
        LicenceView licence = licensing.issue(TestLicences.licence(today, today.plusYears(1)));

        String html = mvc.perform(get("/verify").param("id", licence.licenceId())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("真实有效", licence.licenceId());
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Test
    void theStaffPageRevokesWithTheAuthority() throws Exception {
        LicenceView licence = licensing.issue(TestLicences.licence(today, today.plusYears(1)));
        // a city-wide system administrator (license:manage); region scope is tested in casework.CaseGuardTests
        var staff = user(users.loadUserByUsername("admin"));

        mvc.perform(get("/admin/licences/{id}", licence.licenceId()).with(staff)).andExpect(status().isOk());
        mvc.perform(post("/admin/licences/{id}/revoke", licence.licenceId()).param("reason", "依申请注销")
                .with(staff).with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(licensing.licence(licence.licenceId()).status()).isEqualTo(LicenceStatus.REVOKED);
    }
}

package org.oneseal.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.BadInputCorpus;
import org.oneseal.BadInputCorpus.BadFile;
import org.oneseal.IntegrationTest;
import org.oneseal.matter.MatterVersionView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Malformed material files on every upload: the API application, the applicant's application page, the
 * window's intake page and the correction (API and page). Each is refused with a message that names the
 * file and says why, on the material's field, and nothing is stored; path-traversal names keep only their
 * base name.
 */
@IntegrationTest
class MaterialUploadTests {

    /** What the applicant reads for each kind of refusal. */
    private static final Map<String, String> REASONS = Map.of("empty", "是空文件", "type", "不是PDF、PNG或JPG文件",
            "mismatch", "的内容与文件扩展名不符", "size", "超过10MB");

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseworkTestSupport support;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseHandling handling;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.oneseal.TestClock clock;

    @BeforeEach
    void inJune2026() {
        clock.travelTo(LocalDate.of(2026, 6, 15));
    }

    @AfterEach
    void backToToday() {
        clock.reset();
        support.signOut();
    }

    @Test
    void everyMalformedFileIsRefusedByNameOnItsFieldAndNothingIsStored() throws Exception {
        MatterVersionView food = support.foodPermit("990100");
        String code = food.materials().getFirst().code();
        for (BadFile bad : BadInputCorpus.files()) {
            long cases = support.count("case_file");
            long materials = support.count("case_material");
            MockHttpServletResponse response = mvc.perform(withOtherMaterials(food,
                    multipart("/api/v1/cases").param("matterId", "" + food.matterId()), code)
                    .file(file(code, bad)).with(user(users.loadUserByUsername("zhangsan"))).with(csrf()))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(bad.label()).isEqualTo(400);
            String message = JsonPath.read(response.getContentAsString(), "$.errors['materials[" + code + "]']");
            assertThat(message).as(bad.label()).contains("“" + bad.fileName() + "”").contains(REASONS.get(reason(bad)));
            assertThat(support.count("case_file")).as(bad.label()).isEqualTo(cases);
            assertThat(support.count("case_material")).as(bad.label()).isEqualTo(materials);
        }
    }

    @Test
    void theApplicationPageShowsTheMessageAtTheFileAndKeepsNothing() throws Exception {
        MatterVersionView food = support.foodPermit("990100");
        String code = food.materials().getFirst().code();
        long cases = support.count("case_file");
        for (BadFile bad : List.of(file("zip bomb named .pdf"), file("PNG named .pdf"), file("empty file"))) {
            String page = page(withOtherMaterials(food, multipart("/apply/" + food.matterId()), code).file(file(code, bad))
                    .param("submissionKey", "k-" + bad.label()), "zhangsan");
            assertThat(fieldError(page, "file-" + code)).as(bad.label())
                    .contains("“" + bad.fileName() + "”").contains(REASONS.get(reason(bad)));
        }
        assertThat(support.count("case_file")).isEqualTo(cases);
    }

    @Test
    void theWindowIntakePageShowsTheMessageAtTheFileAndKeepsNothing() throws Exception {
        MatterVersionView food = support.foodPermit("990100");
        String code = food.materials().getFirst().code();
        long cases = support.count("case_file");
        String page = page(withOtherMaterials(food, multipart("/workbench/intake"), code)
                .file(file(code, file("HTML named .pdf"))).param("matterId", "" + food.matterId())
                .param("applicantIdentifier", "11010519491231002X").param("applicantName", "张三"), "window01");
        assertThat(fieldError(page, "file-" + code)).contains("“page.pdf”").contains(REASONS.get("type"));
        assertThat(support.count("case_file")).isEqualTo(cases);
    }

    @Test
    void aCorrectionWithAMalformedFileIsRefusedOnTheApiAndThePageAndTheCaseStaysWaiting() throws Exception {
        MatterVersionView food = support.foodPermit("990100");
        String code = food.materials().getFirst().code();
        long id = support.applied("990100", intake);
        support.as("window01");
        handling.requestCorrection(id, List.of(new Deficiency(code, "申请书缺少签字")));
        support.signOut();
        long materials = support.count("case_material");

        MockHttpServletResponse api = mvc.perform(multipart("/api/v1/cases/mine/" + id + "/correction")
                .file(file(code, file("ELF executable named .pdf"))).param("note", "已补签")
                .with(user(users.loadUserByUsername("zhangsan"))).with(csrf())).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(400);
        assertThat((String) JsonPath.read(api.getContentAsString(), "$.errors['materials[" + code + "]']"))
                .contains("“run.pdf”").contains(REASONS.get("type"));

        String page = page(multipart("/me/cases/" + id + "/correction").file(file(code, file("over 10 MB")))
                .param("note", "已补签"), "zhangsan");
        assertThat(fieldError(page, "fix-" + code)).contains("“big-scan.pdf”").contains(REASONS.get("size"));

        assertThat(support.count("case_material")).isEqualTo(materials);
        assertThat(jdbc.sql("select status from oneseal.case_file where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("CORRECTION_REQUESTED");
    }

    @Test
    void pathTraversalNamesAreStoredAsTheirBaseNameOnly() throws Exception {
        MatterVersionView food = support.foodPermit("990100");
        String code = food.materials().getFirst().code();
        MockMultipartHttpServletRequestBuilder request = withOtherMaterials(food,
                multipart("/api/v1/cases").param("matterId", "" + food.matterId()), code);
        for (String name : BadInputCorpus.TRAVERSAL_NAMES) {
            request.file(new MockMultipartFile("file." + code, name, "application/pdf", BadInputCorpus.pdf()));
        }
        MockHttpServletResponse response = mvc.perform(request.with(user(users.loadUserByUsername("zhangsan"))).with(csrf()))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(201);
        long id = ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
        List<String> stored = jdbc.sql("select file_name from oneseal.case_material where case_id = :id and requirement_code = :c")
                .param("id", id).param("c", code).query(String.class).list();
        assertThat(stored).containsExactlyInAnyOrder("passwd.pdf", "x.pdf", "passwd.pdf", "drivers.pdf", "y.pdf",
                "a_b.pdf", "key.pdf", "z.pdf", "<img src=x onerror=window.__xss=1>.pdf");
        assertThat(stored).noneMatch(n -> n.contains("/") || n.contains("\\") || n.contains("..") || n.contains("\u0000"));
    }

    /** The other required materials, as real PDFs, so that only the file under test is wrong. */
    private static MockMultipartHttpServletRequestBuilder withOtherMaterials(MatterVersionView matter,
            MockMultipartHttpServletRequestBuilder request, String except) {
        CaseworkTestSupport.requiredFiles(matter).stream().filter(f -> !f.requirementCode().equals(except))
                .forEach(f -> request.file(new MockMultipartFile("file." + f.requirementCode(), f.fileName(),
                        "application/pdf", f.content())));
        return request;
    }

    private String page(MockMultipartHttpServletRequestBuilder request, String username) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(user(users.loadUserByUsername(username))).with(csrf()))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as("the form is shown again").isEqualTo(200);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The text of the error message the page links to the input (aria-describedby), unescaped. */
    static String fieldError(String html, String inputId) {
        var input = java.util.regex.Pattern.compile("<input[^>]*id=\"" + java.util.regex.Pattern.quote(inputId)
                + "\"[^>]*aria-describedby=\"([^\"]+)\"[^>]*>").matcher(html);
        assertThat(input.find()).as("input %s is marked as having an error", inputId).isTrue();
        assertThat(input.group()).contains("aria-invalid=\"true\"");
        var message = java.util.regex.Pattern.compile("id=\"" + input.group(1) + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(message.find()).as("message %s", input.group(1)).isTrue();
        return HtmlUtils.htmlUnescape(message.group(1));
    }

    private static MockMultipartFile file(String code, BadFile bad) {
        return new MockMultipartFile("file." + code, bad.fileName(), bad.declaredType(), bad.content());
    }

    private static BadFile file(String label) {
        return BadInputCorpus.files().stream().filter(f -> f.label().equals(label)).findFirst().orElseThrow();
    }

    private static String reason(BadFile bad) {
        return bad.refusedAs();
    }
}

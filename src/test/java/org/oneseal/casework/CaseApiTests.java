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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.matter.MatterVersionView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The case API from the outside: idempotent submissions, jurisdiction, bad input as problem+json. */
@IntegrationTest
class CaseApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseworkTestSupport support;
    @Autowired
    org.oneseal.TestClock clock;

    /** Deadlines of these cases fall inside 2026, whose holidays are shipped (see TestClock#travelTo). */
    @org.junit.jupiter.api.BeforeEach
    void inJune2026() {
        clock.travelTo(LocalDate.of(2026, 6, 15));
    }

    @org.junit.jupiter.api.AfterEach
    void backToToday() {
        clock.reset();
    }
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSameIdempotencyKeyGivesTheSameCaseAndADifferentBodyIsRefused() throws Exception {
        MatterVersionView food = support.foodPermit("990100");
        String first = mvc.perform(application(food, "key-1", null)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String again = mvc.perform(application(food, "key-1", null)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat(id(again)).isEqualTo(id(first));
        mvc.perform(application(food, "key-1", "另一份说明"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Idempotency-Key")));
    }

    @Test
    void concurrentDuplicatesCreateExactlyOneCase() throws Exception {
        MatterVersionView food = support.foodPermit("990100");
        long before = support.count("case_file");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> mvc.perform(application(food, "key-concurrent", null)).andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201);
        assertThat(support.count("case_file")).isEqualTo(before + 1);
    }

    @Test
    void aStaffMemberOfAnotherRegionGets404AndTheAttemptIsAudited() throws Exception {
        MatterVersionView food = support.foodPermit("990100");
        long id = id(mvc.perform(application(food, null, null)).andReturn().getResponse().getContentAsString());
        long denials = jdbc.sql("select count(*) from oneseal.audit_entry where object_id = :id and outcome = 'DENIED'")
                .param("id", String.valueOf(id)).query(Long.class).single();
        mvc.perform(get("/api/v1/cases/" + id).with(user(users.loadUserByUsername("nanxi_window"))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("请求的对象不存在或不在您的数据范围内"));
        mvc.perform(post("/api/v1/cases/" + id + "/acceptance").with(user(users.loadUserByUsername("nanxi_window")))
                .with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where object_id = :id and outcome = 'DENIED'")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(denials + 2);
        mvc.perform(post("/api/v1/cases/" + id + "/acceptance").with(user(users.loadUserByUsername("window01")))
                .with(csrf())).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_REVIEW"));
        mvc.perform(post("/api/v1/cases/" + id + "/acceptance").with(user(users.loadUserByUsername("window01")))
                .with(csrf())).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("已被他人处理")));
    }

    @Test
    void aWebPageNamedPdfAndAMissingMaterialAreFieldErrors() throws Exception {
        MatterVersionView food = support.foodPermit("990100");
        long before = support.count("case_file");
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/cases").param("matterId", "" + food.matterId());
        String firstCode = food.materials().getFirst().code();
        request.file(new MockMultipartFile("file." + firstCode, "申请书.pdf", "application/pdf",
                "<!DOCTYPE html><html><body>not a pdf</body></html>".getBytes()));
        mvc.perform(request.with(user(users.loadUserByUsername("zhangsan"))).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['materials[" + firstCode + "]']").value(Matchers.containsString("不是PDF、PNG或JPG文件")))
                .andExpect(jsonPath("$.errors['materials[" + food.materials().get(1).code() + "]']")
                        .value(Matchers.containsString("缺少必需的申请材料")));
        assertThat(support.count("case_file")).isEqualTo(before);
    }

    @Test
    void aFileOverTenMegabytesIsRefusedByName() throws Exception {
        MatterVersionView food = support.foodPermit("990100");
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/cases").param("matterId", "" + food.matterId());
        CaseworkTestSupport.requiredFiles(food).forEach(f -> request.file(new MockMultipartFile("file." + f.requirementCode(),
                f.fileName(), MediaType.APPLICATION_PDF_VALUE, f.content())));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.4".getBytes(), 0, big, 0, 8);
        String code = food.materials().getFirst().code();
        request.file(new MockMultipartFile("file." + code, "扫描件.pdf", MediaType.APPLICATION_PDF_VALUE, big));
        mvc.perform(request.with(user(users.loadUserByUsername("zhangsan"))).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['materials[" + code + "]']").value(Matchers.containsString("超过10MB")));
    }

    private MockMultipartHttpServletRequestBuilder application(MatterVersionView food, String key, String note) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/cases").param("matterId", "" + food.matterId());
        if (note != null) {
            request.param("note", note);
        }
        CaseworkTestSupport.requiredFiles(food).forEach(f -> request.file(new MockMultipartFile("file." + f.requirementCode(),
                f.fileName(), MediaType.APPLICATION_PDF_VALUE, f.content())));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        request.with(user(users.loadUserByUsername("zhangsan"))).with(csrf());
        return request;
    }

    private static long id(String json) {
        return Long.parseLong(json.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
    }
}

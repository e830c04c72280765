package org.oneseal.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.oneseal.matter.MatterCatalogue;
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
 * names in the case and the audit log, the applicant's later steps (补正, 容缺后补) taken under it the same way, the
 * applicant ending it, and nothing done under an ended or expired mandate, for another applicant or matter, or by
 * staff of another region; the staff member's mandate pages.
 */
@IntegrationTest
class AgentMandateTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired CaseworkTestSupport support;
    @Autowired TestClock clock;
    @Autowired MatterCatalogue catalogue;

    @AfterEach
    void back() {
        clock.reset();
        // a mandate "runs" on every day up to its end date, whatever day a test travels to: none stays open for the
        // next test (one active mandate per staff member, applicant and matter)
        jdbc.sql("update oneseal.agent_mandate set ended_at = now(), ended_by = 'test' where ended_at is null").update();
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

    @Test
    void underAMandateTheStaffAnswersACorrectionAndHandsInDeferredMaterialsWithBothNames() throws Exception {
        LocalDate day = LocalDate.of(2026, 7, 6);
        clock.travelTo(day);
        MatterVersionView food = support.foodPermit("990100");
        long mandate = grant("window01", mandate(food.matterId(), day.plusDays(20)));
        long applied = id(applyUnder(mandate, "window01", food).andExpect(status().isCreated()));
        String code = food.materials().getFirst().code();

        // 补正 of the case applied for under the mandate, answered for the applicant
        requestCorrection(applied, code);
        mvc.perform(get("/api/v1/mandates/" + mandate).with(signedIn("window01"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.cases[?(@.summary.id == " + applied + ")].awaitsCorrection").value(Matchers.contains(true)))
                .andExpect(jsonPath("$.cases[?(@.summary.id == " + applied + ")].openDeficiencies[0].requirementCode")
                        .value(Matchers.contains(code)));
        mvc.perform(underMandate(mandate, applied, "correction", "window01", Map.of(code, "补签后的申请书")).param("note", "已代为补签"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        assertBothNames(applied, "CORRECTION_SUBMITTED", "casework.case.correction_submitted");
        assertBothNames(applied, null, "casework.mandate.correction");
        assertThat(jdbc.sql("select uploaded_by from oneseal.case_material where case_id = ? and requirement_code = ? and superseded_at is null")
                .param(applied).param(code).query(String.class).single()).isEqualTo("window01");

        // 容缺后补 of a case the applicant applied for online himself (same applicant, same matter)
        String deferrable = food.materials().stream().filter(m -> m.required() && !m.keyMaterial()).findFirst().orElseThrow().code();
        long own = applyDeferring(food, deferrable, day.plusDays(10));
        mvc.perform(get("/api/v1/mandates/" + mandate).with(signedIn("window01")))
                .andExpect(jsonPath("$.cases[?(@.summary.id == " + own + ")].awaitsMaterials").value(Matchers.contains(true)))
                .andExpect(jsonPath("$.cases[?(@.summary.id == " + own + ")].handledUnderMandate").value(Matchers.contains(false)));
        // the staff member's pages: the mandate with links to act, reachable from the workbench navigation
        mvc.perform(get("/workbench/tasks").with(signedIn("window01"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("href=\"/workbench/mandates\"")));
        mvc.perform(get("/workbench/mandates").with(signedIn("window01"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("代张三办理：食品经营许可")))
                .andExpect(content().string(Matchers.containsString("/workbench/mandates/" + mandate + "#apply")))
                .andExpect(content().string(Matchers.containsString("/workbench/mandates/" + mandate + "#supply-" + own)))
                .andExpect(content().string(Matchers.containsString(caseNumber(applied))));
        mvc.perform(get("/workbench/mandates/" + mandate).with(signedIn("window01"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/workbench/mandates/" + mandate + "/applications")))
                .andExpect(content().string(Matchers.containsString(
                        "/workbench/mandates/" + mandate + "/cases/" + own + "/deferred-materials")));
        mvc.perform(get("/workbench/mandates").with(signedIn("reviewer01"))).andExpect(status().isForbidden());
        // handed in on the staff page
        mvc.perform(multipart("/workbench/mandates/" + mandate + "/cases/" + own + "/deferred-materials")
                        .file(pdf(deferrable, "补交的材料")).with(csrf()).with(signedIn("window01")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/workbench/mandates/" + mandate));
        assertThat(jdbc.sql("select supplied_by from oneseal.case_deferred_material where case_id = ?").param(own)
                .query(String.class).single()).isEqualTo("window01");
        assertBothNames(own, "DEFERRED_MATERIAL_SUPPLIED", "casework.case.deferral.supply");
        assertBothNames(own, null, "casework.mandate.supply");

        // both cases count as handled under the mandate; the applicant sees the steps taken for him
        mvc.perform(get("/api/v1/mandates").with(signedIn("window01")))
                .andExpect(jsonPath("$[?(@.id == " + mandate + ")].cases[*].id")
                        .value(Matchers.containsInAnyOrder((int) applied, (int) own)));
        mvc.perform(get("/workbench/cases/" + applied).with(signedIn("window01"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("帮办代办：代张三办理")));
        mvc.perform(get("/me/cases/" + own).with(signedIn("zhangsan"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("帮办代办：代张三办理")));
        mvc.perform(get("/me/mandates").with(signedIn("zhangsan"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/me/cases/" + own)));
    }

    @Test
    void nothingIsDoneForAnApplicantUnderAnEndedOrExpiredMandateOrOnAnotherApplicantsOrMattersCase() throws Exception {
        LocalDate day = LocalDate.of(2026, 8, 3);
        clock.travelTo(day);
        MatterVersionView food = support.foodPermit("990100");
        String deferrable = food.materials().stream().filter(m -> m.required() && !m.keyMaterial()).findFirst().orElseThrow().code();
        String code = food.materials().getFirst().code();
        // zhangsan's case: a correction asked for, and a deferred material still to come
        long c = applyDeferring(food, deferrable, day.plusDays(10));
        requestCorrection(c, code);

        long ended = grant("window01", mandate(food.matterId(), day.plusDays(10)));
        postJson("/api/v1/me/mandates/" + ended + "/end", "zhangsan", "{}").andExpect(status().isOk());
        long expiring = grant("window01", mandate(food.matterId(), day));
        // one active mandate per staff member, applicant and matter
        postJson("/api/v1/mandates", "window01", mandate(food.matterId(), day.plusDays(5)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.matterId", Matchers.containsString(day.toString())));
        long otherApplicant = grant("window01", "{\"applicantIdentifier\":\"91350100M000100Y43\",\"applicantName\":\"示范美食餐饮有限公司\","
                + "\"matterId\":" + food.matterId() + ",\"purpose\":\"代为办理\",\"validUntil\":\"" + day.plusDays(10) + "\"}");
        MatterVersionView other = catalogue.published(food.regionId()).stream()
                .filter(m -> m.matterId() != food.matterId() && m.reformMode() != org.oneseal.matter.ReformMode.CANCELLED)
                .findFirst().orElseThrow();
        long otherMatter = grant("window01", mandate(other.matterId(), day.plusDays(10)));
        long nanxi = grant("nanxi_window", mandate(support.foodPermit("990121").matterId(), day.plusDays(10)));

        Map<String, String> correctionFile = Map.of(code, "补签后的申请书");
        Map<String, String> deferredFile = Map.of(deferrable, "补交的材料");
        // ended by the applicant
        refused(c, "casework.mandate.use", () -> underMandate(ended, c, "correction", "window01", correctionFile), 422,
                "张三已终止这项授权");
        refused(c, "casework.mandate.use", () -> underMandate(ended, c, "deferred-materials", "window01", deferredFile), 422, "终止");
        // a mandate of another applicant, of another matter
        refused(c, "casework.mandate.use", () -> underMandate(otherApplicant, c, "correction", "window01", correctionFile), 422, "不是授权人");
        refused(c, "casework.mandate.use", () -> underMandate(otherApplicant, c, "deferred-materials", "window01", deferredFile), 422, "不是授权人");
        refused(c, "casework.mandate.use", () -> underMandate(otherMatter, c, "correction", "window01", correctionFile), 422, other.name());
        refused(c, "casework.mandate.use", () -> underMandate(otherMatter, c, "deferred-materials", "window01", deferredFile), 422, other.name());
        // staff of another region: another's mandate is not found; their own does not reach a case outside their region
        refused(c, null, () -> underMandate(ended, c, "correction", "nanxi_window", correctionFile), 404, null);
        refused(c, null, () -> underMandate(otherApplicant, c, "deferred-materials", "nanxi_window", deferredFile), 404, null);
        refused(c, "casework.mandate.use", () -> underMandate(nanxi, c, "correction", "nanxi_window", correctionFile), 404, null);
        refused(c, "casework.mandate.use", () -> underMandate(nanxi, c, "deferred-materials", "nanxi_window", deferredFile), 404, null);
        // the page says why, and changes nothing either
        Snapshot before = snapshot(c);
        mvc.perform(multipart("/workbench/mandates/" + ended + "/cases/" + c + "/correction").file(pdf(code, "x"))
                        .with(csrf()).with(signedIn("window01"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"problem\"")))
                .andExpect(content().string(Matchers.containsString("终止")));
        assertThat(snapshot(c)).isEqualTo(before);

        // the staff member's page: active mandates first, then the ended and the expired ones; no forms under those
        clock.travelTo(day.plusDays(1));
        refused(c, "casework.mandate.use", () -> underMandate(expiring, c, "correction", "window01", correctionFile), 422,
                "有效期至" + day + "，已过期"); // the refusal says which: ended, or past its last day
        refused(c, "casework.mandate.use", () -> underMandate(expiring, c, "deferred-materials", "window01", deferredFile), 422, "过期");
        String page = mvc.perform(get("/workbench/mandates").with(signedIn("window01"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-id=\"" + otherApplicant + "\"", "data-id=\"" + otherMatter + "\"", "代示范美食餐饮有限公司办理");
        assertThat(page.lastIndexOf("data-state=\"active\"")).isLessThan(page.indexOf("data-state=\"ended\""))
                .isLessThan(page.indexOf("data-state=\"expired\""));
        mvc.perform(get("/workbench/mandates/" + ended).with(signedIn("window01"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已被申请人终止")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/cases/" + c + "/correction"))));
        mvc.perform(get("/workbench/mandates/" + ended).with(signedIn("nanxi_window"))).andExpect(status().isNotFound());
        assertThat(snapshot(c).status()).isEqualTo("CORRECTION_REQUESTED");
    }

    @Test
    void theStaffMemberRecordsAMandateOnTheWorkbench() throws Exception {
        LocalDate day = LocalDate.of(2026, 9, 7);
        clock.travelTo(day);
        MatterVersionView food = support.foodPermit("990100");
        long before = jdbc.sql("select count(*) from oneseal.agent_mandate").query(Long.class).single();
        mvc.perform(post("/workbench/mandates").param("applicantIdentifier", "11010519491231002X").param("applicantName", "张三")
                        .param("matterId", "" + food.matterId()).param("purpose", "代为办理").param("validUntil", day.plusDays(91).toString())
                        .with(csrf()).with(signedIn("window01"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("validUntil-error")));
        assertThat(jdbc.sql("select count(*) from oneseal.agent_mandate").query(Long.class).single()).isEqualTo(before);
        String target = mvc.perform(post("/workbench/mandates").param("applicantIdentifier", "11010519491231002X")
                        .param("applicantName", "张三").param("matterId", "" + food.matterId()).param("purpose", "代为办理")
                        .param("validUntil", day.plusDays(30).toString()).with(csrf()).with(signedIn("window01")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(target).with(signedIn("window01"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("代张三办理：食品经营许可")));
    }

    /** What a refused move must leave as it was: the case's status, timeline, materials and deferred materials. */
    record Snapshot(String status, long events, List<String> materials, List<String> deferred) {
    }

    private Snapshot snapshot(long caseId) {
        return new Snapshot(
                jdbc.sql("select status from oneseal.case_file where id = ?").param(caseId).query(String.class).single(),
                jdbc.sql("select count(*) from oneseal.case_event where case_id = ?").param(caseId).query(Long.class).single(),
                jdbc.sql("select id || ':' || requirement_code || ':' || (superseded_at is null) from oneseal.case_material where case_id = ? order by id")
                        .param(caseId).query(String.class).list(),
                jdbc.sql("select requirement_code || ':' || coalesce(supplied_by, '-') from oneseal.case_deferred_material where case_id = ? order by id")
                        .param(caseId).query(String.class).list());
    }

    interface Move {
        org.springframework.test.web.servlet.RequestBuilder request() throws Exception;
    }

    /** The move is refused with the status (and message), changes nothing on the case, and is audited DENIED if named. */
    private void refused(long caseId, String deniedAction, Move move, int status, String message) throws Exception {
        Snapshot before = snapshot(caseId);
        long denied = deniedAction == null ? 0 : audits(deniedAction, "DENIED");
        ResultActions result = mvc.perform(move.request()).andExpect(status().is(status));
        if (message != null) {
            result.andExpect(jsonPath("$.detail", Matchers.containsString(message)));
        }
        assertThat(snapshot(caseId)).isEqualTo(before);
        if (deniedAction != null) {
            assertThat(audits(deniedAction, "DENIED")).isEqualTo(denied + 1);
        }
    }

    private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder underMandate(long mandateId,
            long caseId, String step, String username, Map<String, String> files) {
        var request = multipart("/api/v1/mandates/" + mandateId + "/cases/" + caseId + "/" + step);
        files.forEach((code, text) -> request.file(pdf(code, text)));
        request.with(csrf()).with(signedIn(username));
        return request;
    }

    private static MockMultipartFile pdf(String code, String text) {
        return new MockMultipartFile("file." + code, code + ".pdf", "application/pdf", CaseworkTestSupport.pdf(text));
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(String username) {
        return user(users.loadUserByUsername(username));
    }

    private long grant(String username, String json) throws Exception {
        return id(postJson("/api/v1/mandates", username, json).andExpect(status().isCreated()));
    }

    private static long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private void requestCorrection(long caseId, String code) throws Exception {
        postJson("/api/v1/cases/" + caseId + "/correction-request", "window01",
                "[{\"requirementCode\":\"" + code + "\",\"description\":\"申请书缺少申请人签字\"}]")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CORRECTION_REQUESTED"));
    }

    /** zhangsan applies online himself, committing to hand one material in later (容缺). */
    private long applyDeferring(MatterVersionView food, String code, LocalDate due) throws Exception {
        var request = multipart("/api/v1/cases").param("matterId", "" + food.matterId());
        CaseworkTestSupport.requiredFiles(food).stream().filter(f -> !f.requirementCode().equals(code))
                .forEach(f -> request.file(new MockMultipartFile("file." + f.requirementCode(), f.fileName(),
                        "application/pdf", f.content())));
        request.param("defer", code).param("deferralDue", due.toString()).param("deferralCommitment", "true");
        return id(mvc.perform(request.with(csrf()).with(signedIn("zhangsan"))).andExpect(status().isCreated()));
    }

    private String caseNumber(long caseId) {
        return jdbc.sql("select case_number from oneseal.case_file where id = ?").param(caseId).query(String.class).single();
    }

    /** The timeline entry (if named) and the audit entry of the move carry both names: window01 acting for 张三. */
    private void assertBothNames(long caseId, String eventKind, String auditAction) {
        if (eventKind != null) {
            var event = jdbc.sql("select actor, acting_for from oneseal.case_event where case_id = ? and kind = ? order by id desc limit 1")
                    .param(caseId).param(eventKind).query().singleRow();
            assertThat(event).containsEntry("actor", "window01").containsEntry("acting_for", "张三");
        }
        assertThat(jdbc.sql("""
                select count(*) from oneseal.audit_entry where action = ? and object_id = ? and outcome = 'SUCCESS'
                  and actor = 'window01' and acting_for = '张三'""").param(auditAction).param("" + caseId)
                .query(Long.class).single()).as(auditAction).isOne();
    }
}

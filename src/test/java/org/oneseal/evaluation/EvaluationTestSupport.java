package org.oneseal.evaluation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.oneseal.casework.Application;
import org.oneseal.casework.CaseDecisions;
import org.oneseal.casework.CaseHandling;
import org.oneseal.casework.CaseIntake;
import org.oneseal.casework.Decision;
import org.oneseal.casework.SubmittedFile;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.matter.MatterVersionView;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Cases to rate, and HTTP calls as a demo account, for the 好差评 tests. */
@Component
public class EvaluationTestSupport {

    private final org.springframework.beans.factory.ObjectProvider<MockMvc> mvc; // none in a server test
    private final UserDetailsService users;
    private final MatterCatalogue catalogue;
    private final JdbcClient jdbc;
    private final CaseIntake intake;
    private final CaseHandling handling;
    private final CaseDecisions decisions;

    EvaluationTestSupport(org.springframework.beans.factory.ObjectProvider<MockMvc> mvc, UserDetailsService users, MatterCatalogue catalogue, JdbcClient jdbc,
            CaseIntake intake, CaseHandling handling, CaseDecisions decisions) {
        this.mvc = mvc;
        this.users = users;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.intake = intake;
        this.handling = handling;
        this.decisions = decisions;
    }

    /** zhangsan's city 食品经营许可, taken in by window01, reviewed, granted by chief01, delivered by window01. */
    public long concludedCase() {
        return concludedCase("990100", "window01", "reviewer01", "chief01");
    }

    /** zhangsan's 南溪县 食品经营许可: nanxi_window takes it in and delivers, nanxi_chief reviews and grants. */
    public long concludedNanxiCase() {
        return concludedCase("990121", "nanxi_window", "nanxi_chief", "nanxi_chief");
    }

    private long concludedCase(String regionCode, String window, String reviewer, String chief) {
        long region = region(regionCode);
        MatterVersionView food = catalogue.published(region).stream().filter(m -> m.name().equals("食品经营许可"))
                .findFirst().orElseThrow();
        try {
            as("zhangsan");
            List<SubmittedFile> files = food.materials().stream().filter(m -> m.required())
                    .map(m -> new SubmittedFile(m.code(), m.code() + ".pdf", "application/pdf",
                            ("%PDF-1.4\n% " + m.name() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8))).toList();
            long id = intake.apply(new Application(food.matterId(), null, null), files, null).id();
            as(window);
            handling.accept(id);
            as(reviewer);
            handling.completeReview(id, "材料齐全，符合法定形式");
            as(chief);
            decisions.decide(id, new Decision(true, "经审查，符合法定条件", null, null));
            as(window);
            handling.deliver(id, "DOWNLOAD");
            return id;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    long region(String code) {
        return jdbc.sql("select id from oneseal.region where code = :c").param("c", code).query(Long.class).single();
    }

    /** The first active service window of a region. */
    public long window(String regionCode) {
        return jdbc.sql("select id from oneseal.org_unit where kind = 'WINDOW' and active and region_id = :r order by id limit 1")
                .param("r", region(regionCode)).query(Long.class).single();
    }

    private void as(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    ResultActions postJson(String path, String username, String json) throws Exception {
        var request = post(path).contentType(MediaType.APPLICATION_JSON).content(json).with(csrf());
        return mvc.getObject().perform(username == null ? request : request.with(user(users.loadUserByUsername(username))));
    }

    ResultActions getAs(String path, String username) throws Exception {
        return mvc.getObject().perform(get(path).with(user(users.loadUserByUsername(username))));
    }

    /** Rates a step of the case as zhangsan; answers the new rectification's id, or 0 for a good rating. */
    long rate(long caseId, String step, int level, String reasons) throws Exception {
        postJson("/api/v1/cases/mine/" + caseId + "/ratings", "zhangsan",
                "{\"step\":\"" + step + "\",\"level\":" + level + ",\"reasons\":[" + reasons + "]}")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
        return jdbc.sql("""
                select coalesce(max(x.id), 0) from oneseal.rectification x join oneseal.rating r on r.id = x.rating_id
                where r.case_id = :c and r.step = :s""").param("c", caseId).param("s", step).query(Long.class).single();
    }

    long audits(String action, String outcome) {
        return jdbc.sql("select count(*) from oneseal.audit_entry where action = :a and outcome = :o")
                .param("a", action).param("o", outcome).query(Long.class).single();
    }
}

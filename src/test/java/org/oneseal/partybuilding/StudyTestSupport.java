package org.oneseal.partybuilding;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * What the study tests share: requests as a demo account, the demo organisations and members, and a branch of their
 * own ("学习测试党支部", founded 2025-01-01, with 学员甲 and 学员乙 since then and 学员丙 since 2025-10-15) so that
 * counts do not depend on what other test classes add to the shared database.
 */
final class StudyTestSupport {

    static final String BRANCH = "学习测试党支部";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final UserDetailsService users;

    StudyTestSupport(MockMvc mvc, JdbcClient jdbc, UserDetailsService users) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.users = users;
    }

    long org(String namePrefix) {
        return jdbc.sql("select id from oneseal.party_org where name like ?").param(namePrefix + "%").query(Long.class)
                .single();
    }

    /** The party member linked to a staff account. */
    long memberOf(String username) {
        return jdbc.sql("""
                select m.id from oneseal.party_member m join oneseal.account a on a.id = m.account_id where a.username = ?""")
                .param(username).query(Long.class).single();
    }

    long member(String name) {
        return jdbc.sql("select id from oneseal.party_member where name = ?").param(name).query(Long.class).single();
    }

    long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(Long.class).single();
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    ResultActions getAs(String path, String username) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username))));
    }

    ResultActions postJson(String path, String username, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json).with(csrf())
                .with(user(users.loadUserByUsername(username))));
    }

    ResultActions postForm(String path, String username, String... params) throws Exception {
        var request = post(path).with(csrf()).with(user(users.loadUserByUsername(username)));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    ResultActions upload(String path, String username, String csv) throws Exception {
        return upload(path, username, csv.getBytes(StandardCharsets.UTF_8));
    }

    ResultActions upload(String path, String username, byte[] content) throws Exception {
        return mvc.perform(multipart(path).file(new MockMultipartFile("file", "points.csv", "text/csv", content))
                .with(csrf()).with(user(users.loadUserByUsername(username))));
    }

    /** The test branch (created once by party02, the organ committee's deputy secretary) with its three members. */
    synchronized long branch() throws Exception {
        var existing = jdbc.sql("select id from oneseal.party_org where name = ?").param(BRANCH).query(Long.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        long committee = org("中共示范市行政审批局机关委员会");
        postJson("/api/v1/party/orgs", "party02", """
                {"parentId":%d,"kind":"BRANCH","name":"%s","foundedOn":"2025-01-01"}""".formatted(committee, BRANCH))
                .andExpect(status().isCreated());
        long branch = org(BRANCH);
        admit(branch, "学员甲", "2025-01-01");
        admit(branch, "学员乙", "2025-01-01");
        admit(branch, "学员丙", "2025-10-15");
        return branch;
    }

    private void admit(long branch, String name, String since) throws Exception {
        postJson("/api/v1/party/orgs/" + branch + "/members", "party02", """
                {"name":"%s","category":"FULL","joinedPartyOn":"2010-07-01","since":"%s","how":"TRANSFER_IN","cameFrom":"某局党支部"}"""
                .formatted(name, since)).andExpect(status().isCreated());
    }

    static long id(ResultActions result, String path) throws Exception {
        return ((Number) com.jayway.jsonpath.JsonPath.read(result.andReturn().getResponse().getContentAsString(), path))
                .longValue();
    }
}

package org.oneseal.partybuilding;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Party data for tests, made over the API as a user would: a branch of its own under the organ committee (created by
 * party02, its deputy secretary), cells and members, meetings. Tests share one database: each test makes its own.
 */
final class PartyFixture {

    final MockMvc mvc;
    final JdbcClient jdbc;
    final UserDetailsService users;

    PartyFixture(MockMvc mvc, JdbcClient jdbc, UserDetailsService users) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.users = users;
    }

    long org(String namePrefix) {
        return jdbc.sql("select id from oneseal.party_org where name like ?").param(namePrefix + "%").query(Long.class)
                .single();
    }

    long memberByAccount(String username) {
        return jdbc.sql("""
                select m.id from oneseal.party_member m join oneseal.account a on a.id = m.account_id
                where a.username = ?""").param(username).query(Long.class).single();
    }

    long memberByName(String name) {
        return jdbc.sql("select id from oneseal.party_member where name = ?").param(name).query(Long.class).single();
    }

    long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(Long.class).single();
    }

    ResultActions getAs(String path, String username) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username))));
    }

    ResultActions postJson(String path, String username, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json).with(csrf())
                .with(user(users.loadUserByUsername(username))));
    }

    static long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    /** A branch under the organ committee, made by party02. */
    long branch(String name, String foundedOn) throws Exception {
        return id(postJson("/api/v1/party/orgs", "party02", """
                {"parentId":%d,"kind":"BRANCH","name":"%s","foundedOn":"%s"}"""
                .formatted(org("中共示范市行政审批局机关委员会"), name, foundedOn)).andExpect(status().isCreated()));
    }

    long cell(long branch, String name, String foundedOn) throws Exception {
        return id(postJson("/api/v1/party/orgs", "party02", """
                {"parentId":%d,"kind":"CELL","name":"%s","foundedOn":"%s"}""".formatted(branch, name, foundedOn))
                .andExpect(status().isCreated()));
    }

    /** A member (without an account) admitted by transfer, by party02. */
    long admit(long org, String name, String since) throws Exception {
        String body = postJson("/api/v1/party/orgs/" + org + "/members", "party02", """
                {"name":"%s","category":"FULL","joinedPartyOn":"2010-07-01","since":"%s","how":"TRANSFER_IN",
                "cameFrom":"原单位党支部"}""".formatted(name, since)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.member.id")).longValue();
    }

    void role(long member, long org, String role, String since) throws Exception {
        postJson("/api/v1/party/members/" + member + "/roles", "party02", """
                {"orgId":%d,"role":"%s","since":"%s"}""".formatted(org, role, since)).andExpect(status().isCreated());
    }

    /** A meeting's JSON: kind, day, topic, those present, and further fields (starting with a comma) if any. */
    static String meeting(String kind, String heldOn, String topic, List<Long> present, String more) {
        return """
                {"kind":"%s","heldOn":"%s","topic":"%s","attendees":[%s]%s}""".formatted(kind, heldOn, topic,
                present.stream().map(String::valueOf).collect(Collectors.joining(",")), more);
    }

    ResultActions record(long branch, String username, String json) throws Exception {
        return postJson("/api/v1/party/orgs/" + branch + "/meetings", username, json);
    }

    long recorded(long branch, String json) throws Exception {
        return id(record(branch, "party02", json).andExpect(status().isCreated()));
    }
}

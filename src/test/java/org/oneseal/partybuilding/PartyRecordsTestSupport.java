package org.oneseal.partybuilding;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import org.junit.jupiter.api.AfterEach;
import org.oneseal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * What the tests of assessment, recognition and volunteer duty share: requests as a demo account over HTTP (MockMvc),
 * the ids of the demo organisation's branches and members, counts of rows. Each test uses its own months and days of
 * 2024/2025 (no other test uses them) so that the shared database does not couple them.
 */
abstract class PartyRecordsTestSupport {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;

    @AfterEach
    void back() {
        clock.reset();
    }

    long org(String namePrefix) {
        return jdbc.sql("select id from oneseal.party_org where name like ?").param(namePrefix + "%").query(Long.class)
                .single();
    }

    long member(String name) {
        return jdbc.sql("select id from oneseal.party_member where name = ?").param(name).query(Long.class).single();
    }

    long unit(String code) {
        return jdbc.sql("select id from oneseal.org_unit where code = ?").param(code).query(Long.class).single();
    }

    long count(String table) {
        return jdbc.sql("select count(*) from oneseal." + table).query(Long.class).single();
    }

    ResultActions getAs(String path, String username) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username))));
    }

    ResultActions postJson(String path, String username, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json).with(csrf())
                .with(user(users.loadUserByUsername(username))));
    }

    ResultActions putJson(String path, String username, String json) throws Exception {
        return mvc.perform(put(path).contentType(MediaType.APPLICATION_JSON).content(json).with(csrf())
                .with(user(users.loadUserByUsername(username))));
    }

    ResultActions postForm(String path, String username, String... nameValues) throws Exception {
        var request = post(path).with(csrf()).with(user(users.loadUserByUsername(username)));
        for (int i = 0; i < nameValues.length; i += 2) {
            request.param(nameValues[i], nameValues[i + 1]);
        }
        return mvc.perform(request);
    }

    static long id(ResultActions result) throws Exception {
        return ((Number) com.jayway.jsonpath.JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id"))
                .longValue();
    }
}

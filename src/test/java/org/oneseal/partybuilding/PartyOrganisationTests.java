package org.oneseal.partybuilding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The party organisation from the outside: who sees which organisations (a branch secretary their branch, the organ
 * committee every branch, a member their own record, applicants and visitors nothing), members admitted, moved and
 * transferred out with their history, roles, and each bad input refused with nothing saved.
 */
@IntegrationTest
class PartyOrganisationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;

    @AfterEach
    void back() {
        clock.reset();
    }

    private long org(String namePrefix) {
        return jdbc.sql("select id from oneseal.party_org where name like ?").param(namePrefix + "%").query(Long.class)
                .single();
    }

    private long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(Long.class).single();
    }

    private ResultActions getAs(String path, String username) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username))));
    }

    private ResultActions postJson(String path, String username, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json).with(csrf())
                .with(user(users.loadUserByUsername(username))));
    }

    @Test
    void eachSeesTheOrganisationsOfTheirRolesAndNobodyElseSeesAnything() throws Exception {
        long first = org("第一党支部");
        long second = org("第二党支部");
        getAs("/api/v1/party/orgs", "secretary01").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", Matchers.containsInAnyOrder("第一党支部（市场准入）", "第一党小组（读书研讨小组）")));
        getAs("/api/v1/party/orgs", "party02").andExpect(status().isOk()) // the organ committee and all below it
                .andExpect(jsonPath("$[*].name", Matchers.hasItems("中共示范市行政审批局机关委员会", "第一党支部（市场准入）",
                        "第二党支部（政务服务大厅）", "第三党支部（投资建设）", "第四党支部（综合保障）", "第一党小组（读书研讨小组）")))
                .andExpect(jsonPath("$[*].kind", Matchers.not(Matchers.hasItem("GROUP"))));
        // another branch is "not found" to a branch secretary, and the attempt is audited
        long denied = count("select count(*) from oneseal.audit_entry where action = 'party.member.list' and outcome = 'DENIED'");
        getAs("/api/v1/party/orgs/" + second + "/members", "secretary01").andExpect(status().isNotFound());
        assertThat(count("select count(*) from oneseal.audit_entry where action = 'party.member.list' and outcome = 'DENIED'"))
                .isEqualTo(denied + 1);
        getAs("/api/v1/party/orgs/" + second + "/members", "party02").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", Matchers.hasItem("窗口人员")));
        // a member without a role sees their own record only
        getAs("/api/v1/party/orgs", "window01").andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        getAs("/api/v1/party/me", "window01").andExpect(status().isOk())
                .andExpect(jsonPath("$.member.orgName").value("第二党支部（政务服务大厅）"));
        long reviewer = count("select m.id from oneseal.party_member m join oneseal.account a on a.id = m.account_id where a.username = 'reviewer01'");
        getAs("/api/v1/party/members/" + reviewer, "window01").andExpect(status().isNotFound());
        // the party group's secretary sees all but records nothing without party:manage
        getAs("/api/v1/party/orgs/" + second + "/members", "leader").andExpect(status().isOk());
        postJson("/api/v1/party/orgs/" + second + "/members", "leader", admission("李四", "2026-01-05", "TRANSFER_IN", "某单位"))
                .andExpect(status().isForbidden());
        // applicants and visitors: nothing
        getAs("/api/v1/party/orgs", "zhangsan").andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/party/orgs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/workbench/party")).andExpect(status().is3xxRedirection());
        // the workbench page shows the tree a branch secretary sees
        getAs("/workbench/party", "secretary01").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("第一党小组")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("第二党支部"))));
    }

    private static String admission(String name, String since, String how, String cameFrom) {
        return """
                {"name":"%s","category":"FULL","joinedPartyOn":"2010-07-01","since":"%s","how":"%s","cameFrom":%s}"""
                .formatted(name, since, how, cameFrom == null ? "null" : "\"" + cameFrom + "\"");
    }

    @Test
    void membersAreAdmittedMovedAndTransferredOutWithTheirHistoryAndBadInputSavesNothing() throws Exception {
        clock.travelTo(LocalDate.of(2026, 3, 2));
        long first = org("第一党支部");
        long cell = org("第一党小组");
        long second = org("第二党支部");
        long members = count("select count(*) from oneseal.party_member");
        // bad input: a future date, a date before the branch existed, a transfer without its origin, a taken account
        postJson("/api/v1/party/orgs/" + first + "/members", "secretary01", admission("孙悦", "2026-03-03", "TRANSFER_IN", "甲局"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.since").exists());
        postJson("/api/v1/party/orgs/" + first + "/members", "secretary01", admission("孙悦", "2018-01-01", "TRANSFER_IN", "甲局"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.since", Matchers.containsString("成立日期")));
        postJson("/api/v1/party/orgs/" + first + "/members", "secretary01", admission("孙悦", "2026-03-01", "TRANSFER_IN", null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.cameFrom").exists());
        postJson("/api/v1/party/orgs/" + first + "/members", "secretary01", """
                {"name":"孙悦","username":"window01","category":"FULL","joinedPartyOn":"2010-07-01","since":"2026-03-01","how":"JOINED"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.username", Matchers.containsString("已关联")));
        // … and another branch's secretary cannot admit here
        postJson("/api/v1/party/orgs/" + second + "/members", "secretary01", admission("孙悦", "2026-03-01", "TRANSFER_IN", "甲局"))
                .andExpect(status().isNotFound());
        assertThat(count("select count(*) from oneseal.party_member")).isEqualTo(members);

        String admitted = postJson("/api/v1/party/orgs/" + first + "/members", "secretary01",
                admission("孙悦", "2026-03-01", "TRANSFER_IN", "甲局机关党支部")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.history[0].cameFrom").value("甲局机关党支部"))
                .andReturn().getResponse().getContentAsString();
        long sun = Long.parseLong(admitted.replaceAll("^\\{\"member\":\\{\"id\":(\\d+).*", "$1"));
        // moved to the reading group, then transferred out: two closed stays, no current organisation, roles ended
        postJson("/api/v1/party/members/" + sun + "/move", "secretary01", "{\"orgId\":" + cell + ",\"on\":\"2026-03-02\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.member.orgName").value("第一党小组（读书研讨小组）"));
        postJson("/api/v1/party/members/" + sun + "/roles", "secretary01",
                "{\"orgId\":" + second + ",\"role\":\"COMMITTEE_MEMBER\",\"since\":\"2026-03-02\"}")
                .andExpect(status().isNotFound()); // not an organisation the secretary sees
        postJson("/api/v1/party/members/" + sun + "/roles", "party02",
                "{\"orgId\":" + second + ",\"role\":\"COMMITTEE_MEMBER\",\"since\":\"2026-03-02\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.orgId").exists()); // not above her
        postJson("/api/v1/party/members/" + sun + "/roles", "secretary01",
                "{\"orgId\":" + first + ",\"role\":\"COMMITTEE_MEMBER\",\"since\":\"2026-03-02\"}")
                .andExpect(status().isCreated());
        postJson("/api/v1/party/members/" + sun + "/transfer-out", "secretary01", "{\"on\":\"2026-03-02\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.wentTo").exists());
        postJson("/api/v1/party/members/" + sun + "/transfer-out", "secretary01",
                "{\"on\":\"2026-03-02\",\"wentTo\":\"乙县委组织部\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.history.length()").value(2))
                .andExpect(jsonPath("$.history[1].howOut").value("TRANSFER_OUT"))
                .andExpect(jsonPath("$.roles[0].until").value("2026-03-02"));
        getAs("/api/v1/party/orgs/" + first + "/members", "secretary01")
                .andExpect(jsonPath("$[*].name", Matchers.not(Matchers.hasItem("孙悦"))));
        postJson("/api/v1/party/members/" + sun + "/move", "secretary01", "{\"orgId\":" + first + ",\"on\":\"2026-03-02\"}")
                .andExpect(status().isUnprocessableEntity());
        assertThat(count("select count(*) from oneseal.audit_entry where action like 'party.member.%' and object_id = ?",
                String.valueOf(sun))).isEqualTo(3);
    }

    @Test
    void theTreeGrowsOnlyInItsOrder() throws Exception {
        clock.travelTo(LocalDate.of(2026, 3, 2));
        long group = org("中共示范市行政审批局党组");
        long committee = org("中共示范市行政审批局机关委员会");
        postJson("/api/v1/party/orgs", "party02", "{\"parentId\":" + committee + ",\"kind\":\"CELL\",\"name\":\"第九党小组\",\"foundedOn\":\"2026-01-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.parentId").exists());
        postJson("/api/v1/party/orgs", "party02", "{\"parentId\":" + group + ",\"kind\":\"ORGAN_COMMITTEE\",\"name\":\"第二机关党委\",\"foundedOn\":\"2026-01-01\"}")
                .andExpect(status().isNotFound()); // the party group is above the organ committee's deputy secretary
        postJson("/api/v1/party/orgs", "party02", "{\"kind\":\"GROUP\",\"name\":\"第二个党组\",\"foundedOn\":\"2026-01-01\"}")
                .andExpect(status().isUnprocessableEntity());
        postJson("/api/v1/party/orgs", "secretary01", "{\"parentId\":" + committee + ",\"kind\":\"BRANCH\",\"name\":\"第九党支部\",\"foundedOn\":\"2026-01-01\"}")
                .andExpect(status().isNotFound());
        postJson("/api/v1/party/orgs", "party02", "{\"parentId\":" + committee + ",\"kind\":\"BRANCH\",\"name\":\"第九党支部\",\"foundedOn\":\"2027-01-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.foundedOn").exists());
        assertThat(count("select count(*) from oneseal.party_org where name = '第九党支部'")).isZero();
        postJson("/api/v1/party/orgs", "party02", "{\"parentId\":" + committee + ",\"kind\":\"BRANCH\",\"name\":\"第九党支部\",\"foundedOn\":\"2026-01-01\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("BRANCH"));
        postJson("/api/v1/party/orgs", "party02", "{\"parentId\":" + committee + ",\"kind\":\"BRANCH\",\"name\":\"第九党支部\",\"foundedOn\":\"2026-01-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.name").exists());
    }
}

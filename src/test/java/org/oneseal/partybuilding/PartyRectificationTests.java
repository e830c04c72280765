package org.oneseal.partybuilding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oneseal.partybuilding.PartyFixture.meeting;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.oneseal.calendar.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Rectification lists (整改清单): made from an organisational life meeting or an inspection; deadlines in working days
 * through the calendar; closing only with evidence (refused otherwise, nothing changed); reminders and overdue marks by
 * the deadline job; the history append-only; the owner sees and answers their items.
 */
@IntegrationTest
class PartyRectificationTests {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;
    @Autowired WorkingDayCalendar calendar;
    @Autowired RectificationDeadlines deadlines;
    PartyFixture party;

    @BeforeEach
    void fixture() {
        party = new PartyFixture(mvc, jdbc, users);
    }

    @AfterEach
    void back() {
        clock.reset();
    }

    private ResultActions evidence(long item, String username, String text, MockMultipartFile file) throws Exception {
        var request = multipart("/api/v1/party/rectification-items/" + item + "/evidence");
        if (file != null) {
            request.file(file);
        }
        return mvc.perform(request.param("evidence", text).with(csrf()).with(user(users.loadUserByUsername(username))));
    }

    private List<String> history(long item) {
        return jdbc.sql("select kind from oneseal.party_rectification_event where item_id = ? order by id").param(item)
                .query(String.class).list();
    }

    @Test
    void itemsHaveWorkingDayDeadlinesAndCloseOnlyWithEvidence() throws Exception {
        clock.travelTo(LocalDate.of(2025, 9, 29));
        long branch = party.branch("第十五党支部（整改）", "2025-01-01");
        long a = party.admit(branch, "戊一", "2025-01-01");
        long b = party.admit(branch, "戊二", "2025-01-01");
        long life = party.recorded(branch, meeting("ORGANISATIONAL_LIFE_MEETING", "2025-09-26", "年度组织生活会",
                List.of(a, b), ""));
        long themed = party.recorded(branch, meeting("THEMED_PARTY_DAY", "2025-09-10", "主题党日", List.of(a), ""));
        String lists = "/api/v1/party/orgs/" + branch + "/rectification-lists";
        long before = party.count("select count(*) from oneseal.party_rectification_list");
        party.postJson(lists, "party02", "{\"meetingId\":" + themed + ",\"title\":\"清单\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.meetingId", Matchers.containsString("组织生活会")));
        party.postJson(lists, "party02", "{\"inspectedOn\":\"2025-09-30\",\"inspectingBody\":\"机关纪委\",\"title\":\"清单\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.inspectedOn").exists());
        party.postJson(lists, "party02", "{\"meetingId\":" + life + ",\"inspectedOn\":\"2025-09-20\",\"title\":\"清单\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.meetingId").exists());
        party.postJson(lists, "party02", "{\"meetingId\":" + life + "}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.title").exists());
        party.postJson(lists, "secretary01", "{\"meetingId\":" + life + ",\"title\":\"清单\"}").andExpect(status().isNotFound());
        party.postJson(lists, "leader", "{\"meetingId\":" + life + ",\"title\":\"清单\"}").andExpect(status().isForbidden());
        assertThat(party.count("select count(*) from oneseal.party_rectification_list")).isEqualTo(before);
        long list = PartyFixture.id(party.postJson(lists, "party02", "{\"meetingId\":" + life + ",\"title\":\"2025年度组织生活会整改清单\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.baseDate").value("2025-09-26")));

        String items = "/api/v1/party/rectification-lists/" + list + "/items";
        long itemsBefore = party.count("select count(*) from oneseal.party_rectification_item");
        party.postJson(items, "party02", item("理论学习不深入", a, null, 0)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.workingDays").exists());
        party.postJson(items, "party02", item("理论学习不深入", a, "2025-10-20", 5)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.deadline").exists());
        party.postJson(items, "party02", item("理论学习不深入", a, "2025-09-01", null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.deadline", Matchers.containsString("2025-09-26")));
        party.postJson(items, "party02", item("理论学习不深入", party.memberByAccount("window01"), null, 5))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.ownerId").exists());
        assertThat(party.count("select count(*) from oneseal.party_rectification_item")).isEqualTo(itemsBefore);
        // 5 working days from Friday 26 September 2025: the make-up Sunday 28th, 29th, 30th, then after the
        // National Day holiday (1–8 October) the 9th and the 10th
        long first = PartyFixture.id(party.postJson(items, "party02", item("理论学习不深入", a, null, 5))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.deadline").value("2025-10-10")));
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 9, 26), 5)).isEqualTo(LocalDate.of(2025, 10, 10));

        // no evidence: refused, nothing changed
        String closure = "/api/v1/party/rectification-items/" + first + "/closure";
        party.postJson(closure, "party02", "{}").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail", Matchers.containsString("没有整改佐证")));
        party.postJson(closure, "party02", "{\"evidence\":\"  \"}").andExpect(status().isUnprocessableEntity());
        party.getAs("/api/v1/party/rectification-items/" + first, "party02")
                .andExpect(jsonPath("$.item.status").value("OPEN")).andExpect(jsonPath("$.item.closedOn").doesNotExist());
        assertThat(history(first)).containsExactly("CREATED");
        party.postJson(closure, "leader", "{\"evidence\":\"已整改\"}").andExpect(status().isForbidden());
        party.getAs("/api/v1/party/rectification-items/" + first, "secretary01").andExpect(status().isNotFound());

        evidence(first, "party02", "制定个人学习计划，每周集中学习一次", new MockMultipartFile("files", "学习记录.png", "image/png", PNG))
                .andExpect(status().isOk()).andExpect(jsonPath("$.files[0].fileName").value("学习记录.png"));
        party.postJson(closure, "party02", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.item.status").value("DONE")).andExpect(jsonPath("$.item.flag").value("DONE"))
                .andExpect(jsonPath("$.item.closedOn").value("2025-09-29"))
                .andExpect(jsonPath("$.item.evidence").value("制定个人学习计划，每周集中学习一次"));
        assertThat(history(first)).containsExactly("CREATED", "EVIDENCE", "CLOSED");
        party.postJson(closure, "party02", "{\"evidence\":\"再次销号\"}").andExpect(status().isUnprocessableEntity());
        assertThatThrownBy(() -> jdbc.sql("update oneseal.party_rectification_event set note = 'x' where item_id = ?")
                .param(first).update()).hasMessageContaining("append-only");

        // a dated item: reminded before its deadline, overdue after it (once), closed late with evidence given then
        long second = PartyFixture.id(party.postJson(items, "party02", item("谈心谈话不经常", b, "2025-10-09", null))
                .andExpect(status().isCreated()));
        clock.travelTo(LocalDate.of(2025, 10, 7));
        deadlines.mark();
        party.getAs("/api/v1/party/rectification-items/" + second, "party02").andExpect(jsonPath("$.item.flag").value("DUE_SOON"));
        clock.travelTo(LocalDate.of(2025, 10, 10));
        deadlines.mark();
        deadlines.mark();
        assertThat(history(second)).containsExactly("CREATED", "REMINDED", "OVERDUE");
        party.getAs("/workbench/party/orgs/" + branch + "/meetings", "party02")
                .andExpect(content().string(Matchers.containsString("谈心谈话不经常")))
                .andExpect(content().string(Matchers.containsString("已逾期")));
        party.postJson("/api/v1/party/rectification-items/" + second + "/closure", "party02", "{\"evidence\":\"已与每名党员谈心\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.item.flag").value("DONE_LATE"));
    }

    @Test
    void anInspectionsItemIsSeenAndAnsweredByItsOwner() throws Exception {
        clock.travelTo(LocalDate.of(2025, 9, 29));
        long second = party.org("第二党支部");
        long window = party.memberByAccount("window01");
        long list = PartyFixture.id(party.postJson("/api/v1/party/orgs/" + second + "/rectification-lists", "party02",
                "{\"inspectedOn\":\"2025-09-15\",\"inspectingBody\":\"机关纪委\",\"title\":\"窗口作风专项检查整改\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.inspectingBody").value("机关纪委")));
        long item = PartyFixture.id(party.postJson("/api/v1/party/rectification-lists/" + list + "/items", "party01",
                item("窗口服务用语不规范", window, "2025-09-22", null)).andExpect(status().isCreated()));
        deadlines.mark();
        mvc.perform(get("/workbench/party/members/" + window + "/work").header("HX-Request", "true")
                .with(user(users.loadUserByUsername("window01")))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("窗口服务用语不规范")))
                .andExpect(content().string(Matchers.containsString("整改已逾期")));
        party.getAs("/api/v1/party/members/" + window + "/rectification-items", "window01")
                .andExpect(jsonPath("$[0].flag").value("OVERDUE"));
        party.getAs("/api/v1/party/rectification-items/" + item, "window01").andExpect(status().isOk());
        evidence(item, "window01", "已参加服务规范培训", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.history[*].kind", Matchers.contains("CREATED", "OVERDUE", "EVIDENCE")));
        evidence(item, "window01", "", null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.evidence").exists());
        party.postJson("/api/v1/party/rectification-items/" + item + "/closure", "window01", "{}")
                .andExpect(status().isNotFound()); // the branch verifies and closes, not the owner
        party.getAs("/api/v1/party/rectification-items/" + item, "zhangsan").andExpect(status().isForbidden());
        party.postJson("/api/v1/party/rectification-items/" + item + "/closure", "party01", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.item.status").value("DONE"));
    }

    private static String item(String problem, long owner, String deadline, Integer workingDays) {
        return """
                {"problem":"%s","measure":"制定整改措施并落实","ownerId":%d,"deadline":%s,"workingDays":%s}"""
                .formatted(problem, owner, deadline == null ? "null" : "\"" + deadline + "\"", workingDays);
    }
}

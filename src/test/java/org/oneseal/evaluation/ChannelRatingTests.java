package org.oneseal.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Ratings that do not come from the portal: paper and phone ratings entered at the window (never of one's own
 * service), and ratings pushed by registered sources, which keep their source and count once.
 */
@IntegrationTest
class ChannelRatingTests {

    @Autowired EvaluationTestSupport support;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired EvaluationJobs jobs;

    @AfterEach
    void back() {
        clock.reset();
    }

    @Test
    void staffEnterPaperAndPhoneRatingsButNeverOfTheirOwnService() throws Exception {
        clock.travelTo(LocalDate.of(2026, 8, 3));
        long caseId = support.concludedCase();
        String number = jdbc.sql("select case_number from oneseal.case_file where id = ?").param(caseId)
                .query(String.class).single();
        long window = support.window("990100");

        // chief01 decided this case: entering a rating of it is rating their own service (and a case needs its step)
        long failures = support.audits("evaluation.enter", "FAILURE");
        support.postJson("/api/v1/evaluation/ratings", "chief01", "{\"object\":\"CASE\",\"ref\":\"" + number
                        + "\",\"channel\":\"PHONE\",\"faceToFace\":false,\"level\":5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.ref", Matchers.containsString("本人")))
                .andExpect(jsonPath("$.errors.step").exists());
        support.postJson("/api/v1/evaluation/ratings", "window01", "{\"object\":\"STAFF\",\"ref\":\"window01\","
                        + "\"channel\":\"PAPER\",\"faceToFace\":true,\"level\":5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.ref", Matchers.containsString("本人")));
        assertThat(support.audits("evaluation.enter", "FAILURE")).isEqualTo(failures + 2);

        // window01 enters a paper rating of the hall, 见面, with the rater's phone: a named bad review
        support.postJson("/api/v1/evaluation/ratings", "window01", "{\"object\":\"HALL\",\"ref\":\""
                        + support.region("990100") + "\",\"channel\":\"PAPER\",\"faceToFace\":true,\"level\":2,"
                        + "\"reasons\":[\"R21\"],\"indicators\":{\"ATTITUDE\":2},\"raterName\":\"李四\",\"raterPhone\":\"13900001111\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.channel").value("PAPER"))
                .andExpect(jsonPath("$.source").value("staff:window01")).andExpect(jsonPath("$.rectification").value(true));
        // bad inputs: each on its field, nothing stored
        long before = jdbc.sql("select count(*) from oneseal.rating").query(Long.class).single();
        support.postJson("/api/v1/evaluation/ratings", "window01", "{\"object\":\"WINDOW\",\"ref\":\"" + window
                        + "\",\"channel\":\"SMS\",\"level\":0,\"reasons\":[\"R99\"],\"indicators\":{\"USABILITY\":3},"
                        + "\"raterPhone\":\"12345\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.channel").exists())
                .andExpect(jsonPath("$.errors.faceToFace").exists()).andExpect(jsonPath("$.errors.level").exists())
                .andExpect(jsonPath("$.errors.indicators").exists()).andExpect(jsonPath("$.errors.raterPhone").exists());
        support.postJson("/api/v1/evaluation/ratings", "window01", "{\"object\":\"CASE\",\"ref\":\"SP-NOPE\","
                        + "\"channel\":\"PAPER\",\"faceToFace\":true,\"level\":5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.ref").exists());
        // another region's window: as if it did not exist, and audited
        long denied = support.audits("evaluation.enter", "DENIED");
        support.postJson("/api/v1/evaluation/ratings", "window01", "{\"object\":\"WINDOW\",\"ref\":\""
                        + support.window("990121") + "\",\"channel\":\"PAPER\",\"faceToFace\":true,\"level\":5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.ref").exists());
        assertThat(support.audits("evaluation.enter", "DENIED")).isEqualTo(denied + 1);
        support.postJson("/api/v1/evaluation/ratings", "reviewer01", "{\"object\":\"HALL\",\"ref\":\"1\","
                + "\"channel\":\"PAPER\",\"faceToFace\":true,\"level\":5}").andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from oneseal.rating").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void registeredSourcesPushRatingsThatKeepTheirSourceAndCountOnce() throws Exception {
        long window = support.window("990100");
        String created = support.postJson("/api/v1/evaluation/sources", "admin", "{\"code\":\"hall-device-01\","
                        + "\"name\":\"市民中心一楼评价器\",\"kind\":\"DEVICE\",\"regionId\":" + support.region("990100")
                        + ",\"windowId\":" + window + "}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.token").value(Matchers.startsWith("rs_")))
                .andReturn().getResponse().getContentAsString();
        String token = created.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        support.getAs("/api/v1/evaluation/sources", "admin")
                .andExpect(jsonPath("$[?(@.code == 'hall-device-01')].token").value(Matchers.contains((Object) null)));
        support.postJson("/api/v1/evaluation/sources", "window01", "{\"code\":\"x\"}").andExpect(status().isForbidden());

        String rating = "{\"externalId\":\"D01-000001\",\"faceToFace\":true,\"level\":4,\"reasons\":[\"R41\"]}";
        long denied = support.audits("evaluation.push", "DENIED");
        push(null, rating, "10.2.0.1").andExpect(status().isUnauthorized());
        push("rs_forged", rating, "10.2.0.2").andExpect(status().isUnauthorized());
        push("rs_forged", rating, "10.2.0.2").andExpect(status().isUnauthorized()); // audited once a minute per address
        assertThat(support.audits("evaluation.push", "DENIED")).isEqualTo(denied + 2);
        push(token, rating).andExpect(status().isCreated()).andExpect(jsonPath("$.object").value("WINDOW"))
                .andExpect(jsonPath("$.objectId").value(String.valueOf(window)))
                .andExpect(jsonPath("$.channel").value("DEVICE")).andExpect(jsonPath("$.source").value("source:hall-device-01"));
        push(token, rating).andExpect(status().isConflict());
        push(token, "{\"externalId\":\"D01-000002\",\"faceToFace\":true,\"level\":4,\"ratedAt\":\"2020-01-01T10:00:00+08:00\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.ratedAt").exists());
        push(token, "{\"externalId\":\"D01-000003\",\"faceToFace\":true,\"level\":5,\"object\":\"WINDOW\",\"ref\":\""
                + support.window("990121") + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.ref").exists());
        assertThat(jdbc.sql("select count(*) from oneseal.rating where source = 'source:hall-device-01'")
                .query(Long.class).single()).isOne();

        // the provincial platform rates a case by its step: once per step, whatever the channel
        String provincial = support.postJson("/api/v1/evaluation/sources", "admin", "{\"code\":\"province-01\","
                        + "\"name\":\"省一体化政务服务平台\",\"kind\":\"PROVINCIAL\",\"regionId\":" + support.region("990100") + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
                .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        long caseId = support.concludedCase();
        String number = jdbc.sql("select case_number from oneseal.case_file where id = ?").param(caseId)
                .query(String.class).single();
        support.rate(caseId, "ACCEPTANCE", 5, "");
        push(provincial, "{\"externalId\":\"P-1\",\"object\":\"CASE\",\"ref\":\"" + number + "\",\"faceToFace\":false,"
                + "\"level\":4}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.step").exists());
        push(provincial, "{\"externalId\":\"P-2\",\"object\":\"CASE\",\"ref\":\"" + number + "\",\"step\":\"ACCEPTANCE\","
                + "\"faceToFace\":false,\"level\":4}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.step", Matchers.containsString("只能评价一次")));
        push(provincial, "{\"externalId\":\"P-3\",\"object\":\"CASE\",\"ref\":\"" + number + "\",\"step\":\"CONCLUSION\","
                + "\"faceToFace\":false,\"level\":4}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("PROVINCIAL"));

        // a late pushed rating of a day already rolled up is counted: the day is rolled up again
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        jobs.rollup();
        String stats = "/api/v1/evaluation/statistics?from=" + yesterday + "&to=" + yesterday + "&by=CHANNEL&channel=DEVICE";
        long earlier = Long.parseLong(support.getAs(stats, "leader").andReturn().getResponse().getContentAsString()
                .replaceAll(".*\"total\":\\{[^}]*?\"counted\":(\\d+).*", "$1"));
        push(token, "{\"externalId\":\"D01-000004\",\"faceToFace\":true,\"level\":5,\"ratedAt\":\""
                + yesterday + "T15:00:00+08:00\"}").andExpect(status().isCreated());
        support.getAs(stats, "leader").andExpect(jsonPath("$.total.counted").value((int) earlier + 1));
        jobs.rollup();
        support.getAs(stats, "leader").andExpect(jsonPath("$.total.counted").value((int) earlier + 1));
    }

    private ResultActions push(String token, String json) throws Exception {
        return push(token, json, "127.0.0.1");
    }

    private ResultActions push(String token, String json, String address) throws Exception {
        var request = post("/api/v1/public/ratings").contentType(MediaType.APPLICATION_JSON).content(json)
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(request);
    }
}

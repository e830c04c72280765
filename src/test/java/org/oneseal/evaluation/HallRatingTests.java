package org.oneseal.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 一次一评 by the window's QR code: a phone page without login or session, one rating per visit, and the guards
 * against repeats and scripted floods (too fast, no device cookie, the same device again, one address flooding,
 * forged tokens) — each refused with a clear message, nothing stored, the attempt audited.
 */
@IntegrationTest
class HallRatingTests {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired EvaluationTestSupport support;

    @AfterEach
    void back() {
        clock.reset();
    }

    record Visit(String token, Cookie device) {
    }

    private Visit visit(long window, Cookie device) throws Exception {
        var request = get("/rate/window/" + window);
        if (device != null) {
            request.cookie(device);
        }
        MockHttpServletResponse page = mvc.perform(request).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("非常满意"))).andReturn().getResponse();
        assertThat(page.getHeader("Set-Cookie") == null || !page.getHeader("Set-Cookie").contains("SESSION"))
                .as("no session for the hall page").isTrue();
        assertThat(page.getHeader("Server-Timing")).as("the server's own time, for the hall's target").startsWith("app;dur=");
        Matcher m = TOKEN.matcher(page.getContentAsString());
        assertThat(m.find()).isTrue();
        Cookie cookie = device != null ? device : page.getCookie(HallRatingPage.DEVICE_COOKIE);
        return new Visit(m.group(1), cookie);
    }

    private ResultActions rate(long window, String token, Cookie device, String address, String level,
            String... reasons) throws Exception {
        var request = post("/rate/window/" + window).param("token", token).param("level", level)
                .param("reasons", reasons).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
        if (device != null) {
            request.cookie(device);
        }
        return mvc.perform(request);
    }

    private long ratings(long window) {
        return jdbc.sql("select count(*) from oneseal.rating where channel = 'QR' and window_id = ?").param(window)
                .query(Long.class).single();
    }

    @Test
    void aVisitIsRatedOnceFromThePhoneWithoutSigningIn() throws Exception {
        long window = support.window("990100");
        Visit v = visit(window, null);
        assertThat(v.device()).isNotNull();
        clock.advance(Duration.ofSeconds(10));
        long before = ratings(window);
        rate(window, v.token(), v.device(), "10.0.0.1", "2", "R23").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("感谢您的评价")));
        assertThat(ratings(window)).isEqualTo(before + 1);
        var stored = jdbc.sql("""
                select r.face_to_face, r.source, r.rater_account_id, x.id as rect, x.named from oneseal.rating r
                left join oneseal.rectification x on x.rating_id = r.id
                where r.channel = 'QR' and r.window_id = ? order by r.id desc limit 1""").param(window).query().singleRow();
        assertThat(stored.get("face_to_face")).isEqualTo(true);
        assertThat(stored.get("source")).isEqualTo("qr");
        assertThat(stored.get("rater_account_id")).isNull();
        assertThat(stored.get("rect")).as("a bad review opens a rectification").isNotNull();
        assertThat(stored.get("named")).as("anonymous: nobody to call back").isEqualTo(false);

        // the same visit again: refused, nothing stored
        rate(window, v.token(), v.device(), "10.0.0.1", "5").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("已经评价过")));
        // a new page on the same phone the same day: refused too
        Visit again = visit(window, v.device());
        clock.advance(Duration.ofSeconds(10));
        rate(window, again.token(), again.device(), "10.0.0.1", "5").andExpect(status().isBadRequest());
        assertThat(ratings(window)).isEqualTo(before + 1);
    }

    @Test
    void scriptedFloodsAreRefusedAndAudited() throws Exception {
        long window = support.window("990100");
        long before = ratings(window);
        long audited = support.audits("evaluation.hall.rate", "FAILURE");
        Visit v = visit(window, null);
        // faster than a person reads the page
        rate(window, v.token(), v.device(), "10.0.0.2", "5").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("评价未能提交")));
        clock.advance(Duration.ofSeconds(10));
        // no device cookie (a script that keeps none), a forged token, another window's token
        rate(window, v.token(), null, "10.0.0.3", "5").andExpect(status().isBadRequest());
        rate(window, v.token().substring(0, v.token().length() - 2) + "xx", new Cookie(HallRatingPage.DEVICE_COOKIE,
                "0123456789abcdef0123456789abcdef"), "10.0.0.4", "5").andExpect(status().isBadRequest());
        long otherWindow = support.window("990121");
        Visit other = visit(otherWindow, null);
        clock.advance(Duration.ofSeconds(10));
        rate(window, other.token(), other.device(), "10.0.0.5", "5").andExpect(status().isBadRequest());
        // a stale page
        Visit stale = visit(window, null);
        clock.advance(Duration.ofMinutes(31));
        rate(window, stale.token(), stale.device(), "10.0.0.6", "5").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("已过期")));
        assertThat(ratings(window)).isEqualTo(before);
        assertThat(support.audits("evaluation.hall.rate", "FAILURE")).isGreaterThanOrEqualTo(audited + 4);

        // one address with fresh cookies every time: past its hourly limit, refused
        int accepted = 0;
        for (int i = 0; i < 35; i++) {
            Visit each = visit(window, null);
            clock.advance(Duration.ofSeconds(5));
            int status = rate(window, each.token(), each.device(), "10.9.9.9", "5").andReturn().getResponse()
                    .getStatus();
            accepted += status == 200 ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(30);
        assertThat(ratings(window)).isEqualTo(before + 30);
    }

    @Test
    void aClosedOrUnknownWindowHasNoPage() throws Exception {
        mvc.perform(get("/rate/window/999999")).andExpect(status().isNotFound());
    }
}

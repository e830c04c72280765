package org.oneseal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oneseal.HttpSessionClient.location;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.HttpSessionClient;
import org.oneseal.ServerTest;
import org.oneseal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Login, second factor, lockout, session handling: over real HTTP with sessions in PostgreSQL. */
@ServerTest
class LoginFlowTests {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void citizenLogsInWithANewSessionIdSeesMaskedDataAndLogoutEndsTheServerSession() {
        HttpSessionClient browser = new HttpSessionClient(port);
        browser.get("/login");
        String before = browser.sessionCookie();
        HttpResponse<String> login = browser.post("/login", Map.of("username", "zhangsan", "password", DemoData.PASSWORD));
        assertThat(location(login)).endsWith("/me");
        String after = browser.sessionCookie();
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(jdbc.sql("select max_inactive_interval from oneseal.spring_session where session_id = :id")
                .param("id", sessionId(after)).query(Integer.class).single()).as("idle timeout, seconds").isEqualTo(1800);

        HttpResponse<String> me = browser.get("/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("1101**********002X").doesNotContain("11010519491231002X").contains("138****8000");

        HttpResponse<String> logout = browser.post("/logout", Map.of());
        assertThat(location(logout)).endsWith("/login?logout");
        assertThat(sessionRows(after)).isZero();
        assertThat(location(browser.get("/me"))).contains("/login");
    }

    @Test
    void staffNeedTheirTotpCodeAndTheCodeWorksOnlyOnce() {
        HttpSessionClient browser = new HttpSessionClient(port);
        HttpResponse<String> password = browser.submit("/login", "/login", Map.of("username", "leader", "password", DemoData.PASSWORD));
        assertThat(location(password)).endsWith("/login/totp");
        assertThat(browser.get("/workbench").statusCode()).isEqualTo(403);

        HttpResponse<String> wrong = browser.submit("/login/totp", "/login/totp", Map.of("code", "000000"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("验证码不正确");

        String pendingSession = browser.sessionCookie();
        String code = currentCode("leader");
        HttpResponse<String> ok = browser.submit("/login/totp", "/login/totp", Map.of("code", code));
        assertThat(location(ok)).endsWith("/workbench");
        assertThat(browser.sessionCookie()).isNotEqualTo(pendingSession);
        assertThat(browser.get("/workbench").body()).contains("局长").contains("全市");

        HttpSessionClient replay = new HttpSessionClient(port);
        replay.submit("/login", "/login", Map.of("username", "leader", "password", DemoData.PASSWORD));
        assertThat(replay.submit("/login/totp", "/login/totp", Map.of("code", code)).body()).contains("验证码不正确");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilTheLockoutEnds() {
        try {
            lockAndUnlockParty01();
        } finally { // the database is shared: other tests (the party journeys) sign party01 in at the real time
            jdbc.sql("update oneseal.account set failed_attempts = 0, locked_until = null where username = 'party01'")
                    .update();
        }
    }

    private void lockAndUnlockParty01() {
        HttpSessionClient browser = new HttpSessionClient(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(location(browser.submit("/login", "/login", Map.of("username", "party01", "password", "Wrong@pass" + i))))
                    .endsWith("/login?error");
        }
        assertThat(location(browser.submit("/login", "/login", Map.of("username", "party01", "password", "Wrong@pass5"))))
                .endsWith("/login?error");
        Instant lockedUntil = lockedUntil("party01");
        assertThat(lockedUntil).isAfter(clock.instant().plus(Duration.ofMinutes(14)));
        HttpResponse<String> right = browser.submit("/login", "/login", Map.of("username", "party01", "password", DemoData.PASSWORD));
        assertThat(location(right)).as("locked: even the right password fails, with the same answer").endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("暂时锁定15分钟");
        clock.advance(Duration.ofMinutes(10));
        browser.submit("/login", "/login", Map.of("username", "party01", "password", "Wrong@pass6"));
        assertThat(lockedUntil("party01")).as("attempts during the lock do not prolong it").isEqualTo(lockedUntil);

        clock.advance(Duration.ofMinutes(6));
        assertThat(location(browser.submit("/login", "/login", Map.of("username", "party01", "password", DemoData.PASSWORD))))
                .endsWith("/login/totp");
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where action = 'identity.login' and outcome = 'FAILURE' and actor = 'party01'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void anExpiredSessionSendsPagesToTheLoginAndTheApiAnswers401() {
        HttpSessionClient browser = new HttpSessionClient(port);
        browser.submit("/login", "/login", Map.of("username", "zhangsan", "password", DemoData.PASSWORD));
        assertThat(browser.get("/me").statusCode()).isEqualTo(200);
        jdbc.sql("update oneseal.spring_session set last_access_time = last_access_time - 1860000, expiry_time = expiry_time - 1860000 where session_id = :id")
                .param("id", sessionId(browser.sessionCookie())).update();
        HttpResponse<String> page = browser.get("/me");
        assertThat(location(page)).endsWith("/login?expired");

        browser.submit("/login", "/login", Map.of("username", "zhangsan", "password", DemoData.PASSWORD));
        jdbc.sql("update oneseal.spring_session set last_access_time = last_access_time - 1860000, expiry_time = expiry_time - 1860000 where session_id = :id")
                .param("id", sessionId(browser.sessionCookie())).update();
        HttpResponse<String> api = browser.get("/api/v1/regions");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(api.body()).contains("登录");
    }

    @Test
    void aNewStaffMemberEnrolsTotpWithAQrCodeAndCanUseEachRecoveryCodeOnce() {
        jdbc.sql("""
                insert into oneseal.account (username, password_hash, kind, display_name, region_id, created_at)
                select 'newbie', :hash, 'STAFF', '新同事', id, now() from oneseal.region where code = '990100'""")
                .param("hash", passwords.encode(DemoData.PASSWORD)).update();
        HttpSessionClient browser = new HttpSessionClient(port);
        browser.submit("/login", "/login", Map.of("username", "newbie", "password", DemoData.PASSWORD));
        assertThat(location(browser.get("/login/totp"))).endsWith("/login/totp/enrol");
        HttpResponse<String> enrolPage = browser.get("/login/totp/enrol");
        assertThat(enrolPage.body()).contains("data:image/png;base64,");
        String secret = find(enrolPage.body(), "id=\"totp-secret\">([A-Z2-7]{32})<");

        HttpResponse<String> done = browser.post("/login/totp/enrol", Map.of("code", Totp.code(secret, Totp.step(clock.instant()))));
        assertThat(done.statusCode()).isEqualTo(200);
        String recovery = find(done.body(), "<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>");
        assertThat(jdbc.sql("select totp_secret from oneseal.account where username = 'newbie'").query(String.class).single())
                .as("secret stored encrypted").startsWith("sm4gcm:").doesNotContain(secret);
        assertThat(browser.get("/workbench").statusCode()).isEqualTo(200);

        HttpSessionClient again = new HttpSessionClient(port);
        again.submit("/login", "/login", Map.of("username", "newbie", "password", DemoData.PASSWORD));
        assertThat(location(again.submit("/login/totp", "/login/totp", Map.of("code", recovery.toLowerCase())))).endsWith("/workbench");
        HttpSessionClient reuse = new HttpSessionClient(port);
        reuse.submit("/login", "/login", Map.of("username", "newbie", "password", DemoData.PASSWORD));
        assertThat(reuse.submit("/login/totp", "/login/totp", Map.of("code", recovery)).body()).contains("验证码不正确");
    }

    @Test
    void anEnrolmentStartedForOneAccountCannotReplaceAnotherAccountsSecondFactor() {
        insertStaff("newbie2");
        HttpSessionClient attacker = new HttpSessionClient(port);
        attacker.submit("/login", "/login", Map.of("username", "newbie2", "password", DemoData.PASSWORD));
        String secret = find(attacker.get("/login/totp/enrol").body(), "id=\"totp-secret\">([A-Z2-7]{32})<");
        attacker.submit("/login", "/login", Map.of("username", "reviewer01", "password", DemoData.PASSWORD));
        attacker.get("/login/totp"); // the CSRF token changes at login
        HttpResponse<String> swap = attacker.post("/login/totp/enrol", Map.of("code", Totp.code(secret, Totp.step(clock.instant()))));
        assertThat(location(swap)).endsWith("/login/totp");
        assertThat(attacker.get("/workbench").statusCode()).isEqualTo(403);
        HttpSessionClient victim = new HttpSessionClient(port);
        victim.submit("/login", "/login", Map.of("username", "reviewer01", "password", DemoData.PASSWORD));
        assertThat(location(victim.submit("/login/totp", "/login/totp", Map.of("code", currentCode("reviewer01")))))
                .as("the victim's own authenticator still works").endsWith("/workbench");
    }

    @Test
    void theSecondStepEndsWhenTheAccountIsLockedMeanwhileOrThePasswordStepIsTooOld() {
        insertStaff("newbie3");
        jdbc.sql("update oneseal.account set totp_secret = (select totp_secret from oneseal.account where username = 'auditor'), "
                + "totp_confirmed_at = now() where username = 'newbie3'").update();
        HttpSessionClient browser = new HttpSessionClient(port);
        browser.submit("/login", "/login", Map.of("username", "newbie3", "password", DemoData.PASSWORD));
        assertThat(browser.get("/login/totp").statusCode()).isEqualTo(200);
        jdbc.sql("update oneseal.account set locked_until = now() + interval '1 hour' where username = 'newbie3'").update();
        HttpResponse<String> locked = browser.post("/login/totp",
                Map.of("code", Totp.code(DemoData.demoSecret("auditor"), Totp.step(clock.instant()))));
        assertThat(location(locked)).endsWith("/login?error");
        assertThat(location(browser.get("/workbench"))).contains("/login");

        jdbc.sql("update oneseal.account set locked_until = null where username = 'newbie3'").update();
        HttpSessionClient slow = new HttpSessionClient(port);
        slow.submit("/login", "/login", Map.of("username", "newbie3", "password", DemoData.PASSWORD));
        assertThat(slow.get("/login/totp").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(6));
        HttpResponse<String> late = slow.post("/login/totp",
                Map.of("code", Totp.code(DemoData.demoSecret("auditor"), Totp.step(clock.instant()))));
        assertThat(location(late)).endsWith("/login?error");
    }

    @Test
    void aSessionEndsWhenItsAccountChangesAndTypedIdentifiersStayOutOfTheAuditLog() {
        HttpSessionClient browser = new HttpSessionClient(port);
        browser.postJson("/api/v1/registrations/person", """
                {"username": "fresh01", "password": "Strong@Pass1", "passwordConfirm": "Strong@Pass1",
                 "realName": "孙七", "idCardNumber": "%s"}""".formatted(org.oneseal.TestIds.idCard("51010419880101123")));
        browser.submit("/login", "/login", Map.of("username", "fresh01", "password", "Strong@Pass1"));
        assertThat(browser.get("/me").statusCode()).isEqualTo(200);
        jdbc.sql("update oneseal.account set version = version + 1 where username = 'fresh01'").update();
        assertThat(location(browser.get("/me"))).endsWith("/login?expired");

        browser.submit("/login", "/login", Map.of("username", "11010519491231002X", "password", "whatever"));
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where actor like '%11010519491231002X%'")
                .query(Long.class).single()).isZero();
    }

    private void insertStaff(String username) {
        jdbc.sql("""
                insert into oneseal.account (username, password_hash, kind, display_name, region_id, created_at)
                select :u, :hash, 'STAFF', '新同事', id, now() from oneseal.region where code = '990100'""")
                .param("u", username).param("hash", passwords.encode(DemoData.PASSWORD)).update();
    }

    private Instant lockedUntil(String username) {
        return jdbc.sql("select locked_until from oneseal.account where username = :u").param("u", username)
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    private String currentCode(String username) {
        return Totp.code(DemoData.demoSecret(username), Totp.step(clock.instant()));
    }

    private long sessionRows(String cookie) {
        return jdbc.sql("select count(*) from oneseal.spring_session where session_id = :id").param("id", sessionId(cookie))
                .query(Long.class).single();
    }

    /** Spring Session's cookie holds the session id base64-encoded. */
    private static String sessionId(String cookie) {
        return new String(java.util.Base64.getDecoder().decode(cookie));
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("pattern %s", regex).isTrue();
        return m.group(1);
    }
}

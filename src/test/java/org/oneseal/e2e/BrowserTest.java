package org.oneseal.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of end-to-end tests: Debian's chromium (/usr/bin/chromium, or $CHROMIUM) driven by Playwright,
 * headless, no browser download. Each test gets a fresh browser context (no cookies); a screenshot of
 * the last page is kept under target/screenshots. A TOTP code is accepted once per account: when a test
 * signs in with a code an earlier test used, it waits for the next code like a person would.
 */
abstract class BrowserTest {

    private static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.oneseal.TestClock clock;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() {
        Path chromium = Paths.get(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("Browser tests need Debian's chromium at " + chromium
                    + " (apt-get install -y chromium fonts-noto-cjk), or set CHROMIUM to its path");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newContext() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setViewportSize(390, 844));
        page = context.newPage();
        page.setDefaultTimeout(15_000);
    }

    @AfterEach
    void screenshot(TestInfo info) {
        try {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Paths.get("target/screenshots/" + getClass().getSimpleName() + "-"
                            + info.getTestMethod().map(m -> m.getName()).orElse("test") + ".png")));
        } finally {
            context.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A demo staff member signs in: password, then the current TOTP code. */
    void signInAsStaff(String username) {
        passwordStep(username);
        totpStep(username);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page).hasURL(url("/workbench"));
    }

    void passwordStep(String username) {
        passwordStep(username, org.oneseal.identity.DemoAccounts.PASSWORD);
    }

    void passwordStep(String username, String password) {
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    }

    void totpStep(String username) {
        enterCode(page, username);
        if (page.locator(".field-error").count() > 0) {
            // this code was used by an earlier sign-in of the same account: wait for the next one, as a person would
            long next = (clock.instant().getEpochSecond() / 30 + 1) * 30;
            page.waitForTimeout((next - clock.instant().getEpochSecond()) * 1000.0 + 500);
            enterCode(page, username);
        }
    }

    /** A demo applicant (person or enterprise) signs in on this test's page: password only. */
    void signInAsApplicant(String username) {
        passwordStep(username);
    }

    /** Contexts opened by {@link #staffPage}, closed after each test. */
    private final java.util.List<com.microsoft.playwright.BrowserContext> staffContexts = new java.util.ArrayList<>();

    /** A browser of its own (own session) with a demo staff member signed in, password and TOTP. */
    Page staffPage(String username) {
        com.microsoft.playwright.BrowserContext staff = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"));
        staffContexts.add(staff);
        Page p = staff.newPage();
        p.setDefaultTimeout(15_000);
        p.navigate(url("/login"));
        p.getByLabel("用户名").fill(username);
        p.getByLabel("密码").fill(org.oneseal.identity.DemoAccounts.PASSWORD);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        enterCode(p, username);
        if (p.locator(".field-error").count() > 0) { // the code was used a moment ago: the next one
            long next = (clock.instant().getEpochSecond() / 30 + 1) * 30;
            p.waitForTimeout((next - clock.instant().getEpochSecond()) * 1000.0 + 500);
            enterCode(p, username);
        }
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(p).hasURL(url("/workbench"));
        return p;
    }

    @AfterEach
    void closeStaffContexts() {
        staffContexts.forEach(com.microsoft.playwright.BrowserContext::close);
        staffContexts.clear();
    }

    void enterCode(Page on, String username) {
        on.getByLabel("验证码", new Page.GetByLabelOptions().setExact(true))
                .fill(org.oneseal.identity.DemoAccounts.currentCode(username, clock.instant()));
        on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("验证")).click();
        on.waitForLoadState();
    }
}

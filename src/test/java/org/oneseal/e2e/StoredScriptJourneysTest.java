package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.BadInputCorpus;
import org.oneseal.ServerTest;
import org.oneseal.TestIds;
import org.oneseal.identity.DemoAccounts;
import org.oneseal.matter.CompetenceLevel;
import org.oneseal.matter.HandlingForm;
import org.oneseal.matter.HandlingKind;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.matter.MatterElements;
import org.oneseal.matter.MatterType;
import org.oneseal.matter.MatterVersionView;
import org.oneseal.matter.PublishedMatters;
import org.oneseal.matter.ServiceObject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Script and HTML typed into every place whose text is later shown to someone else — an applicant's name,
 * an uploaded file's name, a correction notice, a correction note, a refusal, a review opinion, region and
 * org-unit names, a matter's guide and draft — and then opened by the people who read it: window staff,
 * the reviewer, the applicant, the administrator, the auditor and anyone reading the service guide. In
 * no page may any of it run, become markup, or be stopped only by the content security policy; each
 * shows as the text that was typed.
 */
@ServerTest
class StoredScriptJourneysTest extends BrowserTest {

    static final String APPLICANT = "<img src=x onerror=\"window.__xss=1\">";
    static final String FILE = "<svg onload=window.__xss=1>.pdf";
    static final String DEFICIENCY = "</textarea><script>window.__xss=1</script>";
    static final String NOTE = "\"><svg onload=\"window.__xss=1\">";
    static final String REFUSAL = "<a href=\"javascript:window.__xss=1\" id=xss-link>点击</a>";
    static final String OPINION = "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>";
    static final String REGION = "<svg/onload=window.__xss=1>县";
    static final String UNIT = "<details open ontoggle=\"window.__xss=1\">窗口";
    static final String MATTER = "<img src=x onerror=window.__xss=1>测试许可";
    static final String CONDITIONS = "<div hx-get=\"/logout\" hx-trigger=\"load\">htmx</div>";
    static final String DRAFT_EDIT = "</textarea><img src=x onerror=\"window.__xss=1\">";

    /** Records what a script could do, from before any page script: CSP violations and dialogs. */
    private static final String WATCH = "window.__csp = []; document.addEventListener('securitypolicyviolation', "
            + "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));";
    /** Elements that only injected markup would bring: handlers, inline scripts, frames, javascript: links. */
    private static final String INJECTED = "() => Array.from(document.querySelectorAll('[onerror],[onload],[onfocus],"
            + "[onmouseover],[ontoggle],[onbegin],[onstart],script:not([src]),iframe,object,embed,base,meta[http-equiv],"
            + "a[href^=\"javascript:\" i],[hx-trigger],#xss-link')).map(e => e.outerHTML.slice(0, 80))";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PublishedMatters matters;
    @Autowired
    MatterCatalogue catalogue;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> dialogs = new ArrayList<>();

    @AfterEach
    void closeAndBackToToday() {
        contexts.forEach(BrowserContext::close);
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void thePayloadsAreInTheCorpus() {
        assertThat(BadInputCorpus.SCRIPT).contains(DEFICIENCY, REFUSAL).anyMatch(p -> p.contains("onerror"));
    }

    @Test
    void noStoredScriptRunsWhereverItIsShownAndEachShowsAsTyped() {
        watch(page);
        String username = "xss" + System.nanoTime() % 1_000_000_000L;
        register(username);
        passwordStep(username, "Strong@Pass1");
        Page window = staff("window01");
        Page reviewer = staff("reviewer01");
        Page admin = staff("admin");
        Page auditor = staff("auditor");
        clock.travelTo(LocalDate.of(2026, 6, 15)); // case deadlines inside 2026, whose holidays are shipped
        MatterVersionView food = foodPermitOfTheCity();

        // the applicant applies, the window asks for a correction, the applicant corrects, the window refuses
        long refused = apply(food);
        window.navigate(url("/workbench/cases/" + refused));
        window.locator("summary", new Page.LocatorOptions().setHasText("一次性告知补正")).click();
        window.locator("input[name=description]").first().fill(DEFICIENCY);
        window.locator("#request-correction").click();
        assertThat(window.locator("#case-status")).hasText("待补正");
        page.navigate(url("/me/cases/" + refused));
        assertInert(page, "the applicant's case asking for a correction", DEFICIENCY, FILE);
        page.locator("#fix-note").fill(NOTE);
        page.locator("form:has(#fix-note) button[type=submit]").click();
        assertThat(page.locator("#case-status")).hasText("待受理");
        window.reload();
        window.locator("summary", new Page.LocatorOptions().setHasText("不予受理")).click();
        window.locator("#refuse-reason").fill(REFUSAL);
        window.locator("form:has(#refuse-reason) button[type=submit]").click();
        assertThat(window.locator("#case-status")).hasText("不予受理");

        // a second application is accepted and reviewed
        long reviewed = apply(food);
        window.navigate(url("/workbench/cases/" + reviewed));
        window.locator("#accept").click();
        assertThat(window.locator("#case-status")).hasText("审查中");
        reviewer.navigate(url("/workbench/cases/" + reviewed));
        reviewer.locator("#opinion").fill(OPINION);
        reviewer.locator("#complete-review").click();
        assertThat(reviewer.locator("#case-status")).hasText("待决定");

        // the administrator adds a region and an org unit, a matter of that region is published, and a new draft edited
        admin.navigate(url("/admin/regions/new"));
        admin.locator("#code").fill("990198");
        admin.locator("#name").fill(REGION);
        admin.locator("#level").selectOption("COUNTY");
        admin.locator("#parentId").selectOption(new SelectOption().setLabel("示范市（市本级）"));
        admin.locator("form button[type=submit]").last().click();
        assertThat(admin).hasURL(url("/admin/regions"));
        long region = jdbc.sql("select id from oneseal.region where code = '990198'").query(Long.class).single();
        admin.navigate(url("/admin/org-units/new"));
        admin.locator("#name").fill(UNIT);
        admin.locator("#code").fill("XSS-UNIT");
        admin.locator("#regionId").selectOption(String.valueOf(region));
        admin.locator("form button[type=submit]").last().click();
        assertThat(admin).hasURL(url("/admin/org-units"));
        long matter = publishedMatter(region);
        admin.navigate(url("/admin/matters/" + matter));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("新建版本（从已发布版本复制）")).click();
        admin.locator("textarea[name=conditions]").fill(DRAFT_EDIT);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();
        assertThat(admin.locator("textarea[name=conditions]")).hasValue(DRAFT_EDIT);
        String draft = admin.url();
        // a denied request carrying script in its address, for the auditor to read
        page.navigate(url("/api/v1/audit/" + URLEncoder.encode(APPLICANT, StandardCharsets.UTF_8).replace("+", "%20")));

        // everyone reads what the others typed
        window.navigate(url("/workbench/cases/" + refused));
        assertInert(window, "the window's case page", APPLICANT, FILE, NOTE, REFUSAL);
        window.navigate(url("/workbench/cases"));
        assertInert(window, "the window's case list", APPLICANT);
        reviewer.navigate(url("/workbench/cases/" + reviewed));
        assertInert(reviewer, "the reviewer's case page", APPLICANT, FILE, OPINION);
        page.navigate(url("/me/cases/" + refused));
        assertInert(page, "the applicant's refused case", FILE, NOTE, REFUSAL);
        page.navigate(url("/me/cases/" + reviewed));
        assertInert(page, "the applicant's reviewed case", FILE);
        messagesShow(REFUSAL);
        admin.navigate(url("/admin/regions"));
        assertInert(admin, "the region list", REGION);
        admin.navigate(url("/admin/org-units"));
        assertInert(admin, "the org-unit list", UNIT, REGION);
        admin.navigate(url("/admin/accounts/new"));
        assertInert(admin, "the new-account form (region and unit choices)", REGION, UNIT);
        admin.navigate(url("/admin/matters"));
        assertInert(admin, "the matter list", MATTER);
        admin.navigate(draft);
        assertInert(admin, "the draft editor", DRAFT_EDIT);
        assertThat(admin.locator("#name")).hasValue(MATTER);
        admin.navigate(url("/admin/applicants"));
        assertInert(admin, "the applicant list (names masked)", username);
        Page anyone = open();
        anyone.navigate(url("/guide?q=" + URLEncoder.encode("测试许可", StandardCharsets.UTF_8)));
        assertInert(anyone, "the guide search", MATTER);
        anyone.navigate(url("/guide/" + matter));
        assertInert(anyone, "the service guide", MATTER, CONDITIONS, REGION, UNIT, NOTE, DEFICIENCY);
        assertThat(anyone.locator("#materials a")).hasCount(0); // the material's javascript: template is no link
        auditor.navigate(url("/audit?action=identity.region.create"));
        assertInert(auditor, "the audit log of region changes", REGION);
        auditor.navigate(url("/audit?action=matter.create"));
        assertInert(auditor, "the audit log of matters", MATTER);
        auditor.navigate(url("/audit?action=http.access"));
        assertInert(auditor, "the audit log of denied requests", "/api/v1/audit/%3Cimg");

        // and what a link can carry is shown back as text too
        anyone.navigate(url("/guide?q=" + URLEncoder.encode(DEFICIENCY, StandardCharsets.UTF_8)));
        assertInert(anyone, "the guide search for a script");
        assertThat(anyone.locator("#q")).hasValue(DEFICIENCY.substring(0, Math.min(50, DEFICIENCY.length())));
        auditor.navigate(url("/audit?action=" + URLEncoder.encode(NOTE, StandardCharsets.UTF_8)));
        assertInert(auditor, "the audit filter with a script");
        admin.navigate(url("/admin/org-units?q=" + URLEncoder.encode(APPLICANT, StandardCharsets.UTF_8)));
        assertInert(admin, "the org-unit search for a script");
        assertThat(dialogs).as("dialogs opened").isEmpty();
    }

    /** No script ran, none was even attempted (the CSP would report it), no markup was injected; the texts show as typed. */
    private void assertInert(Page p, String what, String... shownAsText) {
        p.waitForLoadState();
        assertThat(p.evaluate("() => window.__xss")).as(what + ": a stored script ran").isNull();
        assertThat((List<?>) p.evaluate("() => window.__csp")).as(what + ": injected script stopped only by the CSP").isEmpty();
        assertThat((List<?>) p.evaluate(INJECTED)).as(what + ": injected markup").isEmpty();
        String text = (String) p.evaluate("() => document.body.textContent");
        for (String shown : shownAsText) {
            assertThat(text).as(what + " shows the text as typed").contains(shown);
        }
    }

    /** The applicant's message about the refusal arrives a moment later (the notice is sent after the commit). */
    private void messagesShow(String reason) {
        for (int i = 0; i < 20; i++) {
            page.navigate(url("/me/messages"));
            if (page.locator("#main").textContent().contains(reason)) {
                break;
            }
            page.waitForTimeout(250);
        }
        assertInert(page, "the applicant's messages", reason);
    }

    private void register(String username) {
        page.navigate(url("/register/person"));
        page.locator("#username").fill(username);
        page.locator("#password").fill("Strong@Pass1");
        page.locator("#passwordConfirm").fill("Strong@Pass1");
        page.locator("#realName").fill(APPLICANT);
        long n = System.nanoTime();
        page.locator("#idCardNumber").fill(TestIds.idCard(String.format("3201021980%02d%02d%03d", n % 12 + 1, n / 12 % 28 + 1,
                n / 400 % 1000)));
        page.locator("form button[type=submit]").last().click();
        assertThat(page).hasURL(url("/login?registered"));
    }

    /** The applicant applies for the city's food business permit; the first material's file is named with script. */
    private long apply(MatterVersionView food) {
        page.navigate(url("/apply/" + food.matterId()));
        boolean first = true;
        for (var m : food.materials().stream().filter(m -> m.required()).toList()) {
            page.locator("#file-" + m.code()).setInputFiles(new FilePayload(first ? FILE : m.code() + ".pdf",
                    "application/pdf", BadInputCorpus.pdf()));
            first = false;
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
        assertThat(page.locator("#case-status")).hasText("待受理");
        return Long.parseLong(page.url().replaceAll(".*/me/cases/(\\d+).*", "$1"));
    }

    /** A matter of the region with script all over its guide, published. */
    private long publishedMatter(long region) {
        long department = jdbc.sql("select id from oneseal.org_unit where code = 'XSS-UNIT'").query(Long.class).single();
        return matters.publish("XSS-1", region, new MatterElements(MATTER, MatterType.LICENSING, department, null, REGION,
                CompetenceLevel.COUNTY, false, false, NOTE, ServiceObject.BOTH, List.of(HandlingForm.WINDOW, HandlingForm.ONLINE),
                HandlingKind.PROMISED, 20, 10, 1, List.of(new MatterElements.Procedure(UNIT, 5, false, OPINION)),
                true, null, null, CONDITIONS,
                List.of(new MatterElements.Material("M1", DEFICIENCY, true, true, true, true, false, false, 1,
                        "javascript:window.__xss=1", APPLICANT, FILE)),
                REFUSAL, List.of(new MatterElements.QuestionAnswer(NOTE, OPINION)), DRAFT_EDIT, "0999-1", "0999-2",
                true, false, false, false, false, null, null, null, null, null, null, null, List.of(REGION), null, APPLICANT));
    }

    private MatterVersionView foodPermitOfTheCity() {
        long city = jdbc.sql("select id from oneseal.region where code = '990100'").query(Long.class).single();
        return catalogue.published(city).stream().filter(m -> m.name().equals("食品经营许可")).findFirst().orElseThrow();
    }

    private Page open() {
        BrowserContext c = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900));
        contexts.add(c);
        Page p = c.newPage();
        p.setDefaultTimeout(15_000);
        watch(p);
        return p;
    }

    private void watch(Page p) {
        p.context().addInitScript(WATCH);
        p.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
    }

    /**
     * A staff member signs in; when an earlier test used this 30-second code, the next one (accepted too) is
     * typed instead of waiting. Safe while at most one other test signs in each of these accounts.
     */
    private Page staff(String username) {
        Page p = open();
        p.navigate(url("/login"));
        p.getByLabel("用户名").fill(username);
        p.getByLabel("密码").fill(DemoAccounts.PASSWORD);
        p.locator("form button[type=submit]").last().click();
        for (int ahead = 0; ahead <= 30 && !p.url().endsWith("/workbench"); ahead += 30) {
            p.getByLabel("验证码", new Page.GetByLabelOptions().setExact(true))
                    .fill(DemoAccounts.currentCode(username, clock.instant().plusSeconds(ahead)));
            p.locator("form button[type=submit]").last().click();
            p.waitForLoadState();
        }
        assertThat(p).hasURL(url("/workbench"));
        return p;
    }
}

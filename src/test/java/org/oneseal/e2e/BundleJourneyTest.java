package org.oneseal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.oneseal.ServerTest;
import org.oneseal.casework.CaseDecisions;
import org.oneseal.casework.CaseHandling;
import org.oneseal.casework.Decision;
import org.oneseal.identity.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 开办餐馆一件事 in the browser: an enterprise applies with one form, a department asks for a correction, the
 * applicant gets one combined notice and answers it once, every department decides, the results go out together.
 * The departments' routine steps run through the services; the applicant's side and the correction are clicked.
 */
@ServerTest
class BundleJourneyTest extends BrowserTest {

    @Autowired CaseHandling handling;
    @Autowired CaseDecisions decisions;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    @Test
    void aRestaurantFromOneFormToAllLicencesDeliveredTogether() throws Exception {
        Page window = staffPage("window01"); // before the clock moves: a TOTP step older than a used one is refused
        clock.travelTo(java.time.LocalDate.of(2026, 6, 15));
        try {
            Path pdf = Files.createTempFile("material", ".pdf");
            Files.writeString(pdf, "%PDF-1.4\n% material\n%%EOF\n", StandardCharsets.US_ASCII);
            page.navigate(url("/login"));
            page.getByLabel("用户名").fill("shifan_food");
            page.getByLabel("密码").fill(DemoAccounts.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            page.navigate(url("/guide"));
            page.locator("#bundles-link").click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("开办餐馆“一件事”")).click();
            assertThat(page.locator("#bundle-target")).containsText("5个工作日");
            page.locator("#apply-bundle-online").click();
            for (Locator input : page.locator("input[type=file]").all()) {
                input.setInputFiles(pdf);
            }
            page.locator("#apply-bundle").click();
            assertThat(page.locator("#bundle-members li")).hasCount(5);
            String master = page.url();
            List<Long> cases = page.locator("#bundle-members li").all().stream()
                    .map(li -> Long.parseLong(li.getAttribute("data-case"))).toList();

            // the registration office asks for a correction
            window.navigate(url("/workbench/cases/" + cases.getFirst()));
            window.locator("summary", new Page.LocatorOptions().setHasText("一次性告知补正")).click();
            window.locator("input[name=description]").first().fill("公司章程缺少全体股东签字");
            window.locator("#request-correction").click();
            assertThat(window.locator("#case-status")).hasText("待补正");
            // the other departments accept: the round is complete, one combined notice reaches the applicant
            as("window01", () -> {
                cases.stream().skip(1).filter(id -> status(id).equals("SUBMITTED")).forEach(handling::accept);
                return null;
            });
            page.navigate(master);
            assertThat(page.locator("#bundle-result")).hasText("需要补正");
            assertThat(page.locator("#combined-deficiencies")).containsText("公司章程缺少全体股东签字");
            page.navigate(url("/me/messages"));
            assertThat(page.locator("main")).containsText("一件事合并补正告知");
            page.navigate(master);
            page.locator("#fix-note").fill("已补全股东签字");
            page.locator("#submit-combined").click();
            assertThat(page.locator("#combined-notice")).hasCount(0);

            // every department decides; no result leaves before the last decision
            as("window01", () -> {
                handling.accept(cases.getFirst());
                return null;
            });
            for (long id : cases) {
                if (status(id).equals("FILED")) {
                    continue;
                }
                as("reviewer01", () -> handling.completeReview(id, "材料齐全"));
                if ("inspection".equals(step(id))) {
                    as("reviewer01", () -> handling.completeStep(id, "inspection", "现场核查合格"));
                }
                as("chief01", () -> decisions.decide(id, new Decision(true, "符合条件，准予许可", null, null)));
                if (id != cases.getLast() && !allDecided(cases)) {
                    String refused = as("window01", () -> {
                        try {
                            handling.deliver(id, "PICKUP");
                            return "delivered";
                        } catch (RuntimeException e) {
                            return e.getMessage();
                        }
                    });
                    org.assertj.core.api.Assertions.assertThat(refused).contains("一并送达");
                }
            }
            as("window01", () -> {
                cases.stream().filter(id -> status(id).equals("GRANTED")).forEach(id -> handling.deliver(id, "PICKUP"));
                return null;
            });
            // 一照含证: the business licence now lists the permits it carries
            String business = jdbc.sql("select licence_id from oneseal.case_file where id = ?").param(cases.getFirst())
                    .query(String.class).single();
            org.assertj.core.api.Assertions.assertThat(jdbc.sql("select value from oneseal.licence_particular "
                    + "where licence_id = ? and name = '一照含证'").param(business).query(String.class).single())
                    .contains("食品经营许可证").contains("公共场所卫生许可证");
            page.navigate(master);
            assertThat(page.locator("#bundle-result")).hasText("全部准予");
            assertThat(page.locator("#bundle-members .member-status").filter(new Locator.FilterOptions()
                    .setHasText("已办结"))).hasCount(4);
        } finally {
            clock.reset();
        }
    }

    private String status(long id) {
        return jdbc.sql("select status from oneseal.case_file where id = ?").param(id).query(String.class).single();
    }

    private String step(long id) {
        return jdbc.sql("select current_step from oneseal.case_file where id = ?").param(id).query(String.class)
                .optional().orElse(null);
    }

    private boolean allDecided(List<Long> cases) {
        return cases.stream().map(this::status).allMatch(s -> List.of("GRANTED", "DENIED", "FILED", "DELIVERED").contains(s));
    }

    private <T> T as(String username, Supplier<T> action) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }
}

package org.oneseal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.oneseal.casework.CaseStatus;
import org.oneseal.casework.CaseStatusChanged;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Which moves are announced, and the words of the notices the law asks for. */
class CaseNoticesTests {

    private final CaseNotices notices = new CaseNotices(bundles());

    @Test
    void internalMovesAndApplicantsWithoutAccountAreNotAnnounced() {
        assertThat(notices.of(event(7L, "CLAIMED", null, null))).isEmpty();
        assertThat(notices.of(event(7L, "RELEASED", null, null))).isEmpty();
        assertThat(notices.of(event(7L, "REVIEWED", LocalDate.of(2026, 6, 24), "符合要求"))).isEmpty();
        assertThat(notices.of(event(null, "ACCEPTED", LocalDate.of(2026, 6, 24), null))).isEmpty();
    }

    @Test
    void anExtensionStatesItsReasonAndTheNewExpectedDate() {
        CaseNotice notice = notices.of(event(7L, "EXTENDED", LocalDate.of(2026, 7, 8), "需要补充现场核查")).orElseThrow();
        assertThat(notice.title()).isEqualTo("办理期限延长");
        assertThat(notice.body())
                .isEqualTo("您的办件SP202600000042（食品经营许可）办理期限已延长，理由：需要补充现场核查；预计办结日期2026-07-08。");
        assertThat(notice.link()).isEqualTo("/me/cases/42");
        assertThat(notice.accountId()).isEqualTo(7L);
    }

    @Test
    void aSpecialProcedureIsAnnouncedWithTheProcedure() {
        CaseNotice notice = notices.of(event(7L, "SPECIAL_PROCEDURE_STARTED", null, "专家评审")).orElseThrow();
        assertThat(notice.body()).isEqualTo(
                "您的办件SP202600000042（食品经营许可）进入特殊环节：专家评审。特殊环节所需时间不计入办理期限。");
    }

    @Test
    void aSubmissionHasNoExpectedDateYet() {
        CaseNotice notice = notices.of(event(7L, "SUBMITTED", null, null)).orElseThrow();
        assertThat(notice.body()).isEqualTo("您的办件SP202600000042（食品经营许可）已提交，请等待窗口受理审查。");
    }

    private static CaseStatusChanged event(Long account, String kind, LocalDate expected, String reason) {
        return new CaseStatusChanged(42L, "SP202600000042", "食品经营许可", account, 1L, kind, CaseStatus.IN_REVIEW,
                expected, reason, Instant.parse("2026-06-15T02:00:00Z"), null);
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages/notification");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}

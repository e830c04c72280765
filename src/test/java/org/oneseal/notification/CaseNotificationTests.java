package org.oneseal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.oneseal.casework.Application;
import org.oneseal.casework.CaseCorrection;
import org.oneseal.casework.CaseHandling;
import org.oneseal.casework.CaseIntake;
import org.oneseal.casework.CaseView;
import org.oneseal.casework.Deficiency;
import org.oneseal.casework.SubmittedFile;
import org.oneseal.matter.MatterVersionView;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * A case moved through submit → correction request → correction → acceptance tells 张三 about every move,
 * once, in the portal and by (logged) SMS with his phone masked.
 */
@IntegrationTest
class CaseNotificationTests {

    @Autowired
    NotificationTestSupport support;
    @Autowired
    TestClock clock;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseHandling handling;
    @Autowired
    CaseCorrection correction;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    JdbcClient jdbc;

    private final ListAppender<ILoggingEvent> sms = new ListAppender<>();

    /** Deadlines fall inside 2026, whose holidays are shipped. */
    @BeforeEach
    void setUp() {
        clock.travelTo(LocalDate.of(2026, 6, 15));
        sms.start();
        ((Logger) LoggerFactory.getLogger(SmsChannel.class)).addAppender(sms);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(SmsChannel.class)).detachAppender(sms);
        support.signOut();
        clock.reset();
    }

    @Test
    void everyMoveUpToAcceptanceTellsTheApplicantWithTheExpectedDate() {
        CaseView accepted = correctedAndAcceptedCase();
        long id = accepted.id();
        Eventually.within(NotificationTestSupport.ASYNC_LIMIT, "four messages of the case",
                () -> support.messagesOf(id).size() >= 4);
        support.awaitNoticesCompleted();

        List<MessageView> messages = support.messagesOf(id);
        assertThat(messages).extracting(MessageView::kind)
                .containsExactly("SUBMITTED", "CORRECTION_REQUESTED", "CORRECTION_SUBMITTED", "ACCEPTED");
        String prefix = "您的办件" + accepted.caseNumber() + "（食品经营许可）";
        assertThat(messages.get(0).body()).isEqualTo(prefix + "已提交，请等待窗口受理审查。");
        assertThat(messages.get(1).title()).isEqualTo("请补正材料");
        assertThat(messages.get(1).body()).startsWith(prefix + "需要补正材料：申请书缺少法定代表人签字；联系电话无法接通。");
        assertThat(messages.get(3).title()).isEqualTo("办件已受理");
        assertThat(accepted.promisedDue()).isNotNull();
        assertThat(messages.get(3).body()).isEqualTo(prefix + "已受理，预计办结日期" + accepted.promisedDue() + "。");
        assertThat(messages).allSatisfy(m -> assertThat(m.link()).isEqualTo("/me/cases/" + id));
        assertThat(jdbc.sql("select distinct account_id from oneseal.notification_message where case_id = :c")
                .param("c", id).query(Long.class).list()).containsExactly(support.accountId("zhangsan"));
    }

    @Test
    void theSmsChannelIsUsedWithTheMaskedPhoneOnly() {
        CaseView accepted = correctedAndAcceptedCase();
        Eventually.within(NotificationTestSupport.ASYNC_LIMIT, "four SMS of the case",
                () -> smsLinesOf(accepted.caseNumber()).size() >= 4);
        support.awaitNoticesCompleted();

        List<ILoggingEvent> lines = smsLinesOf(accepted.caseNumber());
        assertThat(lines).hasSize(4);
        assertThat(lines).allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).contains("138****8000").doesNotContain("13800138000");
            assertThat(e.getKeyValuePairs()).anySatisfy(kv -> {
                assertThat(kv.key).isEqualTo("to");
                assertThat(kv.value).isEqualTo("138****8000");
            });
        });
    }

    @Test
    void aRedeliveredEventStoresAndSendsNothingTwice() {
        CaseView accepted = correctedAndAcceptedCase();
        Eventually.within(NotificationTestSupport.ASYNC_LIMIT, "four messages of the case",
                () -> support.messagesOf(accepted.id()).size() >= 4);
        support.awaitNoticesCompleted();
        int smsBefore = smsLinesOf(accepted.caseNumber()).size();

        // as after a crash: the registry holds the notice of the acceptance as not completed
        int reopened = jdbc.sql("""
                update oneseal.event_publication set completion_date = null, status = 'FAILED'
                where event_type = 'org.oneseal.casework.CaseStatusChanged'
                  and serialized_event like :number and serialized_event like '%"ACCEPTED"%'""")
                .param("number", "%" + accepted.caseNumber() + "%").update();
        assertThat(reopened).isEqualTo(1);
        incomplete.resubmitIncompletePublications(p -> true);
        support.awaitNoticesCompleted();

        assertThat(support.messagesOf(accepted.id())).extracting(MessageView::kind)
                .containsExactly("SUBMITTED", "CORRECTION_REQUESTED", "CORRECTION_SUBMITTED", "ACCEPTED");
        assertThat(smsLinesOf(accepted.caseNumber())).hasSize(smsBefore);
    }

    private CaseView correctedAndAcceptedCase() {
        MatterVersionView food = support.cityFoodPermit();
        support.as("zhangsan");
        CaseView applied = intake.apply(new Application(food.matterId(), null, null), requiredFiles(food), null);
        support.as("window01");
        String firstCode = food.materials().getFirst().code();
        handling.requestCorrection(applied.id(),
                List.of(new Deficiency(firstCode, "申请书缺少法定代表人签字"), new Deficiency(null, "联系电话无法接通")));
        support.as("zhangsan");
        correction.submit(applied.id(), List.of(new SubmittedFile(firstCode, "signed.pdf", "application/pdf",
                NotificationTestSupport.pdf("签字后的申请书"))), "已补签");
        support.as("window01");
        return handling.accept(applied.id());
    }

    private static List<SubmittedFile> requiredFiles(MatterVersionView matter) {
        return matter.materials().stream().filter(m -> m.required()).map(m -> new SubmittedFile(m.code(),
                m.code() + ".pdf", "application/pdf", NotificationTestSupport.pdf(m.name()))).toList();
    }

    private List<ILoggingEvent> smsLinesOf(String caseNumber) {
        synchronized (sms) {
            return sms.list.stream().filter(e -> e.getFormattedMessage().contains(caseNumber)).toList();
        }
    }
}

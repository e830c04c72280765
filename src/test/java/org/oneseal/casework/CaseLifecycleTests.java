package org.oneseal.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.calendar.WorkingDayCalendar;
import org.oneseal.matter.MatterVersionView;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A case from application to review, with a correction on the way, and the moves the rules refuse. */
@IntegrationTest
class CaseLifecycleTests {

    @Autowired
    CaseworkTestSupport support;
    @Autowired
    org.oneseal.TestClock clock;

    /** Deadlines of these cases fall inside 2026, whose holidays are shipped (see TestClock#travelTo). */
    @org.junit.jupiter.api.BeforeEach
    void inJune2026() {
        clock.travelTo(LocalDate.of(2026, 6, 15));
    }
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseHandling handling;
    @Autowired
    CaseCorrection correction;
    @Autowired
    CaseQueries queries;
    @Autowired
    CaseDecisions decisions;
    @Autowired
    org.oneseal.matter.MatterCatalogue catalogue;
    @Autowired
    org.oneseal.license.Licensing licensing;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        support.signOut();
        clock.reset();
    }

    @Test
    void anApplicationIsCorrectedAcceptedAndReviewedWithItsClockAndTimeline() {
        MatterVersionView food = support.foodPermit("990100");
        support.as("zhangsan");
        CaseView applied = intake.apply(new Application(food.matterId(), null, null),
                CaseworkTestSupport.requiredFiles(food), null);
        assertThat(applied.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(applied.currentStep()).isEqualTo("preReview");
        assertThat(applied.candidateRole()).isEqualTo("WINDOW_STAFF");
        assertThat(applied.applicantIdentifier()).isEqualTo("1101**********002X");
        assertThat(applied.matterVersionId()).isEqualTo(food.versionId());

        support.as("window01");
        assertThat(queries.myTasks()).extracting(WorkItem::caseId).contains(applied.id());
        String firstCode = food.materials().getFirst().code();
        CaseView corrected = handling.requestCorrection(applied.id(),
                List.of(new Deficiency(firstCode, "申请书缺少法定代表人签字"), new Deficiency(null, "联系电话无法接通")));
        assertThat(corrected.status()).isEqualTo(CaseStatus.CORRECTION_REQUESTED);
        assertThat(queries.detail(applied.id()).summary().currentStep()).isEqualTo("correction");
        assertThat(queries.myTasks()).extracting(WorkItem::caseId).doesNotContain(applied.id());

        support.as("zhangsan");
        assertThat(queries.myCase(applied.id()).openDeficiencies()).hasSize(2);
        CaseView back = correction.submit(applied.id(), List.of(new SubmittedFile(firstCode, "signed.pdf",
                "application/pdf", CaseworkTestSupport.pdf("签字后的申请书"))), "已补签");
        assertThat(back.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(queries.myCase(applied.id()).openDeficiencies()).isEmpty();

        support.as("window01");
        CaseView accepted = handling.accept(applied.id());
        LocalDate today = LocalDate.now(clock);
        assertThat(accepted.status()).isEqualTo(CaseStatus.IN_REVIEW);
        assertThat(accepted.acceptedOn()).isEqualTo(today);
        assertThat(accepted.promisedDue()).isEqualTo(calendar.addWorkingDays(today, food.promisedLimitDays()));
        assertThat(accepted.legalDue()).isEqualTo(calendar.addWorkingDays(today, food.legalLimitDays()));

        support.as("reviewer01");
        CaseView reviewed = handling.completeReview(applied.id(), "材料齐全，符合法定形式");
        assertThat(reviewed.status()).isEqualTo(CaseStatus.AWAITING_DECISION);
        assertThat(queries.detail(applied.id()).summary().candidateRole()).isEqualTo("CHIEF");
        assertThat(queries.detail(applied.id()).timeline()).extracting(CaseEventView::kind)
                .containsExactly("SUBMITTED", "CORRECTION_REQUESTED", "CORRECTION_SUBMITTED", "ACCEPTED", "REVIEWED");
        assertThat(queries.detail(applied.id()).materials()).filteredOn(m -> m.requirementCode().equals(firstCode))
                .singleElement().satisfies(m -> assertThat(m.fileName()).isEqualTo("signed.pdf"));
    }

    @Test
    void aGrantIssuesTheSignedLicenceAndDeliveryConcludesTheCase() {
        long id = reviewedCase("990100");
        support.as("chief01");
        assertThatThrownBy(() -> decisions.decide(id, new Decision(false, "不符合条件", "", "")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("legalBasis", "remedies"));
        CaseView granted = decisions.decide(id, new Decision(true, "经审查，符合法定条件", null, null));
        assertThat(granted.status()).isEqualTo(CaseStatus.GRANTED);
        assertThat(granted.licenceId()).isNotBlank();
        assertThat(granted.decisionDocumentId()).isNotBlank();
        assertThat(licensing.licence(granted.licenceId()).holderName()).isEqualTo("张三");
        assertThatThrownBy(() -> decisions.decide(id, new Decision(true, "再决定一次", null, null)))
                .isInstanceOf(IllegalCaseTransition.class);

        support.as("window01");
        CaseView delivered = handling.deliver(id, "DOWNLOAD");
        assertThat(delivered.status()).isEqualTo(CaseStatus.DELIVERED);
        assertThat(delivered.concludedOn()).isNotNull();
        assertThat(queries.detail(id).summary().currentStep()).isNull();
        assertThatThrownBy(() -> handling.deliver(id, "MAIL")).isInstanceOf(IllegalCaseTransition.class);
    }

    @Test
    void aDenialStatesItsBasisAndRemediesAndIssuesNoLicence() {
        long id = reviewedCase("990100");
        support.as("chief01");
        CaseView denied = decisions.decide(id, new Decision(false, "经营场所与居民住宅距离不足",
                "《食品经营许可和备案管理办法》第十二条", "可在六十日内申请行政复议，或在六个月内提起行政诉讼"));
        assertThat(denied.status()).isEqualTo(CaseStatus.DENIED);
        assertThat(denied.licenceId()).isNull();
        assertThat(denied.decisionDocumentId()).isNotBlank();
        assertThat(licensing.decisionPdf(denied.decisionDocumentId())).startsWith("%PDF-".getBytes());
    }

    @Test
    void aMatterWithItsOwnProcessGoesThroughTheInspectionStep() {
        long region = jdbc.sql("select id from oneseal.region where code = '990100'").query(Long.class).single();
        MatterVersionView hygiene = catalogueOf(region, "公共场所卫生许可");
        assertThat(hygiene.processKey()).isEqualTo("oneseal-case-with-inspection");
        support.as("zhangsan");
        long id = intake.apply(new Application(hygiene.matterId(), null, null),
                CaseworkTestSupport.requiredFiles(hygiene), null).id();
        support.as("window01");
        handling.accept(id);
        support.as("reviewer01");
        handling.completeReview(id, "书面审查通过");
        assertThat(queries.detail(id).summary().currentStep()).isEqualTo("inspection");
        support.as("window01");
        assertThatThrownBy(() -> handling.completeStep(id, "inspection", "代为核查")).isInstanceOf(IllegalCaseTransition.class);
        support.as("reviewer01");
        handling.completeStep(id, "inspection", "现场核查合格");
        assertThat(queries.detail(id).summary().currentStep()).isEqualTo("decide");
    }

    private MatterVersionView catalogueOf(long region, String name) {
        return catalogue.published(region).stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private long reviewedCase(String region) {
        MatterVersionView food = support.foodPermit(region);
        support.as("zhangsan");
        long id = intake.apply(new Application(food.matterId(), null, null), CaseworkTestSupport.requiredFiles(food),
                null).id();
        support.as("window01");
        handling.accept(id);
        support.as("reviewer01");
        handling.completeReview(id, "符合要求");
        return id;
    }

    @Test
    void aDraftKeepsFilesUntilItIsSubmittedWithEveryRequiredMaterial() {
        MatterVersionView food = support.foodPermit("990100");
        List<SubmittedFile> all = CaseworkTestSupport.requiredFiles(food);
        support.as("zhangsan");
        CaseView draft = intake.saveDraft(new Application(food.matterId(), null, null), all.subList(0, 1), null);
        assertThat(draft.status()).isEqualTo(CaseStatus.DRAFT);
        assertThat(draft.currentStep()).isNull();
        assertThatThrownBy(() -> intake.submitDraft(draft.id(), List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKey("materials[" + all.get(1).requirementCode() + "]")
                        .doesNotContainKey("materials[" + all.getFirst().requirementCode() + "]"));
        intake.saveDraft(new Application(food.matterId(), null, null), all.subList(1, 2), draft.id());
        CaseView submitted = intake.submitDraft(draft.id(), all.subList(2, all.size()));
        assertThat(submitted.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(submitted.currentStep()).isEqualTo("preReview");
        assertThat(queries.myCase(draft.id()).materials()).hasSize(all.size());
        assertThatThrownBy(() -> intake.submitDraft(draft.id(), List.of())).isInstanceOf(NotFoundException.class);
        support.as("shifan_food");
        assertThatThrownBy(() -> intake.saveDraft(new Application(food.matterId(), null, null), List.of(), draft.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void missingRequiredMaterialsAndDisguisedFilesAreRefusedAndNothingIsStored() {
        MatterVersionView food = support.foodPermit("990100");
        support.as("zhangsan");
        long cases = support.count("case_file");
        List<SubmittedFile> files = new ArrayList<>(CaseworkTestSupport.requiredFiles(food));
        SubmittedFile dropped = files.removeLast();
        assertThatThrownBy(() -> intake.apply(new Application(food.matterId(), null, null), files, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKey("materials[" + dropped.requirementCode() + "]"));
        List<SubmittedFile> disguised = new ArrayList<>(CaseworkTestSupport.requiredFiles(food));
        disguised.set(0, new SubmittedFile(disguised.getFirst().requirementCode(), "申请书.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes()));
        assertThatThrownBy(() -> intake.apply(new Application(food.matterId(), null, null), disguised, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("不是PDF、PNG或JPG文件"));
        assertThat(support.count("case_file")).isEqualTo(cases);
    }

    @Test
    void actingTwiceOrOutOfOrderIsRefusedAndOtherRegionsSeeNothing() {
        MatterVersionView food = support.foodPermit("990100");
        support.as("zhangsan");
        long id = intake.apply(new Application(food.matterId(), null, null), CaseworkTestSupport.requiredFiles(food),
                null).id();
        support.as("chief01");
        assertThatThrownBy(() -> handling.completeReview(id, "越过受理直接审查")).isInstanceOf(IllegalCaseTransition.class);
        support.as("window01");
        handling.accept(id);
        assertThatThrownBy(() -> handling.accept(id)).isInstanceOf(IllegalCaseTransition.class)
                .hasMessageContaining("已被他人处理");

        support.as("nanxi_window");
        long denials = jdbc.sql("select count(*) from oneseal.audit_entry where action = 'casework.case.read' and outcome = 'DENIED'")
                .query(Long.class).single();
        assertThatThrownBy(() -> queries.detail(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> handling.extend(id, "越权")).isInstanceOf(Exception.class);
        assertThat(queries.myTasks()).extracting(WorkItem::caseId).doesNotContain(id);
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where action = 'casework.case.read' and outcome = 'DENIED'")
                .query(Long.class).single()).isEqualTo(denials + 1);
    }

    @Test
    void aCountyCaseIsHandledInTheCountyWithTheExtensionAndASpecialProcedure() {
        MatterVersionView food = support.foodPermit("990121");
        support.as("zhangsan");
        long id = intake.apply(new Application(food.matterId(), null, null), CaseworkTestSupport.requiredFiles(food),
                null).id();
        support.as("window01");
        assertThatThrownBy(() -> handling.accept(id)).isInstanceOf(NotFoundException.class);
        support.as("nanxi_window");
        CaseView accepted = handling.accept(id);
        support.as("nanxi_chief");
        CaseView extended = handling.extend(id, "需要补充现场核查");
        assertThat(extended.extended()).isTrue();
        assertThat(extended.promisedDue()).isEqualTo(calendar.addWorkingDays(accepted.acceptedOn(),
                food.promisedLimitDays() + 10));
        assertThatThrownBy(() -> handling.extend(id, "再次延期")).isInstanceOf(IllegalCaseTransition.class);
        assertThat(handling.startSpecialProcedure(id, "现场核查").paused()).isTrue();
        assertThat(handling.endSpecialProcedure(id, "核查合格").paused()).isFalse();
        assertThatThrownBy(() -> handling.startSpecialProcedure(id, " ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> handling.refuse(id, "不予受理")).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}

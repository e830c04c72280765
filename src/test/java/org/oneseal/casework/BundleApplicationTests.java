package org.oneseal.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.oneseal.matter.BundleGuide;
import org.oneseal.matter.Bundles;
import org.oneseal.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 一件事 applications: one form, a case per member, the most severe result, one combined notice, delivered together. */
@IntegrationTest
class BundleApplicationTests {

    @Autowired BundleApplications applications;
    @Autowired Bundles bundles;
    @Autowired CaseworkTestSupport support;
    @Autowired CaseHandling handling;
    @Autowired CaseDecisions decisions;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void inJune2026() {
        clock.travelTo(LocalDate.of(2026, 6, 15));
    }

    @AfterEach
    void back() {
        support.signOut();
        clock.reset();
    }

    @Test
    void theMostSevereSubResultDecidesTheBundlesResult() {
        assertThat(BundleResult.of(CaseStatus.GRANTED, false).worst(BundleResult.of(CaseStatus.DENIED, true)))
                .isEqualTo(BundleResult.DENIED);
        assertThat(BundleResult.of(CaseStatus.CORRECTION_REQUESTED, false).worst(BundleResult.GRANTED))
                .isEqualTo(BundleResult.NEEDS_REVISION);
        assertThat(BundleResult.of(CaseStatus.IN_REVIEW, false).worst(BundleResult.NEEDS_REVISION))
                .isEqualTo(BundleResult.NEEDS_REVISION);
        assertThat(BundleResult.of(CaseStatus.DELIVERED, true)).isEqualTo(BundleResult.DENIED);
        assertThat(BundleResult.of(CaseStatus.DELIVERED, false).worst(BundleResult.of(CaseStatus.FILED, false)))
                .isEqualTo(BundleResult.GRANTED);
        assertThat(BundleResult.of(CaseStatus.REFUSED, false).worst(BundleResult.of(CaseStatus.CORRECTION_REQUESTED, false)))
                .isEqualTo(BundleResult.DENIED);
    }

    @Test
    void oneFormOpensACasePerMemberEachMaterialOnceAndTheResultsGoOutTogether() {
        BundleGuide shop = enterpriseStartUp();
        support.as("shifan_food"); // an enterprise
        Map<String, SubmittedFile> files = new HashMap<>();
        guideMaterials(shop).forEach(m -> files.put(m.field(), new SubmittedFile(m.field(), m.name() + ".pdf",
                "application/pdf", CaseworkTestSupport.pdf(m.name()))));
        // a required material missing: nothing is opened, the message names the merged material
        long cases = support.count("case_file");
        BundleGuide.MergedMaterial first = shop.materials().stream().filter(BundleGuide.MergedMaterial::required)
                .findFirst().orElseThrow();
        Map<String, SubmittedFile> missing = new HashMap<>(files);
        missing.remove(first.field());
        assertThatThrownBy(() -> applications.apply(shop.bundleId(), missing))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get("materials[" + first.field() + "]")).contains(first.name()));
        assertThat(support.count("case_file")).isEqualTo(cases);
        // a file that is not what it claims is refused on the merged material's own field
        Map<String, SubmittedFile> disguised = new HashMap<>(files);
        disguised.put(first.field(), new SubmittedFile(first.field(), "章程.pdf", "application/pdf",
                "<html>not a pdf</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> applications.apply(shop.bundleId(), disguised))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("materials[" + first.field() + "]"));
        assertThat(support.count("case_file")).isEqualTo(cases);

        BundleApplications.BundleCase applied = applications.apply(shop.bundleId(), files);
        assertThat(applied.members()).hasSize(shop.members().size());
        assertThat(support.count("case_file")).isEqualTo(cases + shop.members().size());
        // 营业执照 uploaded once, stored with every member that asks for it
        BundleGuide.MergedMaterial licence = shop.materials().stream().filter(m -> m.name().equals("营业执照")).findFirst()
                .orElseThrow();
        List<Long> ids = applied.members().stream().map(m -> m.summary().id()).toList();
        assertThat(jdbc.sql("select count(*) from oneseal.case_material where case_id in (:ids) and file_name = '营业执照.pdf'")
                .param("ids", ids).query(Long.class).single()).isEqualTo(licence.codes().size());
        // each sub-case with its own department and due date, in parallel
        assertThat(applied.members()).allMatch(m -> m.summary().regionId() == shop.regionId());
        assertThat(applied.result()).isIn(BundleResult.IN_PROGRESS, BundleResult.GRANTED);

        // a department asks for a correction: one combined notice, the whole result needs revision
        long registration = ids.getFirst();
        support.as("window01");
        handling.requestCorrection(registration, List.of(new Deficiency(null, "章程缺少股东签字")));
        assertThat(events(registration)).doesNotContain("BUNDLE_CORRECTION_REQUESTED"); // others still wait
        // the other departments finish their pre-review: that completes the round, one combined notice goes out
        List<Long> others = ids.stream().filter(id -> id != registration).filter(id -> jdbc.sql(
                "select status from oneseal.case_file where id = ?").param(id).query(String.class).single()
                .equals("SUBMITTED")).toList();
        others.forEach(handling::accept);
        long last = others.isEmpty() ? registration : others.getLast();
        assertThat(events(last)).containsOnlyOnce("BUNDLE_CORRECTION_REQUESTED");
        assertThat(jdbc.sql("select reason from oneseal.case_event where case_id = ? and kind = 'BUNDLE_CORRECTION_REQUESTED'")
                .param(last).query(String.class).single()).contains("章程缺少股东签字");
        assertThat(CaseworkTestSupport.eventually(() -> jdbc.sql("select count(*) from oneseal.notification_message where case_id = ? "
                + "and kind = 'BUNDLE_CORRECTION_REQUESTED' and link = ?").params(last, "/me/bundles/" + applied.id())
                .query(Long.class).single())).isOne();
        support.as("shifan_food");
        BundleApplications.BundleCase asked = applications.mine(applied.id());
        assertThat(asked.result()).isEqualTo(BundleResult.NEEDS_REVISION);
        assertThat(asked.deficiencies()).singleElement().satisfies(d -> assertThat(d.description()).isEqualTo("章程缺少股东签字"));
        applications.correct(applied.id(), Map.of(), "已补签");
        assertThat(applications.mine(applied.id()).deficiencies()).isEmpty();

        // the registration is granted, but its result waits for the others
        support.as("window01");
        handling.accept(registration);
        support.as("reviewer01");
        handling.completeReview(registration, "材料齐全");
        support.as("chief01");
        decisions.decide(registration, new Decision(true, "准予登记", null, null));
        support.as("window01");
        assertThatThrownBy(() -> handling.deliver(registration, "PICKUP")).isInstanceOf(IllegalCaseTransition.class)
                .hasMessageContaining("一并送达");
        support.as("nanxi_window"); // another region learns nothing about the bundle: not found
        assertThatThrownBy(() -> handling.deliver(registration, "PICKUP"))
                .isInstanceOf(org.oneseal.shared.NotFoundException.class);
    }

    @Test
    void aMemberNotRequiredAndAGrantWithConditionsShowInTheResult() {
        BundleGuide startUp = enterpriseStartUp();
        support.as("shifan_food");
        Map<String, SubmittedFile> files = new HashMap<>();
        startUp.materials().forEach(m -> files.put(m.field(), new SubmittedFile(m.field(), m.name() + ".pdf",
                "application/pdf", CaseworkTestSupport.pdf(m.name()))));
        BundleApplications.BundleCase applied = applications.apply(startUp.bundleId(), files);
        Map<String, Long> byName = new HashMap<>();
        applied.members().forEach(m -> byName.put(m.summary().matterName(), m.summary().id()));

        support.as("window01");
        long bank = byName.get("企业银行账户开立预约");
        assertThat(handling.notRequired(bank, "企业已在其他银行开立基本存款账户").status()).isEqualTo(CaseStatus.NOT_REQUIRED);
        assertThat(jdbc.sql("select current_step from oneseal.case_file where id = ?").param(bank).query(String.class)
                .optional()).isEmpty();
        // a case outside any bundle cannot be marked so
        long single = support.applied("990100", intake());
        support.as("window01");
        assertThatThrownBy(() -> handling.notRequired(single, "不需要")).isInstanceOf(IllegalCaseTransition.class);

        for (long id : byName.values()) {
            if (!status(id).equals("SUBMITTED")) {
                continue;
            }
            support.as("window01");
            handling.accept(id);
            support.as("reviewer01");
            handling.completeReview(id, "材料齐全");
            support.as("chief01");
            boolean registration = id == byName.get("企业设立登记");
            decisions.decide(id, new Decision(true, "准予", null, null, registration ? "三个月内补充提交住所产权证明" : null));
        }
        support.as("shifan_food");
        BundleApplications.BundleCase done = applications.mine(applied.id());
        assertThat(done.members()).filteredOn(m -> m.summary().id() == bank).singleElement()
                .satisfies(m -> assertThat(m.result()).isEqualTo(BundleResult.NOT_REQUIRED));
        assertThat(done.result()).isEqualTo(BundleResult.GRANTED_WITH_CONDITIONS);
        String licence = jdbc.sql("select licence_id from oneseal.case_file where id = ?").param(byName.get("企业设立登记"))
                .query(String.class).single();
        assertThat(jdbc.sql("select value from oneseal.licence_particular where licence_id = ? and name = '许可条件'")
                .param(licence).query(String.class).single()).isEqualTo("三个月内补充提交住所产权证明");
    }

    @Autowired CaseIntake caseIntake;

    private CaseIntake intake() {
        return caseIntake;
    }

    private String status(long id) {
        return jdbc.sql("select status from oneseal.case_file where id = ?").param(id).query(String.class).single();
    }

    private List<String> events(long caseId) {
        return jdbc.sql("select kind from oneseal.case_event where case_id = ? order by id").param(caseId)
                .query(String.class).list();
    }


    private BundleGuide enterpriseStartUp() {
        return bundles.published().stream().filter(b -> b.code().equals("YJS-QYKB"))
                .map(b -> bundles.guide(b.id()).orElseThrow()).findFirst().orElseThrow();
    }

    private static List<BundleGuide.MergedMaterial> guideMaterials(BundleGuide g) {
        return g.materials();
    }
}

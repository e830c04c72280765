package org.oneseal.matter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.identity.CurrentUser;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Draft → published → superseded, the publication rules and the data scope, on the real database. */
@IntegrationTest
class MatterLifecycleTests {

    @Autowired
    MatterAdministration admin;
    @Autowired
    MatterCatalogue catalogue;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    DataScope scope;
    long market;
    long city;

    @BeforeEach
    void signIn() {
        MatterTestSupport.signIn(users, "admin");
        scope = currentUser.scope();
        market = MatterTestSupport.unitId(jdbc, "SF-SCZR");
        city = MatterTestSupport.regionId(jdbc, "990100");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aNewMatterIsADraftThatPublishesAndIsSupersededByItsSecondVersion() {
        long matterId = create("生命周期测试事项");
        MatterDetail created = admin.detail(scope, matterId);
        assertThat(created.versions()).singleElement().satisfies(v -> assertThat(v.state()).isEqualTo(MatterVersionState.DRAFT));
        long v1 = created.draftVersionId();
        assertThat(catalogue.currentPublished(matterId)).isEmpty();

        admin.publish(scope, v1);
        assertThat(catalogue.currentPublished(matterId)).get().satisfies(v -> {
            assertThat(v.versionId()).isEqualTo(v1);
            assertThat(v.state()).isEqualTo(MatterVersionState.PUBLISHED);
            assertThat(v.materials()).extracting(MaterialRequirementView::name).containsExactly("申请书", "营业执照");
            assertThat(v.specialProcedures()).extracting(SpecialProcedureView::name).containsExactly("现场核查");
            assertThat(v.processKey()).isEqualTo("oneseal-case");
        });

        long v2 = admin.newVersion(scope, matterId);
        MatterElements shorter = MatterTestSupport.with(admin.version(scope, v2).elements(), 3,
                MatterTestSupport.materials("申请书"), null);
        admin.updateDraft(scope, v2, shorter);
        assertThat(catalogue.currentPublished(matterId).orElseThrow().versionId()).as("draft not public yet").isEqualTo(v1);
        admin.publish(scope, v2);

        assertThat(catalogue.currentPublished(matterId).orElseThrow().promisedLimitDays()).isEqualTo(3);
        MatterVersionView old = catalogue.version(v1);
        assertThat(old.state()).isEqualTo(MatterVersionState.SUPERSEDED);
        assertThat(old.promisedLimitDays()).isEqualTo(10);
        assertThat(old.materials()).hasSize(2);
        assertThat(admin.detail(scope, matterId).versions()).extracting(VersionSummary::state)
                .containsExactly(MatterVersionState.PUBLISHED, MatterVersionState.SUPERSEDED);
        assertThat(audits(matterId)).containsExactly("matter.create", "matter.publish", "matter.version.create",
                "matter.draft.update", "matter.publish");
    }

    @Test
    void publishedAndSupersededVersionsNeverChange() {
        long matterId = create("冻结测试事项");
        long v1 = admin.detail(scope, matterId).draftVersionId();
        admin.publish(scope, v1);
        MatterElements changed = MatterTestSupport.with(admin.version(scope, v1).elements(), 1, List.of(), null);
        assertThatThrownBy(() -> admin.updateDraft(scope, v1, changed)).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("已发布或已被取代的版本不能修改");
        assertThatThrownBy(() -> admin.publish(scope, v1)).isInstanceOf(BusinessRuleViolation.class);
        assertThat(catalogue.version(v1).promisedLimitDays()).isEqualTo(10);
        admin.newVersion(scope, matterId);
        assertThatThrownBy(() -> admin.newVersion(scope, matterId)).hasMessageContaining("已有草稿");
    }

    @Test
    void publicationNamesEveryMissingOrInconsistentElementAndPublishesNothing() {
        long matterId = create("校验测试事项");
        long v1 = admin.detail(scope, matterId).draftVersionId();
        MatterElements bad = MatterTestSupport.with(admin.version(scope, v1).elements(), 25, List.of(),
                BigDecimal.ZERO);
        admin.updateDraft(scope, v1, bad);
        assertThatThrownBy(() -> admin.publish(scope, v1)).isInstanceOfSatisfying(PublicationRefused.class, e -> {
            assertThat(e.problems()).extracting(Problem::key).contains("matter.rule.promisedAboveLegal",
                    "matter.rule.materials", "matter.rule.fee");
            assertThat(e.getMessage()).contains("承诺办结时限（25个工作日）不能超过法定办结时限（20个工作日）")
                    .contains("请至少填写一项申请材料");
        });
        assertThat(catalogue.version(v1).state()).isEqualTo(MatterVersionState.DRAFT);
        assertThat(catalogue.currentPublished(matterId)).isEmpty();
    }

    @Test
    void aDepartmentOfAnotherRegionIsRefused() {
        long nanxiBureau = MatterTestSupport.unitId(jdbc, "NX-XZSPJ");
        assertThatThrownBy(() -> admin.create(scope, new NewMatter("X1", MatterTestSupport.uniqueCode("T"), city,
                MatterTestSupport.valid(nanxiBureau, "错部门", 20, 10))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("departmentId"));
    }

    @Test
    void aCountyAdministratorCannotSeeACityMatterAndTheAttemptIsAudited() {
        long matterId = create("数据范围测试事项");
        MatterTestSupport.signIn(users, "nanxi_admin");
        DataScope nanxi = currentUser.scope();
        assertThatThrownBy(() -> admin.detail(nanxi, matterId)).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where action = 'matter.read' and outcome = 'DENIED' "
                + "and object_id = :id").param("id", String.valueOf(matterId)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDemoCatalogueIsPublishedWithTwoLevelsAndASupersededVersion() {
        List<MatterVersionView> all = catalogue.published(null);
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        assertThat(all).filteredOn(v -> v.name().equals("食品经营许可")).extracting(MatterVersionView::regionId)
                .contains(city, MatterTestSupport.regionId(jdbc, "990121"));
        assertThat(all.stream().map(MatterVersionView::departmentId).distinct().count()).isGreaterThanOrEqualTo(6);
        assertThat(all).filteredOn(v -> v.versionNumber() == 2).isNotEmpty();
        assertThat(catalogue.published(MatterTestSupport.regionId(jdbc, "990121")))
                .allSatisfy(v -> assertThat(v.regionId()).isEqualTo(MatterTestSupport.regionId(jdbc, "990121")));
    }

    private long create(String name) {
        return admin.create(scope, new NewMatter("000100000000", MatterTestSupport.uniqueCode("T"), city,
                MatterTestSupport.valid(market, name, 20, 10)));
    }

    private List<String> audits(long matterId) {
        return jdbc.sql("select action from oneseal.audit_entry where object_type = 'Matter' and object_id = :id order by seq")
                .param("id", String.valueOf(matterId)).query(String.class).list();
    }
}

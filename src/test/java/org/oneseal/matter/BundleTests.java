package org.oneseal.matter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.identity.CurrentUser;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** 一件事: the demo bundles, the merged material list, the rules of a definition, scope and publication. */
@IntegrationTest
class BundleTests {

    @Autowired Bundles bundles;
    @Autowired CurrentUser currentUser;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    DataScope scope;

    @BeforeEach
    void signIn() {
        MatterTestSupport.signIn(users, "admin");
        scope = currentUser.scope();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theRestaurantBundleAsksEachMaterialOnceAndShowsItsTarget() throws Exception {
        Bundles.BundleSummary restaurant = bundles.published().stream().filter(b -> b.code().equals("YJS-KBCG"))
                .findFirst().orElseThrow();
        BundleGuide guide = bundles.guide(restaurant.id()).orElseThrow();
        assertThat(guide.members()).extracting(m -> m.matter().name()).containsExactly("企业设立登记", "食品经营许可",
                "公共场所卫生许可", "户外广告设施设置审批", "公章刻制备案");
        assertThat(guide.members()).filteredOn(BundleGuide.Member::carriedByLicence).extracting(m -> m.matter().name())
                .containsExactly("食品经营许可", "公共场所卫生许可");
        BundleGuide.MergedMaterial licence = guide.materials().stream().filter(m -> m.name().equals("营业执照"))
                .findFirst().orElseThrow();
        assertThat(licence.usedBy()).containsExactlyInAnyOrder("食品经营许可", "公共场所卫生许可", "公章刻制备案");
        assertThat(licence.codes()).hasSize(3);
        assertThat(guide.materials()).extracting(BundleGuide.MergedMaterial::name).doesNotHaveDuplicates();
        int listed = guide.members().stream().mapToInt(m -> m.matter().materials().size()).sum();
        assertThat(guide.materialsBeforeMerge()).isEqualTo(listed).isGreaterThan(guide.materials().size());
        assertThat(guide.targetWorkingDays()).isEqualTo(5);

        mvc.perform(get("/guide/bundles/" + restaurant.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("承诺5个工作日内办结"),
                        Matchers.containsString("一照含证"), Matchers.containsString("营业执照"))));
        mvc.perform(get("/api/v1/public/bundles")).andExpect(jsonPath("$[*].code", Matchers.hasItems("YJS-KBCG", "YJS-QYKB")));
    }

    @Test
    void aDefinitionNeedsTwoPublishedMattersAUniqueCodeAndStaysInItsScope() throws Exception {
        long city = MatterTestSupport.regionId(jdbc, "990100");
        List<MatterVersionView> cityMatters = bundles.published().isEmpty() ? List.of()
                : mattersOf(city);
        MatterVersionView food = cityMatters.stream().filter(m -> m.name().equals("食品经营许可")).findFirst().orElseThrow();
        MatterVersionView signs = cityMatters.stream().filter(m -> m.name().equals("户外广告设施设置审批")).findFirst()
                .orElseThrow();
        MatterVersionView grain = cityMatters.stream().filter(m -> m.name().equals("粮食收购资格认定")).findFirst()
                .orElseThrow();
        long before = count();

        assertThatThrownBy(() -> bundles.create(scope, new BundleCommand("YJS-KBCG", "", "说明", city, 99,
                List.of(new BundleCommand.Member(food.matterId(), false),
                        new BundleCommand.Member(grain.matterId(), false)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("code", "name", "targetWorkingDays", "members")
                        .hasEntrySatisfying("members", m -> assertThat(m).contains("已直接取消审批")));
        assertThatThrownBy(() -> bundles.create(scope, new BundleCommand("YJS-ONE", "单个", "说明", city, 5,
                List.of(new BundleCommand.Member(food.matterId(), false)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("members"))
                        .contains("至少包含2个"));
        assertThat(count()).isEqualTo(before);

        String code = "YJS-T" + System.nanoTime() % 100000;
        long id = bundles.create(scope, new BundleCommand(code, "开店招牌一件事", "测试", city, 3,
                List.of(new BundleCommand.Member(food.matterId(), true), new BundleCommand.Member(signs.matterId(), false))));
        assertThat(bundles.guide(id)).as("not published yet").isEmpty();
        mvc.perform(get("/guide/bundles/" + id)).andExpect(status().isNotFound());
        // another county's administrator neither sees nor changes it
        mvc.perform(post("/api/v1/bundles/" + id + "/publication").param("published", "true")
                        .with(user(users.loadUserByUsername("nanxi_admin"))).with(csrf()))
                .andExpect(status().isNotFound());
        MatterTestSupport.signIn(users, "admin"); // MockMvc's user() replaced the test's authentication
        bundles.publish(scope, id, true);
        assertThat(bundles.guide(id)).isPresent();
        assertThat(jdbc.sql("select action || ' ' || outcome from oneseal.audit_entry where object_type = 'Bundle' "
                + "and object_id = ? order by seq").param(String.valueOf(id)).query(String.class).list())
                .containsExactly("matter.bundle.create SUCCESS", "matter.bundle.read DENIED", "matter.bundle.publish SUCCESS");
        mvc.perform(post("/api/v1/bundles").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"bad code!\",\"members\":[]}")
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.code").exists());
    }

    @Autowired MatterCatalogue catalogue;

    private List<MatterVersionView> mattersOf(long region) {
        return catalogue.published(region);
    }

    private long count() {
        return jdbc.sql("select count(*) from oneseal.bundle").query(Long.class).single();
    }
}

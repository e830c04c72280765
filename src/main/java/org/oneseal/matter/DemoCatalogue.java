package org.oneseal.matter;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oneseal.identity.RegionManagement;
import org.oneseal.identity.RegionView;
import org.oneseal.shared.DataScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * Demo profile only: the catalogue of the fictitious 示范市 (src/main/resources/matter/demo-catalogue.yml),
 * created and published through the facade under a temporary "system" authentication, after identity's
 * demo data. Loaded once: a second start finds the first demo matter and leaves everything as it is.
 */
@Component
@ConditionalOnProperty(name = "oneseal.demo.enabled", havingValue = "true")
@Order(20)
class DemoCatalogue implements ApplicationRunner {

    static final String FILE = "matter/demo-catalogue.yml";
    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    private final MatterAdministration admin;
    private final MatterStore store;
    private final Departments departments;
    private final RegionManagement regions;
    private final TransactionTemplate tx;
    private final Bundles bundles;

    DemoCatalogue(MatterAdministration admin, MatterStore store, Departments departments, RegionManagement regions,
            TransactionTemplate tx, Bundles bundles) {
        this.bundles = bundles;
        this.admin = admin;
        this.store = store;
        this.departments = departments;
        this.regions = regions;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        List<DemoMatter> matters = read();
        if (matters.isEmpty() || store.matterByImplementationCode(matters.getFirst().impl()).isPresent()) {
            return;
        }
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                "system", null, AuthorityUtils.createAuthorityList("identity:orgunit:read", "matter:read",
                        "matter:edit", "matter:publish"))));
        try {
            tx.executeWithoutResult(status -> load(matters));
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        log.info("Demo catalogue loaded: {} matters", matters.size());
    }

    private void load(List<DemoMatter> matters) {
        List<RegionView> all = regions.all();
        RegionView city = all.stream().filter(r -> r.parentId() == null).findFirst().orElseThrow();
        DataScope scope = new DataScope(city.id(), null, true, Set.of(city.id()));
        Map<String, Long> departmentIds = new java.util.HashMap<>();
        departments.inScope(scope).forEach(d -> departmentIds.put(d.code(), d.id()));
        for (DemoMatter m : matters) {
            RegionView region = all.stream().filter(r -> r.code().equals(m.region())).findFirst().orElseThrow();
            MatterElements elements = m.elements(departmentIds.get(m.dept()), region);
            long matterId = admin.create(scope, new NewMatter(m.code(), m.impl(), region.id(), elements));
            admin.publish(scope, admin.detail(scope, matterId).draftVersionId());
            if (m.v2() != null) {
                long draft = admin.newVersion(scope, matterId);
                admin.updateDraft(scope, draft, m.v2().apply(elements));
                admin.publish(scope, draft);
            }
        }
        loadBundles(scope, all);
    }

    /** The demo bundles (一件事): members by implementation code, "|carried" for 一照含证. */
    @SuppressWarnings("unchecked")
    private void loadBundles(DataScope scope, List<RegionView> all) {
        List<Map<String, Object>> list;
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            Map<String, Object> root = new Yaml().load(in);
            list = (List<Map<String, Object>>) root.getOrDefault("bundles", List.of());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (Map<String, Object> b : list) {
            long region = all.stream().filter(r -> r.code().equals(b.get("region"))).findFirst().orElseThrow().id();
            List<BundleCommand.Member> members = ((List<String>) b.get("members")).stream().map(entry -> {
                String[] parts = entry.split("\\|");
                long matterId = store.matterByImplementationCode(parts[0]).orElseThrow().id();
                return new BundleCommand.Member(matterId, parts.length > 1 && parts[1].equals("carried"));
            }).toList();
            long id = bundles.create(scope, new BundleCommand((String) b.get("code"), (String) b.get("name"),
                    (String) b.get("description"), region, (Integer) b.get("target"), members));
            bundles.publish(scope, id, true);
        }
    }

    @SuppressWarnings("unchecked")
    static List<DemoMatter> read() throws IOException {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            Map<String, Object> root = new Yaml().load(in);
            return ((List<Map<String, Object>>) root.get("matters")).stream().map(DemoMatter::of).toList();
        }
    }
}

package org.oneseal.matter;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一件事 / 一链办理: bundles of published matters that an applicant applies for with one form. An administrator
 * defines a bundle (members in order, a target in working days, the permits the business licence carries) and
 * publishes it; its guide shows the members and one merged material list. Every change is audited.
 */
@Service
public class Bundles {

    static final int MAX_MEMBERS = 12;

    private final JdbcClient jdbc;
    private final MatterCatalogue catalogue;
    private final MatterMessages messages;
    private final AuditLog audit;
    private final java.time.Clock clock;
    private final BundlePublications publications;

    Bundles(JdbcClient jdbc, MatterCatalogue catalogue, MatterMessages messages, AuditLog audit, java.time.Clock clock,
            BundlePublications publications) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
        this.publications = publications;
    }

    /** A line of the bundle lists. */
    public record BundleSummary(long id, String code, String name, long regionId, Integer targetWorkingDays,
                                boolean published, int memberCount) {
    }

    @Transactional
    @PreAuthorize("hasAuthority('matter:edit')")
    public long create(DataScope scope, BundleCommand command) {
        check(scope, command, null);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into oneseal.bundle (code, name, description, region_id, target_working_days, created_at, updated_at)
                values (:code, :name, :description, :region, :target, :now, :now)""")
                .param("code", command.code().strip()).param("name", command.name().strip())
                .param("description", command.description().strip()).param("region", command.regionId())
                .param("target", command.targetWorkingDays()).param("now", Timestamp.from(clock.instant()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        members(id, command.members());
        audit.record(AuditRecord.of("matter.bundle.create", "Bundle", id).region(command.regionId())
                .reason(command.code().strip() + " " + command.name().strip()));
        return id;
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('matter:edit')")
    public void update(DataScope scope, long id, BundleCommand command) {
        BundleSummary current = load(scope, id);
        check(scope, command, current.id());
        java.time.Instant now = clock.instant();
        jdbc.sql("""
                update oneseal.bundle set code = :code, name = :name, description = :description, region_id = :region,
                       target_working_days = :target, updated_at = :now where id = :id""")
                .param("code", command.code().strip()).param("name", command.name().strip())
                .param("description", command.description().strip()).param("region", command.regionId())
                .param("target", command.targetWorkingDays()).param("now", Timestamp.from(now))
                .param("id", id).update();
        jdbc.sql("delete from oneseal.bundle_member where bundle_id = :id").param("id", id).update();
        members(id, command.members());
        publications.changed(id, now);
        audit.record(AuditRecord.of("matter.bundle.update", "Bundle", id).region(command.regionId()));
    }

    /** Publishes (or withdraws) a bundle: only a published bundle has a public guide and takes applications. */
    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('matter:publish')")
    public void publish(DataScope scope, long id, boolean published) {
        BundleSummary b = load(scope, id);
        if (published) {
            List<String> problems = memberProblems(memberIds(id));
            if (!problems.isEmpty()) {
                throw InvalidInputException.of("members", String.join("；", problems));
            }
        }
        java.time.Instant now = clock.instant();
        jdbc.sql("update oneseal.bundle set published = :p, updated_at = :now where id = :id").param("p", published)
                .param("now", Timestamp.from(now)).param("id", id).update();
        if (published) {
            publications.published(id, now);
        } else {
            publications.withdrawn(id, now);
        }
        audit.record(AuditRecord.of(published ? "matter.bundle.publish" : "matter.bundle.withdraw", "Bundle", id)
                .region(b.regionId()));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('matter:read')")
    public List<BundleSummary> list(DataScope scope) {
        return scope.bind(jdbc.sql(SUMMARY + " where " + scope.condition("b.region_id") + GROUP)).query(Bundles::summary)
                .list();
    }

    /** The published bundles (public). */
    @Transactional(readOnly = true)
    public List<BundleSummary> published() {
        return jdbc.sql(SUMMARY + " where b.published" + GROUP).query(Bundles::summary).list();
    }

    /** The guide of a published bundle (public). */
    @Transactional(readOnly = true)
    public Optional<BundleGuide> guide(long id) {
        return guideOf(id).filter(BundleGuide::published);
    }

    /** The guide of any bundle in the caller's scope, drafts included (for the administrator). */
    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('matter:read')")
    public BundleGuide adminGuide(DataScope scope, long id) {
        load(scope, id);
        return guideOf(id).orElseThrow();
    }

    private static final String SUMMARY = """
            select b.id, b.code, b.name, b.region_id, b.target_working_days, b.published, count(m.matter_id) as members
            from oneseal.bundle b left join oneseal.bundle_member m on m.bundle_id = b.id""";
    private static final String GROUP = " group by b.id order by b.region_id, b.code";

    private static BundleSummary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new BundleSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getLong("region_id"),
                (Integer) rs.getObject("target_working_days", Integer.class), rs.getBoolean("published"),
                rs.getInt("members"));
    }

    Optional<BundleGuide> guideOf(long id) {
        record Row(String code, String name, String description, long regionId, Integer target, boolean published) {
        }
        Optional<Row> row = jdbc.sql("select code, name, description, region_id, target_working_days, published "
                        + "from oneseal.bundle where id = :id")
                .param("id", id)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        (Integer) rs.getObject(5, Integer.class), rs.getBoolean(6)))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<BundleGuide.Member> members = new ArrayList<>();
        jdbc.sql("select matter_id, carried_by_licence from oneseal.bundle_member where bundle_id = :id order by sort_order")
                .param("id", id)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getBoolean(2))).list()
                .forEach(e -> catalogue.guide(e.getKey()).ifPresent(g -> members.add(new BundleGuide.Member(
                        catalogue.currentPublished(e.getKey()).orElseThrow(), g.elements().departmentName(), e.getValue()))));
        Map<String, MergeAcc> merged = new LinkedHashMap<>();
        int before = 0;
        int days = 0;
        for (BundleGuide.Member m : members) {
            days += m.matter().promisedLimitDays();
            for (MaterialRequirementView r : m.matter().materials()) {
                before++;
                merged.computeIfAbsent(r.name().strip(), k -> new MergeAcc()).add(m.matter().matterId(), m.matter().name(), r);
            }
        }
        List<BundleGuide.MergedMaterial> materials = merged.entrySet().stream()
                .map(e -> new BundleGuide.MergedMaterial(e.getKey(), e.getValue().key, e.getValue().required,
                        Map.copyOf(e.getValue().codes), List.copyOf(e.getValue().names)))
                .toList();
        Row r = row.get();
        return Optional.of(new BundleGuide(id, r.code(), r.name(), r.description(), r.regionId(), r.target(),
                r.published(), List.copyOf(members), materials, days, before));
    }

    /** Accumulates one merged material. */
    private static final class MergeAcc {
        boolean key;
        boolean required;
        final Map<Long, String> codes = new LinkedHashMap<>();
        final List<String> names = new ArrayList<>();

        void add(long matterId, String matterName, MaterialRequirementView r) {
            names.add(matterName);
            key |= r.keyMaterial();
            required |= r.required();
            codes.put(matterId, r.code());
        }
    }

    private void members(long bundleId, List<BundleCommand.Member> members) {
        for (int i = 0; i < members.size(); i++) {
            BundleCommand.Member m = members.get(i);
            jdbc.sql("""
                    insert into oneseal.bundle_member (bundle_id, matter_id, sort_order, carried_by_licence)
                    values (:bundle, :matter, :sort, :carried)""")
                    .param("bundle", bundleId).param("matter", m.matterId()).param("sort", i + 1)
                    .param("carried", m.carriedByLicence()).update();
        }
    }

    private List<Long> memberIds(long bundleId) {
        return jdbc.sql("select matter_id from oneseal.bundle_member where bundle_id = :id order by sort_order")
                .param("id", bundleId).query(Long.class).list();
    }

    /** Members must be at least two distinct matters, each published now and not cancelled. */
    private List<String> memberProblems(List<Long> ids) {
        List<String> problems = new ArrayList<>();
        if (ids.size() < 2 || ids.size() > MAX_MEMBERS) {
            problems.add(messages.chinese("matter.bundle.memberCount", String.valueOf(MAX_MEMBERS)));
        }
        for (long id : ids) {
            Optional<MatterVersionView> v = catalogue.currentPublished(id);
            if (v.isEmpty()) {
                problems.add(messages.chinese("matter.bundle.notPublished", String.valueOf(id)));
            } else if (v.get().reformMode() == ReformMode.CANCELLED) {
                problems.add(messages.chinese("matter.bundle.cancelled", v.get().name()));
            }
        }
        return problems;
    }

    private void check(DataScope scope, BundleCommand c, Long self) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (c.code() == null || !c.code().strip().matches("[A-Za-z0-9_-]{1,40}")) {
            errors.add("code", messages.chinese("matter.bundle.code"));
        } else if (jdbc.sql("select count(*) from oneseal.bundle where code = :code and id <> coalesce(:self, -1)")
                .param("code", c.code().strip()).param("self", self).query(Long.class).single() > 0) {
            errors.add("code", messages.chinese("matter.bundle.codeTaken", c.code().strip()));
        }
        if (c.name() == null || c.name().isBlank() || c.name().strip().length() > 200) {
            errors.add("name", messages.chinese("matter.bundle.name"));
        }
        if (c.description() == null || c.description().isBlank() || c.description().strip().length() > 2000) {
            errors.add("description", messages.chinese("matter.bundle.description"));
        }
        if (c.regionId() == null || !scope.covers(c.regionId())) {
            errors.add("regionId", messages.chinese("matter.bundle.region"));
        }
        if (c.targetWorkingDays() != null && (c.targetWorkingDays() < 1 || c.targetWorkingDays() > 60)) {
            errors.add("targetWorkingDays", messages.chinese("matter.bundle.target"));
        }
        Set<Long> seen = new HashSet<>();
        List<Long> ids = new ArrayList<>();
        List<String> memberProblems = new ArrayList<>();
        for (BundleCommand.Member m : c.members()) {
            if (seen.add(m.matterId())) {
                ids.add(m.matterId());
            }
            catalogue.currentPublished(m.matterId()).filter(v -> !scope.covers(v.regionId()))
                    .ifPresent(v -> memberProblems.add(messages.chinese("matter.bundle.memberOutside", v.name())));
        }
        if (ids.size() != c.members().size()) {
            memberProblems.add(messages.chinese("matter.bundle.duplicate"));
        }
        memberProblems.addAll(memberProblems(ids));
        if (!memberProblems.isEmpty()) {
            errors.add("members", String.join("；", memberProblems));
        }
        errors.throwIfAny();
    }

    private BundleSummary load(DataScope scope, long id) {
        BundleSummary b = jdbc.sql(SUMMARY + " where b.id = :id" + GROUP).param("id", id).query(Bundles::summary)
                .optional().orElseThrow(() -> new NotFoundException("bundle " + id));
        if (!scope.covers(b.regionId())) {
            audit.recordIndependently(AuditRecord.of("matter.bundle.read", "Bundle", id).outcome(AuditOutcome.DENIED)
                    .region(b.regionId()).reason("outside data scope"));
            throw new NotFoundException("bundle " + id);
        }
        return b;
    }
}

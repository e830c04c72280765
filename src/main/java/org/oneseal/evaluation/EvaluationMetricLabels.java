package org.oneseal.evaluation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.oneseal.casework.CaseQueries;
import org.oneseal.casework.RatedCase;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.identity.RegionManagement;
import org.oneseal.identity.StaffDirectory;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.matter.MatterVersionView;
import org.springframework.stereotype.Component;

/**
 * Readable cells for the records behind the 好差评 metrics: the rated object (the case by its number, the window,
 * the staff member, the matter, the region's hall or website), the matter, region, org unit and staff names. No rater
 * appears: the records carry no personal data of applicants.
 */
@Component
class EvaluationMetricLabels {

    private final CaseQueries cases;
    private final MatterCatalogue matters;
    private final OrganisationManagement organisation;
    private final RegionManagement regions;
    private final StaffDirectory staff;
    private final EvaluationMessages messages;

    EvaluationMetricLabels(CaseQueries cases, MatterCatalogue matters, OrganisationManagement organisation,
            RegionManagement regions, StaffDirectory staff, EvaluationMessages messages) {
        this.cases = cases;
        this.matters = matters;
        this.organisation = organisation;
        this.regions = regions;
        this.staff = staff;
        this.messages = messages;
    }

    /** Names for one page of records, each looked up once. */
    Page page() {
        return new Page();
    }

    final class Page {

        private Map<Long, String> units;
        private Map<Long, String> regionNames;
        private final Map<Long, Optional<RatedCase>> caseFiles = new HashMap<>();
        private final Map<Long, String> matterNames = new HashMap<>();
        private final Map<String, String> staffNames = new HashMap<>();

        /** "办件 2032…", "窗口 综合窗口1", "工作人员 王五", "事项 食品经营许可", "大厅 南溪县". */
        String object(Map<String, Object> r) {
            String type = (String) r.get("object_type");
            String ref = (String) r.get("object_id");
            String what = switch (type) {
                case "CASE" -> caseFile(r.get("case_id")).map(RatedCase::caseNumber).orElse("#" + ref);
                case "WINDOW" -> unit(r.get("window_id")) != null ? unit(r.get("window_id")) : "#" + ref;
                case "STAFF" -> staff(ref);
                case "MATTER" -> matter(number(r.get("matter_id")));
                case "HALL", "WEBSITE" -> region(parse(ref));
                default -> ref;
            };
            return messages.text("evaluation.object." + type) + " " + (what == null ? "#" + ref : what);
        }

        String matter(Map<String, Object> r) {
            if ("CASE".equals(r.get("object_type"))) {
                Optional<String> name = caseFile(r.get("case_id")).map(RatedCase::matterName);
                if (name.isPresent()) {
                    return name.get();
                }
            }
            return matter(number(r.get("matter_id")));
        }

        String channel(String channel) {
            return messages.text("evaluation.channel." + channel);
        }

        String region(Object id) {
            if (regionNames == null) {
                regionNames = new HashMap<>();
                regions.all().forEach(v -> regionNames.put(v.id(), v.name()));
            }
            Long key = number(id);
            return key == null ? null : regionNames.getOrDefault(key, "#" + key);
        }

        String unit(Object id) {
            if (units == null) {
                units = organisation.unitNames();
            }
            Long key = number(id);
            return key == null ? null : units.getOrDefault(key, "#" + key);
        }

        String staff(String username) {
            return username == null ? null : staffNames.computeIfAbsent(username, u -> staff.find(u)
                    .map(StaffDirectory.StaffMember::displayName).orElse(u));
        }

        private String matter(Long id) {
            return id == null ? null : matterNames.computeIfAbsent(id, m -> matters.currentPublished(m)
                    .map(MatterVersionView::name).orElse("#" + m));
        }

        private Optional<RatedCase> caseFile(Object id) {
            Long key = number(id);
            return key == null ? Optional.empty() : caseFiles.computeIfAbsent(key, cases::rated);
        }
    }

    private static Long number(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static Long parse(String s) {
        try {
            return Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

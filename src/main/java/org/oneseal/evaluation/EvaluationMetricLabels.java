package org.oneseal.evaluation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oneseal.casework.CaseLabel;
import org.oneseal.casework.CaseQueries;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.identity.RegionManagement;
import org.oneseal.identity.StaffDirectory;
import org.oneseal.matter.MatterCatalogue;
import org.springframework.stereotype.Component;

/**
 * Readable cells for the records behind the 好差评 metrics: the rated object (the case by its number, the window,
 * the staff member, the matter, the region's hall or website), the matter, region, org unit and staff names. No rater
 * appears: the records carry no personal data of applicants. Cases and matters are looked up a chunk of records at a
 * time, each in one statement ({@link Page#load}).
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

    /** Names for the records of one listing, each looked up once. */
    Page page() {
        return new Page();
    }

    final class Page {

        private Map<Long, String> units;
        private Map<Long, String> regionNames;
        /** the cases of the chunk being written (replaced with each chunk: an export never holds more) */
        private Map<Long, CaseLabel> caseLabels = Map.of();
        /** every matter named so far (at most the catalogue) */
        private final Map<Long, String> matterNames = new HashMap<>();
        private final Map<String, String> staffNames = new HashMap<>();

        /** Looks up the cases of a chunk of records and the matters not named yet, each in one statement. */
        void load(List<Map<String, Object>> rows) {
            Set<Long> caseIds = new HashSet<>();
            Set<Long> matterIds = new HashSet<>();
            for (Map<String, Object> r : rows) {
                Long caseId = number(r.get("case_id"));
                if (caseId != null && "CASE".equals(r.get("object_type"))) {
                    caseIds.add(caseId);
                }
                Long matterId = number(r.get("matter_id"));
                if (matterId != null && !matterNames.containsKey(matterId)) {
                    matterIds.add(matterId);
                }
            }
            caseLabels = caseIds.isEmpty() ? Map.of() : cases.labels(caseIds);
            if (!matterIds.isEmpty()) {
                Map<Long, String> found = matters.publishedNames(matterIds);
                matterIds.forEach(m -> matterNames.put(m, found.getOrDefault(m, "#" + m)));
            }
        }

        /** "办件 2032…", "窗口 综合窗口1", "工作人员 王五", "事项 食品经营许可", "大厅 南溪县". */
        String object(Map<String, Object> r) {
            String type = (String) r.get("object_type");
            String ref = (String) r.get("object_id");
            String what = switch (type) {
                case "CASE" -> caseFile(r.get("case_id")).map(CaseLabel::caseNumber).orElse("#" + ref);
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
                Optional<String> name = caseFile(r.get("case_id")).map(CaseLabel::matterName);
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

        /** A matter's name, looked up by {@link #load} (or one by one, for a row that was not loaded). */
        private String matter(Long id) {
            return id == null ? null : matterNames.computeIfAbsent(id, m -> matters.publishedNames(List.of(m))
                    .getOrDefault(m, "#" + m));
        }

        /** A case of the chunk loaded last. */
        private Optional<CaseLabel> caseFile(Object id) {
            Long key = number(id);
            return key == null ? Optional.empty() : Optional.ofNullable(caseLabels.get(key));
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

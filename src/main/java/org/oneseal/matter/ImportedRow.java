package org.oneseal.matter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.identity.RegionView;
import org.oneseal.shared.DataScope;

/** One row of the sheet "事项", read and checked (columns as in {@link ExcelLayout#MATTER_COLUMNS}). */
record ImportedRow(String implementationCode, String matterCode, long regionId, String name, MatterType type,
                   OrgUnitView department, String implementingBody, CompetenceLevel competence,
                   ServiceObject serviceObject, HandlingKind handlingKind, int legal, int promised, int visits,
                   BigDecimal fee, String feeBasis, String legalBasis, String conditions, String flow,
                   String commitment, String enquiryPhone, String complaintPhone, List<HandlingForm> forms,
                   List<String> lifeEvents, String licenceKind, ReformMode reformMode, List<String> flags,
                   String processKey, String reformListVersion, String reformBasis, String replacedBy) {

    static Optional<ImportedRow> read(SheetRow c, DataScope scope, Map<String, RegionView> regions,
            Map<String, OrgUnitView> units, MatterStore store) {
        String impl = c.text(0, true);
        if (impl != null && !impl.matches("[A-Za-z0-9-]{1,60}")) {
            c.problem(0, "matter.error.code");
        }
        String code = c.text(1, true);
        RegionView region = regions.get(c.text(2, true));
        if (region == null || !scope.covers(region.id())) {
            c.problem(2, "matter.error.regionOutside");
        }
        OrgUnitView unit = units.get(c.text(5, true));
        if (unit == null || region == null || unit.regionId() != region.id()) {
            c.problem(5, "matter.rule.department");
        }
        if (impl != null && region != null) {
            store.matterByImplementationCode(impl).filter(m -> m.regionId() != region.id())
                    .ifPresent(m -> c.problem(2, "matter.import.regionChanged"));
        }
        List<HandlingForm> forms = c.list(21).stream().map(f -> parse(c, f)).toList();
        List<String> flags = c.list(25);
        flags.stream().filter(f -> !ExcelLayout.FLAGS.contains(f)).findFirst()
                .ifPresent(f -> c.problem(25, "matter.import.choice", String.join(",", ExcelLayout.FLAGS)));
        ImportedRow row = new ImportedRow(impl, code, region == null ? 0 : region.id(), c.text(3, true),
                c.enumOf(4, MatterType.class, true), unit, c.text(6, false), c.enumOf(7, CompetenceLevel.class, true),
                c.enumOf(8, ServiceObject.class, true), c.enumOf(9, HandlingKind.class, true), c.number(10, 365),
                c.number(11, 365), c.number(12, 5), c.amount(13), c.text(14, false), c.text(15, false), c.text(16, false),
                c.text(17, false), c.text(18, false), c.text(19, false), c.text(20, false), forms, c.list(22),
                c.text(23, false), c.enumOf(24, ReformMode.class, false), flags, c.text(26, false),
                c.text(27, false), c.text(28, false), c.text(29, false));
        return Optional.of(row);
    }

    private static HandlingForm parse(SheetRow c, String value) {
        try {
            return HandlingForm.valueOf(value);
        } catch (IllegalArgumentException e) {
            c.problem(21, "matter.import.choice", "WINDOW/ONLINE/MAIL");
            return HandlingForm.WINDOW;
        }
    }

    static MatterElements.Material material(SheetRow c) {
        String code = c.text(1, true);
        String name = c.text(2, true);
        MatterElements.Material m = new MatterElements.Material(code, name, c.yes(3), c.yes(4), c.yes(5), c.yes(6),
                c.yes(7), c.yes(8), c.number(9, 99), null, null, c.text(10, false));
        return m;
    }

    /** The draft's elements; special procedures and Q&A come from the current version when there is one. */
    MatterElements elements(List<MatterElements.Material> materials, MatterElements current) {
        return new MatterElements(name, type, department.id(), department.name(), implementingBody, competence,
                flags.contains("transferred"), flags.contains("delegated"), legalBasis, serviceObject, forms,
                handlingKind, legal, promised, visits, current == null ? List.of() : current.specialProcedures(),
                fee == null, fee, feeBasis, conditions, materials, flow,
                current == null ? List.of() : current.questions(), commitment, enquiryPhone, complaintPhone,
                flags.contains("online"), flags.contains("certificateFree"), flags.contains("cityWide"),
                flags.contains("crossProvince"), flags.contains("bundleMember"), reformMode, reformListVersion, reformBasis,
                replacedBy, current == null ? null : current.deferralRule(),
                current == null ? null : current.commitmentCheck(),
                current == null ? tongbanOf(flags) : current.tongbanModes(), lifeEvents, processKey,
                licenceKind);
    }

    /** A new matter from a sheet: a city-wide or cross-province one may be received at any hall. */
    private static List<TongbanMode> tongbanOf(List<String> flags) {
        return flags.contains("cityWide") || flags.contains("crossProvince")
                ? List.of(TongbanMode.RECEIVE_ELSEWHERE) : List.of();
    }
}

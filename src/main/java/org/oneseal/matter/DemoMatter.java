package org.oneseal.matter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oneseal.identity.RegionLevel;
import org.oneseal.identity.RegionView;

/**
 * One matter of the demo catalogue file. Compact notation: a material is "name|flags" with the flags
 * K key material, O original (else a copy), E electronic accepted, S obtainable by data sharing,
 * C replaceable by a commitment, N not required; a procedure is "name|days|counts y/n|basis"; a question
 * "question|answer"; a fee "amount|basis" (no fee: free).
 */
record DemoMatter(String code, String impl, String region, String dept, String name, MatterType type,
                  ServiceObject object, String basis, int legal, int promised, int visits, List<String> events,
                  String licence, ReformMode reform, List<String> flags, String fee, String conditions,
                  List<String> materials, List<String> procedures, List<String> questions, Revision v2,
                  String process, String reformList, String reformBasis, String replacedBy, String deferral,
                  String check) {

    /** The 证照分离 list of the demo matters unless one names another. */
    static final String REFORM_LIST = "2021年全国版（涉企经营许可事项改革清单）";
    static final String REFORM_BASIS = "《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》（国发〔2021〕7号）";

    @SuppressWarnings("unchecked")
    static DemoMatter of(Map<String, Object> m) {
        return new DemoMatter(str(m, "code"), str(m, "impl"), str(m, "region"), str(m, "dept"), str(m, "name"),
                MatterType.valueOf(str(m, "type")), ServiceObject.valueOf(str(m, "object")), str(m, "basis"),
                (int) m.get("legal"), (int) m.get("promised"), (int) m.getOrDefault("visits", 1), list(m, "events"),
                str(m, "licence"), m.get("reform") == null ? null : ReformMode.valueOf(str(m, "reform")),
                list(m, "flags"), str(m, "fee"), str(m, "conditions"), list(m, "materials"), list(m, "procedures"),
                list(m, "questions"), m.get("v2") == null ? null : Revision.of((Map<String, Object>) m.get("v2")),
                str(m, "process"), str(m, "reformList"), str(m, "reformBasis"), str(m, "replacedBy"),
                str(m, "deferral"), str(m, "check"));
    }

    MatterElements elements(Long departmentId, RegionView region) {
        if (departmentId == null) {
            throw new IllegalStateException("demo department " + dept + " not found");
        }
        boolean city = region.level() == RegionLevel.CITY;
        CompetenceLevel competence = city ? CompetenceLevel.CITY
                : region.level() == RegionLevel.DEVELOPMENT_ZONE ? CompetenceLevel.DEVELOPMENT_ZONE : CompetenceLevel.COUNTY;
        String body = city ? "示范市行政审批局" : region.name().replace("示范高新技术产业开发区", "示范高新区") + "行政审批局";
        String phone = city ? "0999-12345" : "0999-" + region.code().substring(4) + "2345";
        List<HandlingForm> forms = visits == 0 ? List.of(HandlingForm.ONLINE, HandlingForm.MAIL)
                : List.of(HandlingForm.WINDOW, HandlingForm.ONLINE);
        String[] feeParts = fee == null ? null : fee.split("\\|");
        return new MatterElements(name, type, departmentId, null, body, competence, flags.contains("transferred"),
                flags.contains("delegated"), basis, object, forms, promised == 0 ? HandlingKind.IMMEDIATE : HandlingKind.PROMISED,
                legal, promised, visits, procedures.stream().map(DemoMatter::procedure).toList(), feeParts == null,
                feeParts == null ? null : new BigDecimal(feeParts[0]), feeParts == null ? null : feeParts[1], conditions,
                materialList(), flow(), questions.stream().map(DemoMatter::question).toList(),
                "材料齐全、符合法定形式的，在承诺时限内办结；办理结果可选择邮寄送达或网上下载。",
                phone, "0999-12315", true, flags.contains("certificateFree"), flags.contains("cityWide"),
                flags.contains("crossProvince"), flags.contains("bundleMember"), reform,
                reform == null ? null : reformList == null ? REFORM_LIST : reformList,
                reform == null ? null : reformBasis == null ? REFORM_BASIS : reformBasis, replacedBy,
                deferral == null ? null : DeferralRule.valueOf(deferral), check == null ? null : check(check), tongban(), events,
                process,
                licence);
    }

    /** 通办 modes of a demo matter: city-wide and cross-province ones are received anywhere; "joint" adds JOINT. */
    private List<TongbanMode> tongban() {
        List<TongbanMode> modes = new ArrayList<>();
        if (flags.contains("cityWide") || flags.contains("crossProvince")) {
            modes.add(TongbanMode.RECEIVE_ELSEWHERE);
            if (visits == 0) {
                modes.add(TongbanMode.ONLINE);
            }
            if (flags.contains("joint")) {
                modes.add(TongbanMode.JOINT);
            }
        }
        return modes;
    }

    /** "METHOD|percent|working days", e.g. "SAMPLE|20|30". */
    private static CommitmentCheck check(String text) {
        String[] p = text.split("\\|");
        return new CommitmentCheck(CommitmentCheck.Method.valueOf(p[0].trim()), Integer.parseInt(p[1].trim()),
                Integer.parseInt(p[2].trim()));
    }

    private List<MatterElements.Material> materialList() {
        List<MatterElements.Material> result = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            String[] parts = materials.get(i).split("\\|", -1);
            String f = parts.length > 1 ? parts[1] : "";
            result.add(new MatterElements.Material(String.format("M%02d", i + 1), parts[0].trim(), !f.contains("N"),
                    f.contains("K"), f.contains("O"), f.contains("E"), f.contains("S"), f.contains("C"),
                    1, null, null, null));
        }
        return result;
    }

    private String flow() {
        return promised == 0 ? "申请 → 窗口受理并当场审查 → 当场办结、发放结果"
                : "申请 → 受理 → 审查" + (procedures.isEmpty() ? "" : "（含特殊环节）") + " → 决定 → 制证送达";
    }

    private static MatterElements.Procedure procedure(String text) {
        String[] p = text.split("\\|");
        return new MatterElements.Procedure(p[0], Integer.parseInt(p[1]), "y".equals(p[2]), p[3]);
    }

    private static MatterElements.QuestionAnswer question(String text) {
        String[] p = text.split("\\|");
        return new MatterElements.QuestionAnswer(p[0], p[1]);
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? List.of() : ((List<Object>) v).stream().map(Object::toString).toList();
    }

    /** A second version of a demo matter: a shorter promised limit and fewer materials (a reform). */
    record Revision(int promised, List<String> dropMaterials) {

        @SuppressWarnings("unchecked")
        static Revision of(Map<String, Object> m) {
            return new Revision((int) m.get("promised"), m.get("drop") == null ? List.of() : (List<String>) m.get("drop"));
        }

        MatterElements apply(MatterElements e) {
            List<MatterElements.Material> kept = e.materials().stream()
                    .filter(x -> !dropMaterials.contains(x.name())).toList();
            return new MatterElements(e.name(), e.type(), e.departmentId(), e.departmentName(), e.implementingBody(),
                    e.competence(), e.transferred(), e.delegated(), e.legalBasis(), e.serviceObject(), e.handlingForms(),
                    e.handlingKind(), e.legalLimitDays(), promised, e.onsiteVisits(), e.specialProcedures(), e.free(),
                    e.feeAmount(), e.feeBasis(), e.conditions(), kept, e.flow(), e.questions(), e.serviceCommitment(),
                    e.enquiryPhone(), e.complaintPhone(), e.online(), e.certificateFree(), e.cityWide(),
                    e.crossProvince(), e.bundleMember(), e.reformMode(), e.reformListVersion(), e.reformBasis(),
                    e.replacedBy(), e.deferralRule(), e.commitmentCheck(), e.tongbanModes(), e.lifeEvents(), e.processKey(), e.licenceKind());
        }
    }
}

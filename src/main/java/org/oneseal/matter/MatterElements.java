package org.oneseal.matter;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every element of one version of a matter (实施清单要素), stored as one document. Lists are never null.
 * An IMMEDIATE matter (即办件) has promised limit 0 (decided on the spot); a PROMISED one at least 1 day.
 *
 * @param departmentName   name of the competent department when the draft was saved (shown in guides)
 * @param free             true: no fee; otherwise {@code feeAmount} (yuan) and {@code feeBasis}
 * @param reformMode       证照分离 mode, or null when the matter is not on that list
 * @param reformListVersion the 证照分离 list (and its version) the mode comes from, e.g. 2021年全国版
 * @param reformBasis      the document that sets the mode, e.g. 国发〔2021〕7号
 * @param replacedBy       for a CANCELLED approval: what replaced it (a filing, after-the-fact supervision …)
 * @param deferralRule     容缺受理: what a missing material overdue does to the case (SUSPEND unless TERMINATE)
 * @param commitmentCheck  告知承诺制: how a commitment is verified after the decision ({@link CommitmentCheck#DEFAULT})
 * @param tongbanModes     全市通办/跨省通办 modes of a city-wide or cross-province matter (empty otherwise)
 * @param processKey       BPMN process key, {@code oneseal-case} by default
 * @param licenceKind      kind of licence issued, or null
 */
public record MatterElements(String name, MatterType type, long departmentId, String departmentName,
                             String implementingBody, CompetenceLevel competence, boolean transferred,
                             boolean delegated, String legalBasis, ServiceObject serviceObject,
                             List<HandlingForm> handlingForms, HandlingKind handlingKind, int legalLimitDays,
                             int promisedLimitDays, int onsiteVisits, List<Procedure> specialProcedures,
                             boolean free, BigDecimal feeAmount, String feeBasis, String conditions,
                             List<Material> materials, String flow, List<QuestionAnswer> questions,
                             String serviceCommitment, String enquiryPhone, String complaintPhone, boolean online,
                             boolean certificateFree, boolean cityWide, boolean crossProvince, boolean bundleMember,
                             ReformMode reformMode, String reformListVersion, String reformBasis, String replacedBy,
                             DeferralRule deferralRule, CommitmentCheck commitmentCheck, List<TongbanMode> tongbanModes,
                             List<String> lifeEvents, String processKey, String licenceKind) {

    public static final String DEFAULT_PROCESS = "oneseal-case";

    public MatterElements {
        handlingForms = handlingForms == null ? List.of() : handlingForms.stream().distinct().sorted().toList();
        specialProcedures = specialProcedures == null ? List.of() : List.copyOf(specialProcedures);
        materials = materials == null ? List.of() : List.copyOf(materials);
        questions = questions == null ? List.of() : List.copyOf(questions);
        lifeEvents = lifeEvents == null ? List.of() : lifeEvents.stream().map(String::trim).filter(s -> !s.isEmpty())
                .distinct().toList();
        processKey = processKey == null || processKey.isBlank() ? DEFAULT_PROCESS : processKey.trim();
        licenceKind = licenceKind == null || licenceKind.isBlank() ? null : licenceKind.trim();
        feeAmount = free ? null : feeAmount;
        reformListVersion = blankToNull(reformListVersion);
        reformBasis = blankToNull(reformBasis);
        replacedBy = blankToNull(replacedBy);
        deferralRule = deferralRule == null ? DeferralRule.SUSPEND : deferralRule;
        commitmentCheck = commitmentCheck == null ? CommitmentCheck.DEFAULT : commitmentCheck;
        tongbanModes = tongbanModes == null ? List.of() : tongbanModes.stream().distinct().sorted().toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** 申请材料. {@code original}: 原件 (else 复印件); {@code electronicAccepted}: 电子版可 (else 纸质). */
    public record Material(String code, String name, boolean required, boolean keyMaterial, boolean original,
                           boolean electronicAccepted, boolean obtainableBySharing, boolean replaceableByCommitment,
                           int copies, String templateUrl, String example, String note) {

        MaterialRequirementView view() {
            return new MaterialRequirementView(code, name, required, keyMaterial, original, electronicAccepted,
                    obtainableBySharing, replaceableByCommitment, copies, note);
        }
    }

    /** 特殊环节: e.g. 现场核查, 专家评审, 听证. */
    public record Procedure(String name, int maxWorkingDays, boolean countsTowardLimit, String legalBasis) {

        SpecialProcedureView view() {
            return new SpecialProcedureView(name, maxWorkingDays, countsTowardLimit, legalBasis);
        }
    }

    /** 常见问题. */
    public record QuestionAnswer(String question, String answer) {
    }

    MatterElements withDepartment(long id, String name) {
        return new MatterElements(this.name, type, id, name, implementingBody, competence, transferred, delegated,
                legalBasis, serviceObject, handlingForms, handlingKind, legalLimitDays, promisedLimitDays, onsiteVisits,
                specialProcedures, free, feeAmount, feeBasis, conditions, materials, flow, questions, serviceCommitment,
                enquiryPhone, complaintPhone, online, certificateFree, cityWide, crossProvince, bundleMember, reformMode,
                reformListVersion, reformBasis, replacedBy, deferralRule, commitmentCheck, tongbanModes, lifeEvents, processKey,
                licenceKind);
    }
}

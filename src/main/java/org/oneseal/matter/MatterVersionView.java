package org.oneseal.matter;

import java.util.List;

/**
 * One version of a matter as casework sees it. A case keeps the version it was started with.
 *
 * @param departmentId   org unit id of the competent department (identity module)
 * @param regionId       region of the implementing body (identity module)
 * @param processKey     BPMN process key ({@code oneseal-case} unless the matter has its own)
 * @param licenceKind    kind of licence issued on a grant, or null when none is issued
 * @param reformMode     证照分离 mode, or null: CANCELLED is not applied for, FILING is filed on receipt
 * @param replacedBy     for a CANCELLED approval, what replaced it
 * @param deferralRule   容缺受理: SUSPEND or TERMINATE a case whose deferred material is overdue
 * @param commitmentCheck 告知承诺制: how and by when a commitment is verified after the decision
 * @param tongbanModes   全市通办/跨省通办 modes (see {@link TongbanMode})
 */
public record MatterVersionView(long versionId, long matterId, int versionNumber, String matterCode,
                                String implementationCode, String name, MatterType type, long departmentId,
                                long regionId, CompetenceLevel competence, ServiceObject serviceObject,
                                HandlingKind handlingKind, int legalLimitDays, int promisedLimitDays, int onsiteVisits,
                                String processKey, String licenceKind, List<MaterialRequirementView> materials,
                                List<SpecialProcedureView> specialProcedures, MatterVersionState state,
                                ReformMode reformMode, String replacedBy, DeferralRule deferralRule,
                                CommitmentCheck commitmentCheck, boolean cityWide, boolean crossProvince,
                                List<TongbanMode> tongbanModes) {

    /** Whether a hall of another region may receive it for the competent office (异地代收). */
    public boolean receivableElsewhere() {
        return (cityWide || crossProvince) && tongbanModes.contains(TongbanMode.RECEIVE_ELSEWHERE);
    }
}

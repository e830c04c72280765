package org.oneseal.casework;

/** 办件状态 */
public enum CaseStatus {
    /** 草稿：申请人保存、尚未提交 */
    DRAFT,
    /** 已提交，待受理审查 */
    SUBMITTED,
    /** 待补正（一次性告知） */
    CORRECTION_REQUESTED,
    /** 已受理，审查中 */
    IN_REVIEW,
    /** 待决定 */
    AWAITING_DECISION,
    /** 准予许可，待送达 */
    GRANTED,
    /** 不予许可，待送达 */
    DENIED,
    /** 不予受理 */
    REFUSED,
    /** 已送达，办结 */
    DELIVERED,
    /** 已备案（证照分离“审批改为备案”：收到即备案，不作实质审查），办结 */
    FILED,
    /** 终止办理（如容缺材料逾期未补交，事项规定终止的），办结 */
    TERMINATED,
    /** 无需办理：一件事中申请人不需要的组成事项，由窗口在受理审查时标注，办结 */
    NOT_REQUIRED;

    boolean concluded() {
        return this == REFUSED || this == DELIVERED || this == FILED || this == TERMINATED || this == NOT_REQUIRED;
    }
}

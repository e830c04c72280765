package org.oneseal.matter;

/** 证照分离改革方式：直接取消审批 / 审批改为备案 / 实行告知承诺 / 优化审批服务 */
public enum ReformMode {
    CANCELLED, FILING, COMMITMENT, OPTIMISED
}

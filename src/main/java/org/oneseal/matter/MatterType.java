package org.oneseal.matter;

/** 事项类型 (行政许可、行政确认、行政给付、行政裁决、行政奖励、行政备案、其他行政权力、公共服务) */
public enum MatterType {
    LICENSING, CONFIRMATION, PAYMENT, ADJUDICATION, REWARD, FILING, OTHER_POWER, PUBLIC_SERVICE
}

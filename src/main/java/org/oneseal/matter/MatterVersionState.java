package org.oneseal.matter;

/** 版本状态：草稿 / 已发布 / 已被新版本取代 */
public enum MatterVersionState {
    DRAFT, PUBLISHED, SUPERSEDED
}

package org.oneseal.identity;

/** 综合窗口 / 专窗 */
public enum WindowKind {
    GENERAL, SPECIAL
}

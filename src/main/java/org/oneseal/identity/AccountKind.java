package org.oneseal.identity;

/** 工作人员 / 自然人 / 法人及其他组织 */
public enum AccountKind {
    STAFF, PERSON, ENTERPRISE
}

package org.oneseal.matter;

/** 服务对象：自然人 / 法人 / 两者 */
public enum ServiceObject {
    PERSON, ENTERPRISE, BOTH
}

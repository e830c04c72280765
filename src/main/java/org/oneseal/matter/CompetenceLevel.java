package org.oneseal.matter;

/** 事权层级：市级 / 县级 / 高新区 */
public enum CompetenceLevel {
    CITY, COUNTY, DEVELOPMENT_ZONE
}

package org.oneseal.identity;

/** 市本级 / 县 / 区 / 高新区 */
public enum RegionLevel {
    CITY, COUNTY, DISTRICT, DEVELOPMENT_ZONE
}

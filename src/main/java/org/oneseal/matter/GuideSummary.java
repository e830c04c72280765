package org.oneseal.matter;

/** One hit of the guide search: a matter's current published version. */
public record GuideSummary(long matterId, long versionId, String matterCode, String implementationCode, long regionId,
                           String name, String departmentName, ServiceObject serviceObject, int legalLimitDays,
                           int promisedLimitDays, int onsiteVisits, boolean online) {
}

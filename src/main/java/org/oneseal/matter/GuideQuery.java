package org.oneseal.matter;

/** Filters of the public guide search; every field optional. {@code q} is a keyword, matched as plain text. */
public record GuideQuery(String q, Long departmentId, ServiceObject serviceObject, String lifeEvent, Long regionId) {
}

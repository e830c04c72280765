/**
 * 党建: the party organisation (party group → organ party committee → branches → cells → members, with transfers and
 * roles), five-level study (五学联动), 三会一课 and organisational life with their compliance, rectification lists,
 * assessment and recognition, volunteer duty, and the party figures of the annual report. Staff only: nothing of it
 * is public; party-affairs staff manage their branch, the organ committee sees every branch, members see their own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Party building (党建)",
        allowedDependencies = {"shared", "identity", "audit", "calendar"})
package org.oneseal.partybuilding;

package org.oneseal.matter;

/**
 * 容缺受理: what happens to a case when a material accepted as missing (容缺) is still missing after the date the
 * applicant committed to: the case is suspended — its clock stops until the material arrives — or terminated.
 */
public enum DeferralRule {
    SUSPEND, TERMINATE
}

package org.oneseal.identity;

import java.util.Set;

/**
 * Staff roles and the authorities ({@code module:action}) each one grants. Roles are assigned to staff
 * accounts by an administrator; the data scope comes from the account's home region and city-wide flag.
 */
public enum Role {
    /** 系统管理员: regions, org units, accounts, calendar, hall schedules; never audit data. */
    SYSTEM_ADMIN(Authorities.REGION_READ, Authorities.REGION_MANAGE, Authorities.ORGUNIT_READ, Authorities.ORGUNIT_MANAGE,
            Authorities.ACCOUNT_READ, Authorities.ACCOUNT_MANAGE, Authorities.APPLICANT_READ, "calendar:manage",
            "matter:read", "matter:edit", "matter:publish", "license:manage", "evaluation:configure",
            "hall:configure", "report:template"),
    /** 区县管理员: org units, staff and hall schedules of the own region. */
    REGION_ADMIN(Authorities.REGION_READ, Authorities.ORGUNIT_READ, Authorities.ORGUNIT_MANAGE,
            Authorities.ACCOUNT_READ, Authorities.ACCOUNT_MANAGE, "matter:read", "matter:edit", "matter:publish",
            "hall:configure"),
    /** 审计员: reads and verifies the audit log; separate from the system administrator. */
    AUDITOR("audit:read", "audit:verify", Authorities.REGION_READ, Authorities.ORGUNIT_READ),
    /** 窗口人员 */
    WINDOW_STAFF(Authorities.REGION_READ, Authorities.ORGUNIT_READ, Authorities.APPLICANT_READ,
            Authorities.PERSONAL_DATA_REVEAL, "casework:read", "casework:intake", "casework:prereview",
            "casework:deliver", "matter:read", "evaluation:read", "evaluation:enter", "complaint:receive",
            "complaint:handle", "hall:call", "hall:book", "statistics:read"),
    /** 审查人员 */
    REVIEWER(Authorities.REGION_READ, Authorities.ORGUNIT_READ, Authorities.APPLICANT_READ, "casework:read",
            "casework:review", "matter:read", "evaluation:read", "evaluation:appeal", "complaint:handle"),
    /** 科室负责人 */
    CHIEF(Authorities.REGION_READ, Authorities.ORGUNIT_READ, Authorities.APPLICANT_READ, Authorities.PERSONAL_DATA_REVEAL,
            "casework:read", "casework:review", "casework:decide", "casework:extend", "casework:assign", "matter:read",
            "matter:edit",
            "license:manage", "evaluation:read", "evaluation:enter", "evaluation:rectify", "complaint:receive",
            "complaint:handle", "complaint:manage", "complaint:read", "hall:read", "statistics:read"),
    /** 局领导 */
    LEADER(Authorities.REGION_READ, Authorities.ORGUNIT_READ, Authorities.APPLICANT_READ, "casework:read",
            "matter:read", "matter:publish", "evaluation:read", "evaluation:appeal", "evaluation:publish",
            "complaint:read", "hall:read", "statistics:read", "report:generate"),
    /** 党务工作人员: records the party work of the organisations where they hold a party role (see partybuilding). */
    PARTY_AFFAIRS(Authorities.REGION_READ, Authorities.ORGUNIT_READ, "party:manage");

    private final Set<String> authorities;

    Role(String... authorities) {
        this.authorities = Set.of(authorities);
    }

    public Set<String> authorities() {
        return authorities;
    }

    /** Authority names of this module. */
    public static final class Authorities {
        public static final String REGION_READ = "identity:region:read";
        public static final String REGION_MANAGE = "identity:region:manage";
        public static final String ORGUNIT_READ = "identity:orgunit:read";
        public static final String ORGUNIT_MANAGE = "identity:orgunit:manage";
        public static final String ACCOUNT_READ = "identity:account:read";
        public static final String ACCOUNT_MANAGE = "identity:account:manage";
        public static final String APPLICANT_READ = "identity:applicant:read";
        public static final String PERSONAL_DATA_REVEAL = "identity:personal-data:reveal";

        private Authorities() {
        }
    }
}

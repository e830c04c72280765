/**
 * 身份与组织: regions, org units, staff/person/enterprise accounts, roles and authorities, login with
 * password + TOTP, lockout, personal-data masking and the {@link org.oneseal.shared.DataScope} of the
 * current user.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"shared", "audit"})
package org.oneseal.identity;

/**
 * 办件: applications from intake to delivery — materials, correction, acceptance, review, decision, the
 * case clock in working days, the staff workbench and the applicant's view.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Casework",
        allowedDependencies = {"shared", "identity", "audit", "calendar", "matter", "approval", "license"})
package org.oneseal.casework;

/**
 * 好差评: service evaluation to 国办发〔2019〕51号 and GB/T 39734/39735 — five-level ratings of a case step (and later
 * windows, staff, halls) with the reasons of each level from a versioned scheme, and a rectification opened for
 * every bad review (不满意/非常不满意), assigned to whoever handled the case.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation",
        allowedDependencies = {"shared", "identity", "audit", "calendar", "casework", "matter"})
package org.oneseal.evaluation;

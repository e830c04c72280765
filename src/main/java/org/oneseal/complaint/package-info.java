/**
 * 办不成事: what people could not get done, reported at the window, by QR code or online (anonymous reports get a
 * tracking code), routed by ordered rules to a coordinator, chased with the responsible offices, answered, called
 * back and closed, with deadlines in working days and escalation when overdue; an append-only history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints (办不成事)",
        allowedDependencies = {"shared", "identity", "audit", "calendar", "matter"})
package org.oneseal.complaint;

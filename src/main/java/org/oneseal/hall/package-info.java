/**
 * The service hall: appointment slots per hall, window group and matter in normal, extended (延时), staggered (错时) and
 * holiday hours, made from service schedules and the working-day calendar; booking, change and cancellation with
 * fair limits and no overbooking; the queue of the day — tickets by appointment (first within their slot) or
 * walk-in, calls to a window, transfers, waiting and service times — and a live hall display.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service hall",
        allowedDependencies = {"shared", "identity", "audit", "calendar", "matter"})
package org.oneseal.hall;

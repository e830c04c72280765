/**
 * 工作日历: holidays and make-up working days as data, and the one place where deadlines in working
 * days are computed ({@link org.oneseal.calendar.WorkingDayCalendar}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar", allowedDependencies = {"shared", "audit"})
package org.oneseal.calendar;

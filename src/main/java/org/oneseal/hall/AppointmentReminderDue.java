package org.oneseal.hall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** An appointment of tomorrow to remind its applicant of: published once per appointment, for the notifications. */
public record AppointmentReminderDue(long appointmentId, long accountId, String code, LocalDate day, LocalTime starts,
                                     String hallName, Instant at) {
}

package org.oneseal.notification;

import java.util.List;
import java.util.Locale;
import org.oneseal.hall.AppointmentReminderDue;
import org.oneseal.identity.ApplicantDirectory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The reminder of tomorrow's appointment: an in-app message of the applicant and, when the message is new, an SMS
 * (or e-mail) through the outbound channels (after the reminder's commit, through the event publication registry;
 * stored once per account and time, so a redelivery stores and sends nothing twice; a failing channel rolls the
 * message back and the reminder is retried).
 */
@Component
class AppointmentReminderNotifier {

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final ApplicantDirectory applicants;
    private final List<OutboundChannel> channels;

    AppointmentReminderNotifier(JdbcClient jdbc, MessageSource messages, ApplicantDirectory applicants,
            List<OutboundChannel> channels) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.applicants = applicants;
        this.channels = channels;
    }

    @ApplicationModuleListener
    void on(AppointmentReminderDue reminder) {
        String title = messages.getMessage("notification.title.APPOINTMENT_REMINDER", null, Locale.SIMPLIFIED_CHINESE);
        String body = messages.getMessage("notification.body.APPOINTMENT_REMINDER", new Object[] {reminder.hallName(),
            reminder.day().toString(), reminder.starts().toString(), reminder.code()}, Locale.SIMPLIFIED_CHINESE);
        int stored = jdbc.sql("""
                insert into oneseal.notification_message (account_id, case_id, kind, title, body, link, created_at)
                values (:account, null, 'APPOINTMENT_REMINDER', :title, :body, '/me/appointments', :at)
                on conflict do nothing""")
                .param("account", reminder.accountId()).param("title", title).param("body", body)
                .param("at", java.sql.Timestamp.from(reminder.at())).update();
        if (stored == 1) {
            applicants.profile(reminder.accountId()).map(p -> new Recipient(p.accountId(), p.phone(), null))
                    .ifPresent(r -> channels.stream().filter(c -> c.reaches(r))
                            .forEach(c -> c.send(r, reminder.code(), "APPOINTMENT_REMINDER", title, body)));
        }
    }
}

package org.oneseal.notification;

import java.util.Locale;
import org.oneseal.hall.AppointmentReminderDue;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The reminder of tomorrow's appointment, as an in-app message of the applicant (after the reminder's commit, through
 * the event publication registry; stored once per account and time, so a redelivery stores nothing twice).
 */
@Component
class AppointmentReminderNotifier {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    AppointmentReminderNotifier(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(AppointmentReminderDue reminder) {
        String title = messages.getMessage("notification.title.APPOINTMENT_REMINDER", null, Locale.SIMPLIFIED_CHINESE);
        String body = messages.getMessage("notification.body.APPOINTMENT_REMINDER", new Object[] {reminder.hallName(),
            reminder.day().toString(), reminder.starts().toString(), reminder.code()}, Locale.SIMPLIFIED_CHINESE);
        jdbc.sql("""
                insert into oneseal.notification_message (account_id, case_id, kind, title, body, link, created_at)
                values (:account, null, 'APPOINTMENT_REMINDER', :title, :body, '/me/appointments', :at)
                on conflict do nothing""")
                .param("account", reminder.accountId()).param("title", title).param("body", body)
                .param("at", java.sql.Timestamp.from(reminder.at())).update();
    }
}

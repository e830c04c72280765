package org.oneseal.notification;

import java.util.Locale;
import org.oneseal.hall.AppointmentReminderDue;
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
    private final Outbound outbound;

    AppointmentReminderNotifier(JdbcClient jdbc, MessageSource messages, Outbound outbound) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.outbound = outbound;
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
            outbound.send(reminder.accountId(), reminder.code(), "APPOINTMENT_REMINDER", title, body);
        }
    }
}

package org.oneseal.notification;

import java.util.List;

/** The signed-in applicant's messages, newest first, and how many are unread. */
public record Inbox(long unread, List<MessageView> messages) {
}

package org.oneseal.notification;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** An in-app message as its applicant sees it; {@code readAt} is null while unread. */
public record MessageView(long id, long caseId,
                          @Schema(description = "notification.api.field.kind", example = "ACCEPTED") String kind,
                          String title, String body,
                          @Schema(description = "notification.api.field.link", example = "/me/cases/42") String link,
                          Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}

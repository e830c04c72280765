package org.oneseal.notification;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.oneseal.casework.CaseStatusChanged;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Which moves of a case the applicant hears about, and in which words. Internal steps (认领, 退回待办, the
 * reviewer's opinion) are not announced: the applicant learns the outcome from the decision.
 */
@Component
class CaseNotices {

    /**
     * Moves the applicant is told about; 延期 and 特殊环节 must be notified in writing
     * (《行政许可法》第四十二条、第四十五条).
     */
    static final Set<String> ANNOUNCED = Set.of("SUBMITTED", "CORRECTION_REQUESTED", "CORRECTION_SUBMITTED",
            "ACCEPTED", "REFUSED", "GRANTED", "DENIED", "DELIVERED", "FILED", "TERMINATED", "NOT_REQUIRED", "COMMITMENT_FALSE",
            "BUNDLE_CORRECTION_REQUESTED", "DEFERRED_MATERIAL_REMINDER",
            "DEFERRED_MATERIAL_OVERDUE", "EXTENDED", "SPECIAL_PROCEDURE_STARTED",
            "SPECIAL_PROCEDURE_ENDED", "RATING_INVITED");

    private final MessageSource messages;

    CaseNotices(MessageSource messages) {
        this.messages = messages;
    }

    /** The notice of a move, or nothing when the move is internal or the applicant has no account. */
    Optional<CaseNotice> of(CaseStatusChanged event) {
        if (event.applicantAccountId() == null || !ANNOUNCED.contains(event.event())) {
            return Optional.empty();
        }
        if (event.bundleCaseId() != null && "CORRECTION_REQUESTED".equals(event.event())) {
            return Optional.empty(); // 一件事: the departments' requests reach the applicant as one combined notice
        }
        // numbers and dates as strings: MessageFormat would print 2026 as "2,026"
        String expected = event.expectedDate() == null ? chinese("notification.dateUnknown")
                : event.expectedDate().toString();
        String reason = event.reason() == null || event.reason().isBlank() ? "—" : event.reason().strip();
        String title = chinese("notification.title." + event.event());
        String body = chinese("notification.body." + event.event(), event.caseNumber(), event.matterName(),
                expected, reason);
        return Optional.of(new CaseNotice(event.applicantAccountId(), event.caseId(), event.caseNumber(),
                event.event(), title, body, event.event().startsWith("BUNDLE_") && event.bundleCaseId() != null
                        ? "/me/bundles/" + event.bundleCaseId() : "/me/cases/" + event.caseId()
                        + ("RATING_INVITED".equals(event.event()) ? "/rate" : ""), event.at()));
    }

    private String chinese(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}

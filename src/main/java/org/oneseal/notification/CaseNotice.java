package org.oneseal.notification;

import java.time.Instant;

/** What an applicant is told about one move of one case (Chinese text, from the bundles). */
record CaseNotice(long accountId, long caseId, String caseNumber, String kind, String title, String body,
                  String link, Instant at) {
}

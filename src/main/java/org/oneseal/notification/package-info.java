/**
 * 消息通知: tells applicants about every status change of their cases that they must hear about — an in-app
 * message, plus SMS/e-mail through outbound channels (the demo channels only log). Reacts to
 * {@link org.oneseal.casework.CaseStatusChanged} after the case's commit, through the event publication
 * registry, so that a crash loses no notice.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"shared", "identity", "casework", "hall"})
package org.oneseal.notification;

package org.oneseal.notification;

/**
 * A way to tell an applicant outside the portal (SMS, e-mail). A real gateway is another implementation;
 * the shipped ones only write a log line. A channel that throws makes the whole notice be retried.
 */
interface OutboundChannel {

    /** Whether this channel can reach the recipient at all (e.g. an SMS needs a phone number). */
    boolean reaches(Recipient recipient);

    /**
     * Sends a notice: {@code reference} is what it is about (a case number, an appointment code), {@code kind} its
     * kind, {@code title} and {@code body} its text.
     */
    void send(Recipient recipient, String reference, String kind, String title, String body);
}

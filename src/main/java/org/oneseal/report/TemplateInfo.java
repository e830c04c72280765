package org.oneseal.report;

import java.time.Instant;
import java.util.List;

/**
 * An uploaded template as the list and the API show it (without its content).
 *
 * @param id            its id, chosen for generation as {@code template=<id>}
 * @param kind          annual report or monthly bulletin
 * @param name          the name the administrator gave it
 * @param fileName      the uploaded file's name
 * @param sizeBytes     its size
 * @param placeholders  the placeholders found in it, as written between the braces
 * @param uploadedBy    who uploaded it
 * @param uploadedAt    when
 * @param active        false once deactivated (no longer offered)
 * @param deactivatedBy who deactivated it, or null
 * @param deactivatedAt when, or null
 */
public record TemplateInfo(long id, ReportKind kind, String name, String fileName, int sizeBytes,
        List<String> placeholders, String uploadedBy, Instant uploadedAt, boolean active, String deactivatedBy,
        Instant deactivatedAt) {
}

package org.oneseal.report;

import java.util.Locale;
import org.oneseal.shared.InvalidInputException;

/** The file a report is generated as. */
public enum ReportFormat {
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    PDF("application/pdf", "pdf");

    private final String contentType;
    private final String extension;

    ReportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** {@code docx} or {@code pdf} (any case; omitted: docx). */
    public static ReportFormat parse(String text, String message) {
        if (text == null || text.isBlank()) {
            return DOCX;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "docx", "word" -> DOCX;
            case "pdf" -> PDF;
            default -> throw InvalidInputException.of("format", message);
        };
    }
}

package org.oneseal.report;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Locale;
import org.oneseal.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Reading the request parameters shared by the API and the pages, and answering a file. */
@Component
class ReportRequests {

    private final ReportMessages messages;

    ReportRequests(ReportMessages messages) {
        this.messages = messages;
    }

    /** {@code ANNUAL} / {@code MONTHLY} in any case. */
    ReportKind kind(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of("kind", messages.text("report.kind.missing"));
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "ANNUAL" -> ReportKind.ANNUAL;
            case "MONTHLY" -> ReportKind.MONTHLY;
            default -> throw InvalidInputException.of("kind", messages.text("report.kind.invalid"));
        };
    }

    /** A year such as 2025. */
    Integer year(String text) {
        if (text == null || !text.strip().matches("[0-9]{4}")) {
            throw InvalidInputException.of("year", messages.text("report.year.format"));
        }
        return Integer.valueOf(text.strip());
    }

    /** A month written yyyy-MM. */
    YearMonth month(String text) {
        if (text == null || !text.strip().matches("[0-9]{4}-[0-9]{2}")) {
            throw InvalidInputException.of("month", messages.text("report.month.format"));
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (java.time.DateTimeException e) {
            throw InvalidInputException.of("month", messages.text("report.month.format"));
        }
    }

    ReportFormat format(String text) {
        return ReportFormat.parse(text, messages.text("report.format.invalid"));
    }

    static ResponseEntity<byte[]> download(ReportFile file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build()
                                .toString())
                .contentType(MediaType.parseMediaType(file.contentType())).body(file.content());
    }
}

package org.oneseal.partybuilding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.oneseal.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Attachments of party work kept in the database (table {@code party_file}): the minutes, photos and sign-in sheets
 * of a meeting, the evidence of a rectification item. Checked by content, not by name: PDF, PNG, JPEG, DOCX or XLSX,
 * the extension matching the content, at most {@link #MAX_BYTES} each and {@link #MAX_FILES} per meeting or item.
 * Served with their checked type only, nosniff, and a sandbox; office documents are downloaded, never shown.
 */
@Component
class PartyFiles {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_FILES = 10;
    static final String FIELD = "files";

    /** Whose files: a meeting's or a rectification item's. */
    enum Owner {
        MEETING("meeting_id"), ITEM("item_id");

        final String column;

        Owner(String column) {
            this.column = column;
        }
    }

    /** A file as uploaded (at most one byte more than allowed is read: enough to refuse it). */
    record Upload(String fileName, byte[] content) {
        static List<Upload> of(List<MultipartFile> parts) {
            List<Upload> uploads = new ArrayList<>();
            for (MultipartFile f : parts == null ? List.<MultipartFile>of() : parts) {
                boolean named = f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank();
                if (named || !f.isEmpty()) {
                    try (var in = f.getInputStream()) {
                        uploads.add(new Upload(f.getOriginalFilename(), in.readNBytes(MAX_BYTES + 1)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return uploads;
        }
    }

    /** A stored file as listed. */
    record FileInfo(long id, String fileName, String contentType, int sizeBytes, String sm3) {
    }

    record Checked(String fileName, String contentType, byte[] content, String sm3) {
    }

    private record Stored(String fileName, String contentType, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final PartyMessages messages;
    private final Clock clock;

    PartyFiles(JdbcClient jdbc, PartyMessages messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /** Checks the uploads (field {@code files}); {@code stored} files are there already. Adds errors, stores nothing. */
    List<Checked> check(List<Upload> uploads, int stored, InvalidInputException.Collector errors) {
        List<Checked> checked = new ArrayList<>();
        if (uploads.size() + stored > MAX_FILES) {
            errors.add(FIELD, messages.text("party.file.tooMany", MAX_FILES));
            return checked;
        }
        for (Upload u : uploads) {
            String name = safeName(u.fileName());
            String problem = problem(name, u.content());
            if (problem != null) {
                errors.add(FIELD, messages.text(problem, name));
            } else {
                checked.add(new Checked(name, type(name, u.content()), u.content(), sm3(u.content())));
            }
        }
        return checked;
    }

    void store(Owner owner, long ownerId, List<Checked> files, String by) {
        for (Checked f : files) {
            jdbc.sql("""
                    insert into oneseal.party_file (%s, file_name, content_type, size_bytes, sm3, content, uploaded_by,
                    uploaded_at) values (:o, :n, :t, :s, :h, :c, :by, :at)""".formatted(owner.column))
                    .param("o", ownerId).param("n", f.fileName()).param("t", f.contentType())
                    .param("s", f.content().length).param("h", f.sm3()).param("c", f.content()).param("by", by)
                    .param("at", Timestamp.from(clock.instant())).update();
        }
    }

    List<FileInfo> list(Owner owner, long ownerId) {
        return jdbc.sql("""
                select id, file_name, content_type, size_bytes, sm3 from oneseal.party_file where %s = :o order by id"""
                .formatted(owner.column)).param("o", ownerId)
                .query((rs, n) -> new FileInfo(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
                        rs.getInt("size_bytes"), rs.getString("sm3"))).list();
    }

    int count(Owner owner, long ownerId) {
        return jdbc.sql("select count(*) from oneseal.party_file where %s = :o".formatted(owner.column))
                .param("o", ownerId).query(Integer.class).single();
    }

    /** The file as a response (the caller has checked that its owner may be seen), or empty when it is not theirs. */
    Optional<ResponseEntity<byte[]>> response(Owner owner, long ownerId, long fileId) {
        return jdbc.sql("select file_name, content_type, content from oneseal.party_file where id = :id and %s = :o"
                .formatted(owner.column)).param("id", fileId).param("o", ownerId)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .map(PartyFiles::response);
    }

    private static ResponseEntity<byte[]> response(Stored f) {
        boolean shown = f.contentType().startsWith("image/") || f.contentType().equals("application/pdf");
        ContentDisposition disposition = (shown ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(f.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", f.contentType().equals("application/pdf")
                        ? "default-src 'none'; object-src 'self'" : "sandbox; default-src 'none'; img-src 'self'")
                .body(f.content());
    }

    /** The message key of what is wrong with a file, or null. */
    static String problem(String name, byte[] content) {
        if (content == null || content.length == 0) {
            return "party.file.empty";
        }
        if (content.length > MAX_BYTES) {
            return "party.file.tooLarge";
        }
        String sniffed = sniff(content);
        if (sniffed == null) {
            return "party.file.type";
        }
        return type(name, content) == null ? "party.file.mismatch" : null;
    }

    /** The content type the name's extension claims, if the content is of that kind; else null. */
    private static String type(String name, byte[] content) {
        String lower = name.toLowerCase(Locale.ROOT);
        String sniffed = sniff(content);
        if (sniffed == null) {
            return null;
        }
        return switch (sniffed) {
            case "application/pdf" -> lower.endsWith(".pdf") ? sniffed : null;
            case "image/png" -> lower.endsWith(".png") ? sniffed : null;
            case "image/jpeg" -> lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? sniffed : null;
            default -> lower.endsWith(".docx")
                    ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    : lower.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : null;
        };
    }

    private static String sniff(byte[] b) {
        if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return "image/png";
        }
        if (startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        return startsWith(b, new byte[] {'P', 'K', 3, 4}) ? "application/zip" : null;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && java.util.Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String sm3(byte[] content) {
        SM3Digest digest = new SM3Digest();
        digest.update(content, 0, content.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** Only the last path segment, no control characters, at most 200 characters: what is stored and shown. */
    static String safeName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.substring(base.lastIndexOf(':') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
        base = base.length() > 200 ? base.substring(base.length() - 200) : base;
        return base.isEmpty() || base.equals(".") || base.equals("..") ? "file" : base;
    }
}

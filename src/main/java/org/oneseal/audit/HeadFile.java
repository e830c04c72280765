package org.oneseal.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exported head as a small JSON file {@code {"seq":..,"hash":"..","exportedAt":".."}}, written
 * atomically (temporary file in the same directory, flushed, then renamed over the old one), so a reader
 * never sees half a file. Copy it off the server (WORM storage, another host) to make it a witness.
 */
@Component
class HeadFile {

    private static final Logger log = LoggerFactory.getLogger(HeadFile.class);

    /** The file's JSON content. */
    record Content(long seq, String hash, String exportedAt) {
    }

    private final Path path;
    private final JsonMapper json;

    HeadFile(@Value("${oneseal.audit.head-export-file:./data/audit-head.json}") String path, JsonMapper json) {
        this.path = Path.of(path).toAbsolutePath().normalize();
        this.json = json;
    }

    Path path() {
        return path;
    }

    void write(AuditHead head, OffsetDateTime exportedAt) {
        byte[] bytes = json.writeValueAsBytes(new Content(head.seq(), head.hash(), exportedAt.toString()));
        try {
            Files.createDirectories(path.getParent());
            Path temp = Files.createTempFile(path.getParent(), ".audit-head-", ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(bytes));
                    channel.force(true);
                }
                move(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the audit head file " + path, e);
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The exported head, if the file exists and can be read; an unreadable file is logged and ignored. */
    Optional<ExportedHeads.Known> read() {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            Content c = json.readValue(Files.readAllBytes(path), Content.class);
            return Optional.of(new ExportedHeads.Known(c.seq(), c.hash(),
                    c.exportedAt() == null ? null : OffsetDateTime.parse(c.exportedAt()), path.toString()));
        } catch (IOException | RuntimeException e) {
            log.warn("the audit head file {} cannot be read and is ignored: {}", path, e.toString());
            return Optional.empty();
        }
    }
}

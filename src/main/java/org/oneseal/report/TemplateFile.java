package org.oneseal.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Reads an uploaded Word template safely: at most {@link #MAX_BYTES}, a real .docx (a zip holding
 * {@code word/document.xml}, not an old binary .doc, not a zip bomb: at most {@link #MAX_ENTRIES} entries and
 * {@link #MAX_UNPACKED} bytes unpacked) that POI can open. Each refusal names its reason as a message key.
 */
final class TemplateFile {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ENTRIES = 1_000;
    static final long MAX_UNPACKED = 50L * 1024 * 1024;
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    /** Why a file is not a usable template (a message key of the report bundle). */
    static final class Unreadable extends Exception {
        private final String key;

        Unreadable(String key) {
            super(key, null, false, false);
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    private TemplateFile() {
    }

    static XWPFDocument open(byte[] bytes) throws Unreadable {
        if (bytes == null || bytes.length == 0) {
            throw new Unreadable("report.file.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new Unreadable("report.file.tooLarge");
        }
        if (startsWith(bytes, OLE2)) {
            throw new Unreadable("report.file.oldDoc");
        }
        if (!startsWith(bytes, new byte[] {'P', 'K', 3, 4})) {
            throw new Unreadable("report.file.notDocx");
        }
        if (!safeZipWithDocument(bytes)) {
            throw new Unreadable("report.file.notDocx");
        }
        try {
            return new XWPFDocument(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("report.file.notDocx");
        }
    }

    /** Whether the zip is small enough unpacked and holds the main part of a Word document. */
    private static boolean safeZipWithDocument(byte[] bytes) {
        boolean document = false;
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    return false;
                }
                document |= e.getName().equals("word/document.xml");
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED) {
                        return false;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return document;
    }

    private static boolean startsWith(byte[] bytes, byte[] head) {
        if (bytes.length < head.length) {
            return false;
        }
        for (int i = 0; i < head.length; i++) {
            if (bytes[i] != head[i]) {
                return false;
            }
        }
        return true;
    }
}

package org.oneseal.casework;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Checks an uploaded material by its content, not its name: PDF, PNG or JPEG only, the extension must
 * match what the bytes are (an HTML page named .pdf is refused), at most {@link #MAX_BYTES}.
 */
final class MaterialCheck {

    static final long MAX_BYTES = 10L * 1024 * 1024;

    private MaterialCheck() {
    }

    /** The real content type, or null when the file is not acceptable; {@code problem} says why. */
    static Result check(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            return Result.refused("casework.material.empty");
        }
        if (content.length > MAX_BYTES) {
            return Result.refused("casework.material.tooLarge");
        }
        String type = sniff(content);
        if (type == null) {
            return Result.refused("casework.material.type");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean extensionFits = switch (type) {
            case "application/pdf" -> name.endsWith(".pdf");
            case "image/png" -> name.endsWith(".png");
            default -> name.endsWith(".jpg") || name.endsWith(".jpeg");
        };
        return extensionFits ? new Result(type, null) : Result.refused("casework.material.mismatch");
    }

    static String sniff(byte[] b) {
        if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return "image/png";
        }
        if (startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        return null;
    }

    static String sm3(byte[] content) {
        SM3Digest digest = new SM3Digest();
        digest.update(content, 0, content.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    record Result(String contentType, String problemKey) {
        static Result refused(String key) {
            return new Result(null, key);
        }

        boolean ok() {
            return problemKey == null;
        }
    }
}

package org.oneseal.license;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The canonical byte form that the seal signs: UTF-8, no BOM, a header line, then one {@code name=value}
 * line per field in a fixed order, each ended by LF. In values, backslash, LF and CR are written as
 * {@code \\}, {@code \n} and {@code \r}; an absent value is empty. Documented in docs/licences.md.
 */
final class CanonicalForm {

    private final String header;
    private final Map<String, String> fields = new LinkedHashMap<>();

    CanonicalForm(String header) {
        this.header = header;
    }

    CanonicalForm add(String name, Object value) {
        if (fields.containsKey(name) || !LicenceRules.isFieldName(name)) {
            throw new IllegalArgumentException("invalid or repeated canonical field name: " + name);
        }
        fields.put(name, value == null ? "" : value.toString());
        return this;
    }

    byte[] toBytes() {
        StringBuilder text = new StringBuilder(header).append('\n');
        fields.forEach((name, value) -> text.append(name).append('=').append(escape(value)).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the fields of a canonical text with this header; null when the bytes are not such a text. */
    static Map<String, String> parse(byte[] bytes, String expectedHeader) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.startsWith(expectedHeader + "\n") || !text.endsWith("\n")) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.substring(expectedHeader.length() + 1).split("\n")) {
            int equals = line.indexOf('=');
            if (equals <= 0 || fields.putIfAbsent(line.substring(0, equals), unescape(line.substring(equals + 1))) != null) {
                return null;
            }
        }
        return fields;
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

package org.oneseal.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The last guard against a placeholder printed as it is written: every {@code ${} left in the raw XML of any part of
 * a filled Word document (the body, headers, footers, notes, comments, document properties, relationships …). What
 * the filling reaches is gone by then; what is left stands where no report can fill it — a field code, a comment,
 * deleted text of a tracked change, a hyperlink's address, a picture's alternative text, the document's properties —
 * or is a placeholder the filling missed. Either way the document must not go out: the upload of such a template is
 * refused, and a report from it is not generated.
 */
final class TemplateLeftovers {

    /**
     * One {@code ${…}} left.
     *
     * @param part the package part, e.g. {@code word/comments.xml}
     * @param text what stands between the braces (as in {@link Placeholder#text()}), or {@code ${…} } as written
     *             when it is not closed
     */
    record Leftover(String part, String text) {
    }

    private static final Pattern OPENING = Pattern.compile("\\$\\{([^{}<>\"]{0,60})(})?");

    private TemplateLeftovers() {
    }

    /** Every {@code ${…}} of the document's XML parts, once per part and text, in the package's order. */
    static List<Leftover> in(byte[] docx) {
        Set<Leftover> found = new LinkedHashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (isXml(e.getName())) {
                    String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    Matcher m = OPENING.matcher(xml);
                    while (m.find()) {
                        String inside = unescape(m.group(1)).strip();
                        found.add(new Leftover(e.getName(), m.group(2) != null ? inside : "${" + inside));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(found);
    }

    private static boolean isXml(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".xml") || n.endsWith(".rels") || n.endsWith(".vml");
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}

package org.oneseal.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The platform's own templates are kept as plain text (src/main/resources/report/*.txt) so that they can be read,
 * edited and reviewed like code, and are turned into Word documents when first used. One line is one paragraph:
 *
 * <pre>
 * // a comment                      # title                    ## first-level heading
 * ### second-level heading          #### third-level heading   &gt; a centred line (under the title)
 * | a | table | row |               (consecutive rows make a table, the first is its header)
 * anything else                     a body paragraph
 * </pre>
 *
 * Blank lines are ignored. Placeholders are written as in any template ({@code ${evaluation.total}}).
 */
final class TemplateMarkup {

    private TemplateMarkup() {
    }

    static byte[] docx(String markup) {
        try (XWPFDocument doc = DocxBuilder.newDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DocxBuilder builder = new DocxBuilder(doc);
            List<List<String>> table = new ArrayList<>();
            for (String raw : markup.split("\\R")) {
                String line = raw.strip();
                if (line.startsWith("|")) {
                    table.add(cells(line));
                    continue;
                }
                if (!table.isEmpty()) {
                    builder.table(table, null, 12);
                    table = new ArrayList<>();
                }
                if (!line.isEmpty() && !line.startsWith("//")) {
                    paragraph(builder, line);
                }
            }
            if (!table.isEmpty()) {
                builder.table(table, null, 12);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void paragraph(DocxBuilder builder, String line) {
        if (line.startsWith("#### ")) {
            builder.paragraph("Heading3", line.substring(5).strip());
        } else if (line.startsWith("### ")) {
            builder.paragraph("Heading2", line.substring(4).strip());
        } else if (line.startsWith("## ")) {
            builder.paragraph("Heading1", line.substring(3).strip());
        } else if (line.startsWith("# ")) {
            builder.paragraph("Title", line.substring(2).strip());
        } else if (line.startsWith("> ")) {
            builder.paragraph("Subtitle", line.substring(2).strip());
        } else {
            builder.paragraph(null, line);
        }
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
